import ArgumentParser
import Basics
import BuildSession
import Foundation
import NixEmission

/// `phasesplit explain`: which segments an edit makes rebuild, and why.
struct ExplainCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Explain which segments are reused or rebuilt compared with an older build, and why.",
    discussion: """
      The older build is a .drv or flake installable (--against: a split package's final segment, or \
      a package split on the fly), or the same file or expression with other arguments (--against-arg/--against-argstr \
      replace the named arguments). For an incremental build (--from OLD) the older build is OLD's \
      clean split build unless --against names another, and the report lists the source changes.
      """)

  @OptionGroup var package: SplitPackageOptions

  @OptionGroup var against: OlderVersionOptions<ExplainBaseline>

  @Flag(help: "Print JSON (schema: docs/build-json.md, section explain).")
  var json = false

  /// The package and the older build to compare it with. Checked in run(), not in validate(), so
  /// that a mistyped option is reported as such first.
  func requests() throws -> (current: SplitPackageRequest, older: SplitPackageRequest) {
    let current = try package.request()
    let older = try against.olderVersion(of: current.installable, impure: package.installable.impure)
    guard let olderBuild = current.olderBuild(against: older) else {
      throw ValidationError(
        "name the older build with --against OLD.drv or with --against-arg/--against-argstr")
    }
    return (current, olderBuild)
  }

  func run() async throws {
    let (current, older) = try requests()
    let report = try await BuildSession(settings: package.installable.nix.settings).explain(
      current, againstOlder: older)
    if json {
      print(try JSONOutput.text(report))
    } else {
      print(report.rendered(), terminator: "")
    }
  }
}
