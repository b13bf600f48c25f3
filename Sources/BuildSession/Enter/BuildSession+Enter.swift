import Foundation

#if canImport(Glibc)
  import Glibc
#endif

extension BuildSession {
  /// The sandbox's build directory, where the archived tree must be for its absolute paths.
  public static let sandboxBuildDirectory = "/build"

  /// Prepares `phasesplit enter`: realises the archive to restore, creates the scratch
  /// directory and returns the command to exec. `command` (nil for an interactive shell) runs in
  /// the restored state.
  public func prepareEnter(
    finalDerivationPath: String, target: EnterTarget, command: String?
  ) throws(BuildSessionError) -> EnterLaunch {
    guard geteuid() == 0 else {
      throw .enterUnavailable(
        reason: "it needs a private mount namespace (unshare --mount) to put the tree at /build and the "
          + "stand-in outputs in /nix/store, which requires root here. Run it as root.")
    }
    guard Self.findExecutable("unshare") != nil else {
      throw .enterUnavailable(reason: "`unshare` (util-linux) is not on PATH; install util-linux.")
    }
    let graph = try DerivationGraphReader(runner: runner).read(finalDerivationPath, recursive: true)
    let chain = try SegmentChainReader.chain(finalPath: finalDerivationPath, graph: graph)
    let unbuilt = target == .beforeFirstUnbuilt ? try derivationsToBuild(finalDerivationPath) : []
    let plan = try EnterPlan.choose(target, in: chain, unbuilt: unbuilt)
    guard let next = graph[plan.next.derivationPath] else {
      throw .unreadableNixOutput(
        commandLine: ["nix", "show-derivation", "-r"], detail: "\(plan.next.derivationPath) missing")
    }
    if next.usesStructuredAttributes {
      throw .enterUnavailable(
        reason: "\(chain.packageName) uses structured attributes (__structuredAttrs), which `enter` does not "
          + "set up yet; use `nix-shell` on segment \(plan.next.derivationPath) instead.")
    }
    guard let runnerScript = next.arguments.last(where: { $0.hasSuffix("/segment-runner.sh") }) else {
      throw .enterUnavailable(
        reason: "\(plan.next.derivationPath) is not run by the phasesplit segment runner.")
    }
    let enterScript = (runnerScript as NSString).deletingLastPathComponent + "/enter-shell.sh"
    guard FileManager.default.fileExists(atPath: enterScript) else {
      throw .missingFile(
        path: enterScript,
        hint: "the package was split with a nix-lib without enter support; re-wrap it with this phasesplit.")
    }
    let archive = try realise(plan.restored.derivationPath)
    let scratch = try makeScratchDirectory()
    var environment = next.attributes
    environment["phasesplitPrevious"] = archive
    environment.merge(Self.sandboxVariables(cores: 1)) { $1 }
    environment["PHASESPLIT_ENTER_DIR"] = scratch
    environment["PHASESPLIT_ENTER_LABEL"] = chain.packageName
    if let command { environment["PHASESPLIT_ENTER_COMMAND"] = command }
    if let term = ProcessInfo.processInfo.environment["TERM"] { environment["TERM"] = term }
    let assignments = environment.keys.sorted().map { "\($0)=\(environment[$0] ?? "")" }
    return EnterLaunch(
      arguments: ["unshare", "--mount", "--propagation", "private", "env", "-i"] + assignments
        + ["/bin/bash", "--noprofile", "--norc", enterScript, "mount"],
      scratchDirectory: scratch)
  }

  /// Replaces this process with `launch` (never returns on success).
  public func execute(_ launch: EnterLaunch) -> BuildSessionError {
    let arguments = launch.arguments.map { strdup($0) } + [nil]
    SignalMask.unblockAll()
    execvp(launch.arguments[0], arguments)
    return .commandFailedToStart(commandLine: launch.arguments, reason: String(cString: strerror(errno)))
  }

  /// The variables the Nix sandbox sets besides the derivation's environment.
  static func sandboxVariables(cores: Int) -> [String: String] {
    let top = sandboxBuildDirectory
    return [
      "NIX_BUILD_TOP": top, "TMPDIR": top, "TEMPDIR": top, "TMP": top, "TEMP": top,
      "HOME": "/homeless-shelter", "PATH": "/path-not-set", "NIX_STORE": "/nix/store",
      "NIX_BUILD_CORES": "\(cores)", "NIX_LOG_FD": "2", "TERM": "dumb",
    ]
  }

  /// Realises `derivationPath` and returns its `out` path.
  func realise(_ derivationPath: String) throws(BuildSessionError) -> String {
    let output = try runner.output(of: ["nix-store", "--realise", derivationPath])
    guard let path = output.split(separator: "\n").first else {
      throw .unreadableNixOutput(
        commandLine: ["nix-store", "--realise", derivationPath], detail: "no output path")
    }
    return String(path)
  }

  private func makeScratchDirectory() throws(BuildSessionError) -> String {
    let manager = FileManager.default
    var isDirectory: ObjCBool = false
    if !manager.fileExists(atPath: Self.sandboxBuildDirectory, isDirectory: &isDirectory) {
      do {
        try manager.createDirectory(atPath: Self.sandboxBuildDirectory, withIntermediateDirectories: false)
      } catch {
        throw .enterUnavailable(
          reason: "cannot create the mount point \(Self.sandboxBuildDirectory): \(error)")
      }
    }
    var template = Array((NSTemporaryDirectory() + "/phasesplit-enter-XXXXXX").utf8CString)
    guard let created = mkdtemp(&template) else {
      throw .enterUnavailable(reason: "cannot create a scratch directory in \(NSTemporaryDirectory())")
    }
    let scratch = String(cString: created)
    for name in ["build", "store-upper", "store-work"] {
      try? manager.createDirectory(atPath: scratch + "/" + name, withIntermediateDirectories: false)
    }
    return scratch
  }

  static func findExecutable(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").map { "\($0)/\(name)" }.first { access($0, X_OK) == 0 }
  }
}
