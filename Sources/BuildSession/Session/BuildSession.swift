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
    let graph = try await DerivationGraphReader(runner: runner).read(finalDerivationPath)
    return try SegmentChainReader.chain(finalPath: finalDerivationPath, graph: graph)
  }

  /// The derivations among `derivationPath`'s closure that are not valid yet (a dry run).
  public func derivationsToBuild(_ derivationPath: String) async throws(BuildSessionError) -> Set<String> {
    do {
      return Set(try await runner.dryRun([derivationPath]).derivationsToBuild)
    } catch {
      throw .nix(error)
    }
  }

  /// Builds the request's package, drawing progress in `mode` through `write` (stderr), and
  /// returns the report. A failed build is a report with `success == false`, not an error; errors
  /// are for things that stop phasesplit from building at all.
  public func build(
    _ request: BuildRequest, mode: ProgressDisplayMode, write: @escaping @Sendable (String) -> Void
  ) async throws(BuildSessionError) -> BuildReport {
    let chain = try await chain(finalDerivationPath: request.finalDerivationPath)
    let toBuild = try await derivationsToBuild(request.finalDerivationPath)
    let display = ProgressDisplay(
      tracker: BuildTracker(chain: chain, toBuild: toBuild), packageName: chain.packageName, mode: mode,
      write: write)
    display.start()
    let options = NixBuildOptions(
      outLink: request.outLink, keepGoing: request.keepGoing,
      extraArguments: ["--log-format", "internal-json", "-v"])
    let started = ProgressDisplay.now()
    let ticker = mode == .live ? Ticker(interval: 0.5) { display.tick() } : nil
    var printedPaths: [String] = []
    var succeeded = true
    do {
      printedPaths = try await runner.realise([request.finalDerivationPath], options: options) {
        display.receive($0[...])
      }
    } catch {
      switch error.reason {
      case .exited, .signalled:
        succeeded = false
      case .couldNotStart, .unexpectedOutput:
        ticker?.stop()
        throw .nix(error)
      }
    }
    ticker?.stop()
    let (tracker, nixErrors) = display.finish { segment in
      !segment.outputPaths.isEmpty
        && segment.outputPaths.values.allSatisfy { FileManager.default.fileExists(atPath: $0) }
    }
    let seconds = ProgressDisplay.now() - started
    var result = report(
      chain: chain, tracker: tracker, request: request, succeeded: succeeded,
      printedPaths: printedPaths, nixErrors: nixErrors, seconds: seconds)
    if let roots = request.segmentRoots {
      result.segmentRoots = try await roots.register(chain, runner: runner)
    }
    return result
  }

  private func report(
    chain: SegmentChain, tracker: BuildTracker, request: BuildRequest, succeeded: Bool,
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
    var failure: BuildFailureReport?
    if !succeeded {
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
      package: chain.packageName, success: succeeded, seconds: seconds, segments: rows, outputs: outputs,
      outLinks: outLinks, failure: failure)
  }

  static func fileSize(_ path: String) -> Int64? {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
    return (attributes[.size] as? NSNumber)?.int64Value
  }
}
