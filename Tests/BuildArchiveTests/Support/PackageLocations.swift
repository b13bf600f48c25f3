import Foundation

/// Paths inside the package checkout, for tests that need the upstream sources or the built CLI.
enum PackageLocations {
  /// The package root (three levels above this file).
  static let root: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url.path
  }()

  /// An upstream tarball fetched by scripts/fetch-sources.sh.
  static func source(_ name: String) -> String { root + "/.cache/sources/" + name }

  /// The phasesplit executable: $PHASESPLIT_TEST_TOOL, else the package's debug or release build.
  static var tool: String? {
    if let configured = ProcessInfo.processInfo.environment["PHASESPLIT_TEST_TOOL"] { return configured }
    for configuration in ["debug", "release"] {
      let candidate = root + "/.build/" + configuration + "/phasesplit"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}
