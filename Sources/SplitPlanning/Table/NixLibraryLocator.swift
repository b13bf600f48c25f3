import Foundation

/// Finds the `nix-lib/` directory (the Nix library and its attribute table).
///
/// Order: the environment variable `PHASESPLIT_NIX_LIB`; then, relative to the running
/// executable, a checkout's `nix-lib` (for `.build/release/phasesplit`) and
/// `<prefix>/share/phasesplit/nix-lib` (for an installed `<prefix>/bin/phasesplit`).
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

  /// The places searched next to an executable, in order: for its directory as given and with
  /// symlinks resolved (SwiftPM's `.build/release` is a link to `.build/<triple>/release`),
  /// `../../nix-lib` and `../../../nix-lib` (a checkout) and `../share/phasesplit/nix-lib`
  /// (an installed tree).
  public static func executableRelativeCandidates(_ executable: URL?) -> [URL] {
    guard let executable else { return [] }
    let directories = [
      executable.deletingLastPathComponent(),
      executable.resolvingSymlinksInPath().deletingLastPathComponent(),
    ]
    var candidates: [URL] = []
    for directory in directories {
      for relative in ["../../nix-lib", "../../../nix-lib", "../share/phasesplit/nix-lib"] {
        let candidate = directory.appendingPathComponent(relative).standardizedFileURL
        if !candidates.contains(candidate) { candidates.append(candidate) }
      }
    }
    return candidates
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
