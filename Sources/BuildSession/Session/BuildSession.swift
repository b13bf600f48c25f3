import Basics
import Derivations
import Foundation
import NixInterface

/// Builds a split package with live progress and reports per segment what was reused, built or
/// failed (`phasesplit build`), and reads segment chains for `explain` and `enter`.
public struct BuildSession: Sendable {
  /// The runner for Nix (carries the Nix settings as `NIX_CONFIG`).
  public var runner: NixRunner

  /// Creates a session running Nix with `settings` (default: none, the machine's configuration)
  /// added to the caller's `NIX_CONFIG`.
  public init(settings: NixSettings = .machineConfiguration) {
    runner = NixRunner(settings: settings)
  }

  /// Reads the segment chain whose final segment is `finalDerivationPath`.
  public func chain(finalDerivationPath: String) async throws(BuildSessionError) -> SegmentChain {
    try await chainAndGraph(finalDerivationPath: finalDerivationPath).chain
  }

  /// The segment chain whose final segment is `finalDerivationPath`, and that segment's
  /// derivation closure (keyed by `.drv` path) it was read from.
  func chainAndGraph(
    finalDerivationPath: String
  ) async throws(BuildSessionError) -> (chain: SegmentChain, graph: [String: Derivation]) {
    let graph = try await DerivationGraphReader(runner: runner).read(finalDerivationPath)
    return (try SegmentChainReader.chain(finalPath: finalDerivationPath, graph: graph), graph)
  }

  /// The derivations among `derivationPath`'s closure that are not valid yet (a dry run).
  public func derivationsToBuild(_ derivationPath: String) async throws(BuildSessionError) -> Set<String> {
    do {
      return Set(try await runner.dryRun([derivationPath]).derivationsToBuild)
    } catch {
      throw .nix(error)
    }
  }

  /// Builds the request's package, drawing progress in `mode` through `write` (stderr; the live
  /// display fitted to `terminalSize`), and returns the report. A failed build is a report with
  /// `success == false`, not an error; errors are for things that stop phasesplit from building
  /// at all.
  public func build(
    _ request: BuildRequest, mode: ProgressDisplayMode,
    terminalSize: @escaping @Sendable () -> TerminalSize = { .fallback },
    write: @escaping @Sendable (String) -> Void
  ) async throws(BuildSessionError) -> BuildReport {
    let (chain, graph) = try await chainAndGraph(finalDerivationPath: request.finalDerivationPath)
    let toBuild = try await derivationsToBuild(request.finalDerivationPath)
    let display = ProgressDisplay(
      tracker: BuildTracker(chain: chain, toBuild: toBuild), packageName: chain.packageName, mode: mode,
      printBuildLogs: request.printBuildLogs, terminalSize: terminalSize, write: write)
    display.start()
    let options = NixBuildOptions(
      outLink: request.outLink, keepGoing: request.keepGoing,
      extraArguments: ["--log-format", "internal-json", "-v"])
    let started = ProgressDisplay.now()
    // Live: the elapsed times move; plain: the heartbeat during long builds.
    let ticker = mode == .quiet ? nil : Ticker(interval: mode == .plain ? 1 : 0.5) { display.tick() }
    var printedPaths: [String] = []
    var outcome = BuildOutcome.succeeded
    do {
      printedPaths = try await runner.realise([request.finalDerivationPath], options: options) {
        display.receive($0[...])
      }
    } catch {
      switch error.reason {
      case .exited(let status):
        outcome = .failed(exitStatus: status)
      case .signalled(let signal):
        outcome = .killed(signal: signal)
      case .couldNotStart, .unexpectedOutput:
        ticker?.stop()
        throw .nix(error)
      }
    }
    ticker?.stop()
    // Nix catches SIGINT, SIGTERM and SIGHUP, stops its builds and exits 1 saying so.
    if case .failed = outcome,
      display.errorMessages.contains(where: { $0.contains("interrupted by the user") })
    {
      outcome = .killed(signal: nil)
    }
    let interrupted = if case .killed = outcome { true } else { false }
    let (tracker, nixErrors) = display.finish(interrupted: interrupted) { segment in
      !segment.outputPaths.isEmpty
        && segment.outputPaths.values.allSatisfy { FileManager.default.fileExists(atPath: $0) }
    }
    let seconds = ProgressDisplay.now() - started
    var result = report(
      chain: chain, tracker: tracker, request: request, outcome: outcome,
      printedPaths: printedPaths, nixErrors: nixErrors, seconds: seconds)
    result.incremental = IncrementalExplanation.find(in: chain, graph: graph)
    if let roots = request.segmentRoots {
      result.segmentRoots = try await roots.register(chain, runner: runner)
    }
    return result
  }

  /// How nix-build ended.
  enum BuildOutcome: Equatable {
    case succeeded
    case failed(exitStatus: Int32)
    /// Killed by `signal`, or (nil) interrupted by one Nix caught.
    case killed(signal: Int32?)
  }

  func report(
    chain: SegmentChain, tracker: BuildTracker, request: BuildRequest, outcome: BuildOutcome,
    printedPaths: [String], nixErrors: [String], seconds: Double
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
    let dependencies = tracker.dependencies.map {
      DependencyReport(
        name: $0.name, path: $0.path, kind: $0.kind.reportWord, status: $0.word, seconds: $0.elapsed(now: 0))
    }
    let succeeded = outcome == .succeeded
    let printed = Set(printedPaths)
    let outputs = chain.finalSegment.outputPaths.filter { printed.contains($0.value) }
    var outLinks: [String] = []
    if succeeded, case .path(let link) = request.outLink {
      let names = chain.finalSegment.outputPaths.keys.sorted {
        ($0 == "out" ? "" : $0) < ($1 == "out" ? "" : $1)
      }
      outLinks = names.map { $0 == "out" ? link : "\(link)-\($0)" }.filter {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: $0)) != nil
      }
    }
    return BuildReport(
      package: chain.packageName, success: succeeded, seconds: seconds, segments: rows, outputs: outputs,
      outLinks: outLinks,
      failure: succeeded
        ? nil
        : failure(chain: chain, tracker: tracker, request: request, outcome: outcome, nixErrors: nixErrors),
      dependencies: dependencies)
  }

  /// What failed: the first failed segment, else the first failed dependency, else (nix-build
  /// killed by a signal, or failing without naming a build) the segment that was running.
  private func failure(
    chain: SegmentChain, tracker: BuildTracker, request: BuildRequest, outcome: BuildOutcome,
    nixErrors: [String]
  ) -> BuildFailureReport {
    let resume = ShellQuoting.commandLine(request.resumeCommand)
    func enterCommand(before segment: String) -> String? {
      chain.segment(before: segment).map {
        ShellQuoting.commandLine(
          ["phasesplit", "enter"] + request.installableWords + ["--segment", $0.name])
      }
    }
    var signal: Int32?
    var interrupted = false
    if case .killed(let number) = outcome {
      signal = number
      interrupted = true
    }
    if let failed = tracker.firstFailure {
      let path = failed.segment.derivationPath
      return BuildFailureReport(
        segment: failed.segment.name, phase: failed.phase, derivation: path, logTail: failed.logTail,
        logCommand: BuildFailureReport.logCommand(for: path),
        enterCommand: enterCommand(before: failed.segment.name),
        resumeCommand: resume, nixErrors: nixErrors)
    }
    if let failed = tracker.firstFailedDependency {
      return BuildFailureReport(
        segment: nil,
        phase: failed.status == .queued
          ? nil : SegmentProgress(segment: .placeholder, status: failed.status).phase,
        derivation: failed.path, dependency: failed.name, logTail: failed.logTail,
        logCommand: BuildFailureReport.logCommand(for: failed.path), enterCommand: nil, resumeCommand: resume,
        nixErrors: nixErrors)
    }
    let running = tracker.entries.first { if case .interrupted = $0.status { true } else { false } }
    return BuildFailureReport(
      segment: running?.segment.name, phase: running?.phase,
      derivation: tracker.failures.first?.derivationPath, interrupted: interrupted, signal: signal,
      logTail: [],
      logCommand: tracker.failures.first.map { BuildFailureReport.logCommand(for: $0.derivationPath) },
      enterCommand: nil, resumeCommand: resume, nixErrors: nixErrors)
  }

  static func fileSize(_ path: String) -> Int64? {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
    return (attributes[.size] as? NSNumber)?.int64Value
  }
}
