import Foundation
import NixInterface

/// Builds a split package with live progress and reports per segment what was reused, built or
/// failed (`phasesplit build`), and reads segment chains for `explain` and `enter`.
public struct BuildSession: Sendable {
  /// The runner for Nix (carries the Nix settings as `NIX_CONFIG`).
  public var runner: CommandRunner

  /// Creates a session running Nix with `settings` (default: the project's sandbox settings),
  /// added to the caller's `NIX_CONFIG`.
  public init(settings: NixSettings = .projectDefault) {
    let inherited = ProcessInfo.processInfo.environment["NIX_CONFIG"]
    runner = CommandRunner(
      environment: settings.nixConfigValue(inheriting: inherited).map { ["NIX_CONFIG": $0] } ?? [:])
  }

  /// Reads the segment chain whose final segment is `finalDerivationPath`.
  public func chain(finalDerivationPath: String) throws(BuildSessionError) -> SegmentChain {
    let graph = try DerivationGraphReader(runner: runner).read(finalDerivationPath, recursive: true)
    return try SegmentChainReader.chain(finalPath: finalDerivationPath, graph: graph)
  }

  /// The derivations among `derivationPath`'s closure that are not valid yet (a dry run).
  public func derivationsToBuild(_ derivationPath: String) throws(BuildSessionError) -> Set<String> {
    let command = ["nix-store", "--realise", "--dry-run", derivationPath]
    let result = try runner.run(command)
    guard result.status == 0 else {
      throw .commandFailed(
        commandLine: command, status: result.status, standardErrorTail: result.standardErrorTail())
    }
    return Self.parseDryRun(result.standardError)
  }

  /// The `.drv` paths listed under `… will be built:` in `nix-store --realise --dry-run` output.
  public static func parseDryRun(_ text: String) -> Set<String> {
    var paths = Set<String>()
    var inBuildList = false
    for line in text.split(separator: "\n") {
      if !line.hasPrefix(" ") {
        inBuildList = line.contains("will be built")
        continue
      }
      let path = line.trimmingCharacters(in: .whitespaces)
      if inBuildList, path.hasSuffix(".drv") { paths.insert(path) }
    }
    return paths
  }

  /// Builds the request's package, drawing progress in `mode` through `write` (stderr), and
  /// returns the report. A failed build is a report with `success == false`, not an error; errors
  /// are for things that stop phasesplit from building at all.
  public func build(
    _ request: BuildRequest, mode: ProgressDisplayMode, write: @escaping @Sendable (String) -> Void
  ) throws(BuildSessionError) -> BuildReport {
    let chain = try chain(finalDerivationPath: request.finalDerivationPath)
    let toBuild = try derivationsToBuild(request.finalDerivationPath)
    let display = ProgressDisplay(
      tracker: BuildTracker(chain: chain, toBuild: toBuild), packageName: chain.packageName, mode: mode,
      write: write)
    display.start()
    var command = ["nix-build", request.finalDerivationPath, "--log-format", "internal-json", "-v"]
    if request.keepGoing { command.append("--keep-going") }
    switch request.outLink {
    case .path(let path): command += ["--out-link", path]
    case .none: command.append("--no-out-link")
    }
    let started = ProgressDisplay.now()
    let ticker = mode == .live ? Ticker(interval: 0.5) { display.tick() } : nil
    let result = try runner.run(command) { display.receive($0) }
    ticker?.stop()
    let (tracker, nixErrors) = display.finish { segment in
      !segment.outputPaths.isEmpty
        && segment.outputPaths.values.allSatisfy { FileManager.default.fileExists(atPath: $0) }
    }
    let seconds = ProgressDisplay.now() - started
    return report(
      chain: chain, tracker: tracker, request: request, nixStatus: result.status,
      nixOutput: result.standardOutput, nixErrors: nixErrors, seconds: seconds)
  }

  private func report(
    chain: SegmentChain, tracker: BuildTracker, request: BuildRequest, nixStatus: Int32, nixOutput: String,
    nixErrors: [String], seconds: Double
  ) -> BuildReport {
    let rows = tracker.entries.map { entry in
      SegmentReport(
        segment: entry.segment.name, derivation: entry.segment.derivationPath, phases: entry.segment.phases,
        status: entry.status.word, seconds: entry.elapsed(now: 0),
        failedPhase: {
          if case .failed(let phase, _) = entry.status { return phase ?? "unknown" } else { return nil }
        }(),
        archiveBytes: entry.segment.treeArchivePath.flatMap(Self.fileSize))
    }
    let printed = Set(nixOutput.split(separator: "\n").map(String.init))
    let outputs = chain.finalSegment.outputPaths.filter { printed.contains($0.value) }
    var outLinks: [String] = []
    if nixStatus == 0, case .path(let link) = request.outLink {
      let names = chain.finalSegment.outputPaths.keys.sorted {
        ($0 == "out" ? "" : $0) < ($1 == "out" ? "" : $1)
      }
      outLinks = names.map { $0 == "out" ? link : "\(link)-\($0)" }.filter {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: $0)) != nil
      }
    }
    var failure: BuildFailureReport?
    if nixStatus != 0 {
      let failed = tracker.firstFailure
      let name = failed?.segment.name ?? "(none identified)"
      let previous = failed.flatMap { chain.segment(before: $0.segment.name) }
      let enter = previous.map {
        ShellQuoting.commandLine(
          ["phasesplit", "enter"] + request.installableWords + ["--segment", $0.name])
      }
      failure = BuildFailureReport(
        segment: name, phase: failed?.phase, logTail: failed?.logTail ?? [], enterCommand: enter,
        resumeCommand: ShellQuoting.commandLine(request.resumeCommand), nixErrors: nixErrors)
    }
    return BuildReport(
      package: chain.packageName, success: nixStatus == 0, seconds: seconds, segments: rows, outputs: outputs,
      outLinks: outLinks, failure: failure)
  }

  static func fileSize(_ path: String) -> Int64? {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
    return (attributes[.size] as? NSNumber)?.int64Value
  }
}
