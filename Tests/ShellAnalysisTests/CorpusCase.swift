import Foundation
import ShellAnalysis
import Testing

/// One corpus entry: a phase-script-shaped snippet (`Corpus/NAME.bash`) and its expected analysis
/// (`Corpus/NAME.json`).
struct CorpusCase: Sendable, CustomTestStringConvertible {
  /// The expected analysis as stored in the JSON file.
  struct Expectation: Decodable, Sendable {
    /// An expected uncertainty: its kind and where it starts.
    struct ExpectedUncertainty: Decodable, Sendable, Equatable {
      var kind: String
      var line: Int
      var column: Int
    }

    var outputNames: [String]
    /// Variables known to be associative arrays before the script runs (structured attributes).
    var associativeArrays: Set<String>?
    var reads: Set<String>
    var writes: Set<String>
    var functionsDefined: Set<String>
    var commandsCalled: Set<String>
    var changesDirectory: Bool
    var outputsUsed: Set<String>
    var readsSource: Bool
    var uncertainties: [ExpectedUncertainty]
  }

  /// The file name without extension, e.g. `07-postpatch-heredoc`.
  var name: String
  /// The script text.
  var script: String
  /// What the analyser must report.
  var expectation: Expectation

  var testDescription: String { name }

  /// The folder holding the corpus files.
  static var directory: URL {
    get throws {
      guard let url = Bundle.module.url(forResource: "Corpus", withExtension: nil) else {
        throw CorpusError.missingDirectory
      }
      return url
    }
  }

  /// Every corpus case, sorted by name.
  static func loadAll() throws -> [CorpusCase] {
    let directory = try directory
    let scripts = try FileManager.default.contentsOfDirectory(atPath: directory.path)
      .filter { $0.hasSuffix(".bash") }
      .sorted()
    return try scripts.map { fileName in
      let name = String(fileName.dropLast(".bash".count))
      let script = try String(contentsOf: directory.appendingPathComponent(fileName), encoding: .utf8)
      let json = try Data(contentsOf: directory.appendingPathComponent(name + ".json"))
      let expectation = try JSONDecoder().decode(Expectation.self, from: json)
      return CorpusCase(name: name, script: script, expectation: expectation)
    }
  }

  /// The corpus for parameterized tests (empty when it cannot be loaded; ``CorpusTests`` checks the count).
  static let all: [CorpusCase] = (try? loadAll()) ?? []
}
