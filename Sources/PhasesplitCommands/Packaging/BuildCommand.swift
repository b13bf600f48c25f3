import ArgumentParser
import Basics
import BuildSession
import Foundation
import NixInterface

/// `phasesplit build`: builds a package split into segments, showing the build graph (the
/// dependencies built, substituted or downloaded, and per segment whether it is reused from the
/// store, building (phase, time), built or failed), then a summary.
struct BuildCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build",
    abstract: "Build a package as a chain of segments, with live progress and a summary.",
    discussion: """
      Segments already in the store are reused, and every earlier segment in the store gets a \
      garbage-collector root (see --no-segment-roots). On a terminal the build graph is redrawn in place \
      (without colour when NO_COLOR is set); in a pipe, a timestamped line per change and a \
      heartbeat during long builds. On failure, prints the failing build and phase, the end of its \
      log, the command that shows the whole log, and the commands to enter a shell at the last good \
      segment and to resume.
      """)

  @OptionGroup var package: SplitPackageOptions

  @Flag(
    name: [.customShort("L"), .customLong("print-build-logs")],
    help: "Print the build logs as they arrive, each line prefixed by the build's name.")
  var printBuildLogs = false

  @Flag(help: "Keep building other derivations after a failure (as nix-build --keep-going).")
  var keepGoing = false

  @Option(
    name: [.short, .customLong("out-link")], help: "The result symlink (default ./result).",
    completion: .file())
  var outLink: String?

  @Flag(help: "Create no result symlink.")
  var noOutLink = false

  @Flag(
    help: """
      Register no garbage-collector roots for the earlier segments (default: roots in \
      $PHASESPLIT_STATE_DIR, $XDG_STATE_HOME/phasesplit or ~/.local/state/phasesplit, under \
      gcroots/NAME; rm -r that directory to drop them).
      """)
  var noSegmentRoots = false

  @Flag(help: "Print the report as JSON on stdout (schema: docs/build-json.md) instead of the summary.")
  var json = false

  /// The result symlink. Checked in run(), not in validate(), so that a mistyped option is
  /// reported as such first.
  func resultLink() throws -> NixBuildOptions.OutLink {
    if noOutLink, outLink != nil { throw ValidationError("--out-link and --no-out-link exclude each other") }
    return noOutLink ? .none : .path(outLink ?? "result")
  }

  func run() async throws {
    let resultLink = try resultLink()
    let request = try package.request()
    let session = BuildSession(settings: package.installable.nix.settings)
    let finalPath = try await session.finalSegmentDerivation(of: request)
    let buildRequest = BuildRequest(
      finalDerivationPath: finalPath, keepGoing: keepGoing,
      outLink: resultLink, installableWords: package.words,
      resumeCommand: ["phasesplit"] + CommandLine.arguments.dropFirst(),
      segmentRoots: noSegmentRoots ? nil : SegmentRoots(stateDirectory: StateDirectory.path()),
      printBuildLogs: printBuildLogs)
    let mode =
      json
      ? .quiet
      : ProgressDisplayMode.choose(
        isTerminal: isatty(STDERR_FILENO) == 1, environment: ProcessInfo.processInfo.environment)
    let report = try await session.build(
      buildRequest, mode: mode, terminalSize: { TerminalSize.of(descriptor: STDERR_FILENO) }
    ) { text in
      FileHandle.standardError.write(Data(text.utf8))
    }
    if json {
      print(try JSONOutput.text(report))
    } else {
      let width = isatty(STDOUT_FILENO) == 1 ? TerminalSize.of(descriptor: STDOUT_FILENO).columns : nil
      print(SummaryTable.render(report, width: width), terminator: "")
    }
    if !report.success { throw ExitCode(1) }
  }
}
