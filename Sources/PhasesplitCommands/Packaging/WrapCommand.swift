import ArgumentParser
import Derivations
import Foundation
import NixEmission
import NixInterface
import SplitPlanning

/// `phasesplit wrap`: writes a Nix file that builds a package split into segments, with the
/// attribute placement decided by script analysis.
public struct WrapCommand: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "wrap",
    abstract: "Write a Nix file that builds a package split into segments.",
    discussion: """
      The file imports the phasesplit Nix library and applies splitPhases to the package, with \
      the boundaries and the placement of attributes outside the shared table (decided by \
      analysing the phase scripts). With -f FILE the package is (import FILE { args }).ATTR; \
      with a .drv or output path it is rebuilt from the .drv's attributes, each input store path \
      keeping its string context. With --instantiate, prints each segment's name and .drv path.
      """
  )

  @OptionGroup public var installable: InstallableOptions

  @Option(
    help: ArgumentHelp(
      "Comma-separated boundaries (default: unpack,configure,build,check).", valueName: "names"))
  public var boundaries: String?

  @Option(
    name: [.short, .customLong("output")], help: ArgumentHelp("Write the Nix file here (default: stdout)."))
  public var outputFile: String?

  @Flag(help: "Instantiate the written file and print each segment's name and .drv path.")
  public var instantiate = false

  @Flag(help: "Make earlier segments floating content-addressed derivations (ca-derivations).")
  public var contentAddressed = false

  public init() {}

  public func run() async throws {
    let runner = NixRunner()
    let spec = try installable.spec()
    let package = try await PackageDerivation.resolve(spec, runner: runner)
    let nixLibrary = try NixLibraryLocator.locate()
    let table = try AttributePhaseTable.load(nixLibrary: nixLibrary)
    let chosenBoundaries = try BoundaryList.parse(boundaries)
    let analysis: SplitAnalysis
    do {
      analysis = try SplitAnalysis(
        attributes: DerivationAttributes(package.derivation), boundaries: chosenBoundaries, table: table)
    } catch {
      if case .notSplittable(let refusal) = error {
        throw PackagingCommandError.notSplittable(
          packageName: package.derivation.name, reason: refusal.description)
      }
      throw error
    }
    let expression = WrapExpression(
      nixLibrary: nixLibrary.path,
      phasesplitExecutable: NixLibraryLocator.currentExecutable()?.path ?? CommandLine.arguments[0],
      package: try Self.wrappedPackage(spec, derivation: package.derivation),
      boundaries: analysis.segmentPlan.boundaries.map(\.rawValue),
      placement: analysis.placement.overrides,
      contentAddressed: contentAddressed,
      origin: "from \(Self.describe(spec)) (\(package.path))"
    )
    if !instantiate {
      if let outputFile {
        try Self.write(expression.text, to: outputFile)
      } else {
        print(expression.text, terminator: "")
      }
      return
    }
    let file: String
    var temporaryDirectory: URL?
    if let outputFile {
      file = outputFile
    } else {
      let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
        "phasesplit-wrap-\(UUID())")
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      temporaryDirectory = directory
      file = directory.appendingPathComponent("split.nix").path
    }
    defer { if let temporaryDirectory { try? FileManager.default.removeItem(at: temporaryDirectory) } }
    try Self.write(expression.text, to: file)
    for (name, path) in try await Self.segmentDerivations(of: file, runner: runner) {
      print("\(name) \(path)")
    }
  }

  /// The package expression: the Nix file's attribute, or the package rebuilt from the `.drv`.
  static func wrappedPackage(_ spec: InstallableSpec, derivation: Derivation) throws -> WrappedPackage {
    switch spec {
    case .file(let file, let attribute, let arguments):
      let absolute = URL(fileURLWithPath: file).standardizedFileURL.path
      return .expression(
        file: absolute,
        attributePath: attribute.map { $0.split(separator: ".").map(String.init) } ?? [],
        arguments: arguments.map { argument in
          switch argument.value {
          case .expression(let text): PackageArgument(name: argument.name, value: .expression(text))
          case .string(let text): PackageArgument(name: argument.name, value: .string(text))
          }
        })
    case .path:
      return .derivation(try DerivationPackage(derivation: derivation) { try Derivation.read(path: $0) })
    }
  }

  /// Instantiates every segment of a written wrap file, in order.
  static func segmentDerivations(of file: String, runner: NixRunner) async throws -> [(String, String)] {
    let absolute = URL(fileURLWithPath: file).standardizedFileURL.path
    let imported = "(import \(NixSyntax.pathLiteral(absolute)))"
    let namesValue = try await runner.evaluate(expression: "\(imported).passthru.segmentNames")
    let names = namesValue.arrayValue?.compactMap(\.stringValue) ?? []
    guard !names.isEmpty, names.count == namesValue.arrayValue?.count else {
      throw PackagingCommandError.unexpectedSegmentNames(namesValue.serialized())
    }
    let paths = try await runner.instantiate(
      expression:
        "let split = \(imported); in map (name: split.passthru.segments.${name}) split.passthru.segmentNames")
    guard paths.count == names.count else {
      throw PackagingCommandError.unexpectedSegmentNames(
        "\(names.count) names but \(paths.count) derivations")
    }
    return Array(zip(names, paths))
  }

  private static func write(_ text: String, to path: String) throws {
    do {
      try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    } catch {
      throw PackagingCommandError.cannotWrite(path: path, detail: error.localizedDescription)
    }
  }

  private static func describe(_ spec: InstallableSpec) -> String {
    switch spec {
    case .path(let path): return path
    case .file(let file, let attribute, let arguments):
      var text = "-f \(file)"
      if let attribute { text += " -A \(attribute)" }
      for argument in arguments { text += " " + argument.commandLineArguments.joined(separator: " ") }
      return text
    }
  }
}
