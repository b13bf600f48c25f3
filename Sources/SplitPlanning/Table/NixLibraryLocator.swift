import Foundation

/// Finds the `nix-lib/` directory (the Nix library and its attribute table).
///
/// Order: the environment variable `PHASESPLIT_NIX_LIB`; then, relative to the running
/// executable, `<exe>/../../../nix-lib` (a checkout's `.build/<config>/phasesplit`) and
/// `<exe>/../share/phasesplit/nix-lib` (an installed tree).
public enum NixLibraryLocator {
  /// The environment variable that names the nix-lib directory explicitly.
  public static let environmentVariable = "PHASESPLIT_NIX_LIB"

  /// The directory of the Nix library.
  /// - Parameters:
  ///   - environment: the process environment (injectable for tests).
  ///   - executable: the running executable's path; defaults to ``currentExecutable()``.
  public static func locate(
    environment: [String: String] = ProcessInfo.processInfo.environment,
    executable: URL? = currentExecutable()
  ) throws(PlanningError) -> URL {
    if let explicit = environment[environmentVariable], !explicit.isEmpty {
      let url = URL(fileURLWithPath: explicit).standardizedFileURL
      guard isNixLibrary(url) else {
        throw .nixLibraryNotFound(
          searched: [url.path], hint: "\(environmentVariable) does not name a nix-lib directory")
      }
      return url
    }
    let candidates = executableRelativeCandidates(executable)
    if let found = candidates.first(where: isNixLibrary) { return found }
    throw .nixLibraryNotFound(
      searched: candidates.map(\.path),
      hint: "set \(environmentVariable) to the nix-lib directory of a phasesplit checkout"
    )
  }

  /// The places searched next to an executable, in order.
  public static func executableRelativeCandidates(_ executable: URL?) -> [URL] {
    guard let executable else { return [] }
    let binDirectory = executable.resolvingSymlinksInPath().deletingLastPathComponent()
    return [
      binDirectory.appendingPathComponent("../../../nix-lib").standardizedFileURL,
      binDirectory.appendingPathComponent("../share/phasesplit/nix-lib").standardizedFileURL,
    ]
  }

  /// The running executable's absolute path (`/proc/self/exe` on Linux, else `argv[0]`).
  public static func currentExecutable() -> URL? {
    if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      return URL(fileURLWithPath: target)
    }
    guard let first = CommandLine.arguments.first else { return nil }
    return URL(fileURLWithPath: first).standardizedFileURL
  }

  private static func isNixLibrary(_ url: URL) -> Bool {
    FileManager.default.fileExists(atPath: url.appendingPathComponent("attribute-phases.json").path)
  }
}
