import ArgumentParser
import Derivations
import NixInterface
import SplitPlanning

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
      Exit status 1 when the derivation cannot be split.
      """
  )

  @OptionGroup public var installable: InstallableOptions

  @Option(
    help: ArgumentHelp(
      "Comma-separated boundaries (default: unpack,configure,build,check).", valueName: "names"))
  public var boundaries: String?

  @Flag(help: "Print the analysis as JSON (schema: docs/analyze-json.md).")
  public var json = false

  public init() {}

  public func run() async throws {
    let package = try await PackageDerivation.resolve(try installable.spec(), runner: NixRunner())
    let chosenBoundaries = try BoundaryList.parse(boundaries)
    let table = try AttributePhaseTable.load(nixLibrary: try NixLibraryLocator.locate())
    let attributes = DerivationAttributes(package.derivation)
    let report: AnalysisReport
    let splittable: Bool
    switch Self.analyze(attributes, boundaries: chosenBoundaries, table: table) {
    case .success(let analysis):
      report = AnalysisReport(analysis: analysis, derivationPath: package.path)
      splittable = true
    case .failure(.notSplittable(let refusal)):
      report = AnalysisReport(
        refusal: refusal, packageName: package.derivation.name, outputs: package.derivation.outputNames,
        derivationPath: package.path)
      splittable = false
    case .failure(let error):
      throw error
    }
    print(json ? report.jsonText() : report.humanText(), terminator: json ? "\n" : "")
    if !splittable { throw ExitCode(1) }
  }

  private static func analyze(
    _ attributes: DerivationAttributes, boundaries: [Boundary], table: AttributePhaseTable
  ) -> Result<SplitAnalysis, PlanningError> {
    Result { () throws(PlanningError) -> SplitAnalysis in
      try SplitAnalysis(attributes: attributes, boundaries: boundaries, table: table)
    }
  }
}
