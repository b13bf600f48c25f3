import ArgumentParser
import BuildSession
import Foundation

/// `phasesplit enter`: a shell in the state a segment left the build in.
struct EnterCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "enter",
    abstract: "Open a shell (or run a command) in the build state after a segment.",
    discussion: """
      Restores a segment's archived build tree at /build (in a private mount namespace), its stand-in \
      outputs and its shell state (variables, functions, options, directory) in the environment of \
      the next segment, whose phases are then ready to run (`runPhase installPhase`, `genericBuild`). \
      Without --segment or --phase: the state before the first segment not in the store (the failed \
      one). Needs root (mount namespaces) and unshare from util-linux.
      """)

  @OptionGroup var package: SplitPackageOptions

  @Option(
    help: "Enter the state at the end of this segment (unpack, configure, build, check).",
    completion: .list(["unpack", "configure", "build", "check"]))
  var segment: String?

  @Option(
    help: "Enter the state before the segment that runs this phase.",
    completion: .list([
      "unpackPhase", "patchPhase", "configurePhase", "buildPhase", "checkPhase", "installPhase", "fixupPhase",
      "installCheckPhase", "distPhase",
    ]))
  var phase: String?

  @Option(help: "Run this bash command in the restored state and exit with its status.")
  var command: String?

  /// The state to enter. Checked in run(), not in validate(), so that a mistyped option is
  /// reported as such first.
  func target() throws -> EnterTarget {
    if segment != nil, phase != nil { throw ValidationError("give --segment or --phase, not both") }
    return if let segment { .afterSegment(segment) } else if let phase { .beforePhase(phase) } else {
      .beforeFirstUnbuilt
    }
  }

  func run() async throws {
    let target = try target()
    let request = try package.request()
    let session = BuildSession(settings: package.installable.nix.settings)
    let finalPath = try await session.finalSegmentDerivation(of: request)
    let launch = try await session.prepareEnter(
      finalDerivationPath: finalPath, target: target, command: command
    ) { FileHandle.standardError.write(Data($0.utf8)) }
    throw session.execute(launch)
  }
}
