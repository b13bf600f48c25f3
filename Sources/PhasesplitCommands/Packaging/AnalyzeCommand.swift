import ArgumentParser
import Basics
import BuildSession

/// `phasesplit analyze`: how a package would be split — phases, segments, the attributes each
/// segment carries, and findings — for humans or as JSON (docs/analyze-json.md).
public struct AnalyzeCommand: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "analyze",
    abstract: "Show how a package's phases would be split into segments.",
    discussion: """
      Prints the phases in order (run or statically skipped, and why), the segments with their \
      phases and carried attributes, where attributes outside the shared table go, and findings: \
      outputs used before the final segment, $src read late, directory changes and shell state \
      carried between segments, scripts that cannot be analysed with certainty.
      A package phasesplit has already split (the final segment, e.g. ./result of phasesplit build) \
      is described as such: its segments and their phases.
      Exit status 1 when the derivation cannot be split.
      """
  )

  @OptionGroup public var installable: InstallableOptions

  @OptionGroup var boundaries: BoundaryOptions

  @Flag(help: "Print the analysis as JSON (schema: docs/analyze-json.md).")
  public var json = false

  public init() {}

  public func run() async throws {
    let analysis = try await BuildSession(settings: installable.nix.settings).analyze(
      try installable.spec(), boundaries: try boundaries.boundaries(),
      lateAttributes: try boundaries.lateAttributes())
    switch analysis {
    case .split(let description):
      print(json ? try JSONOutput.text(description) : description.text, terminator: json ? "\n" : "")
    case .unsplit(let report):
      print(json ? try JSONOutput.text(report) : report.humanText(), terminator: json ? "\n" : "")
      if !report.splittable { throw ExitCode(1) }
    }
  }
}
