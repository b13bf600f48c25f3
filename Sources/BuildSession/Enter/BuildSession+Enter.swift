import Basics
import Derivations
import Foundation
import NixInterface
import SplitPlanning

extension BuildSession {
  /// The sandbox's build directory, where the archived tree must be for its absolute paths.
  public static let sandboxBuildDirectory = "/build"

  /// Prepares `phasesplit enter`: realises the archive to restore, creates the scratch
  /// directory and returns the command to exec. `command` (nil for an interactive shell) runs in
  /// the restored state. `notice` receives what the user should know before waiting (segments
  /// that have to be built first).
  public func prepareEnter(
    finalDerivationPath: String, target: EnterTarget, command: String?,
    notice: (String) -> Void = { _ in }
  ) async throws(BuildSessionError) -> EnterLaunch {
    guard geteuid() == 0 else {
      throw .enterUnavailable(
        reason: "it needs a private mount namespace (unshare --mount) to put the tree at /build and the "
          + "stand-in outputs in /nix/store, which requires root here. Run it as root.")
    }
    guard Self.findExecutable("unshare") != nil else {
      throw .enterUnavailable(reason: "`unshare` (util-linux) is not on PATH; install util-linux.")
    }
    let (chain, graph) = try await chainAndGraph(finalDerivationPath: finalDerivationPath)
    let unbuilt = target == .beforeFirstUnbuilt ? try await derivationsToBuild(finalDerivationPath) : []
    let plan = try EnterPlan.choose(target, in: chain, unbuilt: unbuilt)
    guard let next = graph[plan.next.derivationPath] else {
      throw .unreadableDerivation(
        path: plan.next.derivationPath, detail: "it is not in the closure of \(finalDerivationPath)")
    }
    guard
      let runnerScript = next.arguments.last(where: {
        $0.hasSuffix("/" + SegmentContract.RunnerScript.segmentRunner)
      })
    else {
      throw .enterUnavailable(
        reason: "\(plan.next.derivationPath) is not run by the phasesplit segment runner.")
    }
    let enterScript =
      (runnerScript as NSString).deletingLastPathComponent + "/" + SegmentContract.RunnerScript.enterShell
    guard FileManager.default.fileExists(atPath: enterScript) else {
      throw .missingFile(
        path: enterScript,
        hint: "the package was split with a nix-lib without enter support; re-wrap it with this phasesplit.")
    }
    let missing = try await derivationsToBuild(plan.restored.derivationPath)
    if !missing.isEmpty {
      let segments = chain.segments.filter { missing.contains($0.derivationPath) }.map(\.name)
      let others = missing.count - segments.count
      var what =
        segments.isEmpty ? "" : "segment\(segments.count == 1 ? "" : "s") " + segments.joined(separator: ", ")
      if others > 0 {
        what += (what.isEmpty ? "" : " and ") + "\(others) other derivation\(others == 1 ? "" : "s")"
      }
      notice(
        "phasesplit: building \(what) of \(chain.packageName) first (not in the store yet; "
          + "`phasesplit build` shows their progress)…\n")
    }
    let archive = try await realise(plan.restored.derivationPath)
    try await realiseIncrementalBase(of: next, graph: graph)
    let scratch = try makeScratchDirectory()
    var environment: [String: String]
    if let structured = next.structuredAttributes {
      // As in the sandbox: the attributes reach the build only through .attrs.json and .attrs.sh.
      do {
        try Self.writeStructuredAttributeFiles(
          structured, previous: archive, outputs: Self.outputPaths(of: next), into: scratch + "/build")
      } catch {
        try? FileManager.default.removeItem(atPath: scratch)
        throw error
      }
      environment = [:]
    } else {
      environment = Dictionary(next.environment.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })
      environment[SegmentContract.RunnerAttribute.previous] = archive
    }
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

  /// For an incremental segment (docs/design.md, "Incremental builds"), realises the previous
  /// build's segments it starts from (`phasesplitIncrementalBase`, `…BaseSource`): the entered
  /// shell restores them as the segment's runner does.
  private func realiseIncrementalBase(
    of segment: Derivation, graph: [String: Derivation]
  ) async throws(BuildSessionError) {
    let bases = [
      SegmentContract.RunnerAttribute.incrementalBase, SegmentContract.RunnerAttribute.incrementalBaseSource,
    ].compactMap {
      segment.attributes.text($0).flatMap { $0.isEmpty ? nil : $0 }
    }
    for base in bases where !FileManager.default.fileExists(atPath: base) {
      guard let producer = graph.first(where: { $0.value.outputPaths.values.contains(base) })?.key else {
        throw .unreadableDerivation(
          path: base, detail: "no derivation in the incremental segment's closure produces it")
      }
      _ = try await realise(producer)
    }
  }

  /// The paths Nix gives `derivation`'s outputs: the recorded path, or for a floating
  /// content-addressed output the placeholder its environment names it by.
  static func outputPaths(of derivation: Derivation) -> [String: String] {
    derivation.outputs.reduce(into: [:]) { paths, output in
      paths[output.name] = output.path.isEmpty ? derivation.environmentValue(output.name) ?? "" : output.path
    }
  }

  /// Writes `.attrs.json` and `.attrs.sh` as Nix does for `attributes` (the `__json` value) into
  /// `buildDirectory`, with `phasesplitPrevious` set to the realised archive `previous`.
  static func writeStructuredAttributeFiles(
    _ attributes: JSONValue, previous: String, outputs: [String: String], into buildDirectory: String
  ) throws(BuildSessionError) {
    var document = attributes
    if var members = attributes.objectMembers {
      members.removeAll { $0.key == SegmentContract.RunnerAttribute.previous }
      members.append(
        JSONValue.Member(key: SegmentContract.RunnerAttribute.previous, value: .string(previous)))
      document = .object(members)
    }
    let files = try StructuredAttributeFiles(attributes: document, outputs: outputs)
    for (name, text) in [(".attrs.json", files.json), (".attrs.sh", files.shell)] {
      let path = buildDirectory + "/" + name
      guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
        throw .enterUnavailable(
          reason: "cannot write \(path); check the space and permissions of the temporary directory.")
      }
    }
  }

  /// Replaces this process with `launch` (never returns on success).
  public func execute(_ launch: EnterLaunch) -> BuildSessionError {
    let arguments = launch.arguments.map { strdup($0) } + [nil]
    SignalMask.unblockAll()
    execvp(launch.arguments[0], arguments)
    return .commandFailedToStart(commandLine: launch.arguments, reason: SystemErrorText.describe(errno))
  }

  /// The variables the Nix sandbox sets besides the derivation's environment, except
  /// `NIX_LOG_FD`: with it the stdenv writes `@nix {…}` phase markers for Nix into the shell.
  static func sandboxVariables(cores: Int) -> [String: String] {
    let top = sandboxBuildDirectory
    return [
      "NIX_BUILD_TOP": top, "TMPDIR": top, "TEMPDIR": top, "TMP": top, "TEMP": top,
      "HOME": "/homeless-shelter", "PATH": "/path-not-set", "NIX_STORE": "/nix/store",
      "NIX_BUILD_CORES": "\(cores)", "TERM": "dumb",
    ]
  }

  /// Realises `derivationPath` and returns its `out` path.
  func realise(_ derivationPath: String) async throws(BuildSessionError) -> String {
    let paths: [String]
    do {
      paths = try await runner.realise([derivationPath])
    } catch {
      throw .nix(error)
    }
    guard let path = paths.first else {
      throw .nix(
        NixCommandError(
          commandLine: ["nix-build", "--no-out-link", derivationPath],
          reason: .unexpectedOutput("no output path printed"), standardErrorTail: []))
    }
    return path
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
