import Derivations
import Foundation
import NixInterface
import SplitPlanning

/// Splits a package into segments: analyses its phase scripts, writes the ``WrapExpression``
/// (`phasesplit wrap`) and instantiates it (`phasesplit build`, `explain`, `enter`).
public struct PackageSplitter: Sendable {
  /// Runs Nix.
  public var runner: NixRunner
  /// The nix-lib directory.
  public var nixLibrary: URL
  /// The phasesplit executable the segments run (added to the store unless it is there; it must
  /// be self-contained, see ``InBuildTool``).
  public var phasesplitExecutable: String
  /// Remembers the store path of the executable once added (nil: add it every time).
  public var addedFiles: AddedFileCache?
  /// Keeps the executable and the Nix library that wrap files name from garbage collection
  /// (nil: no roots).
  public var toolRoots: ToolRoots?

  /// Creates a splitter.
  public init(
    runner: NixRunner, nixLibrary: URL, phasesplitExecutable: String, addedFiles: AddedFileCache? = nil,
    toolRoots: ToolRoots? = nil
  ) {
    self.runner = runner
    self.nixLibrary = nixLibrary
    self.phasesplitExecutable = phasesplitExecutable
    self.addedFiles = addedFiles
    self.toolRoots = toolRoots
  }

  /// A splitter for the running executable (or the one `PHASESPLIT_IN_BUILD_TOOL` names, e.g. a
  /// static build for segments while a debug build runs the CLI) and the nix-lib found by
  /// ``NixLibraryLocator``, remembering the executable's store path and rooting it and the Nix
  /// library in the state directory.
  /// - Throws: ``PlanningError/nixLibraryNotFound(searched:hint:)``.
  public static func forCurrentExecutable(runner: NixRunner) throws(PlanningError) -> PackageSplitter {
    PackageSplitter(
      runner: runner, nixLibrary: try NixLibraryLocator.locate(),
      phasesplitExecutable: ProcessInfo.processInfo.environment[inBuildToolVariable].flatMap {
        $0.isEmpty ? nil : $0
      } ?? NixLibraryLocator.currentExecutable()?.path ?? CommandLine.arguments[0],
      addedFiles: AddedFileCache(stateDirectory: StateDirectory.path()),
      toolRoots: ToolRoots(stateDirectory: StateDirectory.path()))
  }

  /// The environment variable that names the phasesplit executable segment builds run.
  public static let inBuildToolVariable = "PHASESPLIT_IN_BUILD_TOOL"

  /// The wrap expression that builds `package` (resolved from `spec`) split at `boundaries`, with
  /// the author's `lateAttributes` (checked against the package here, so that a bad declaration
  /// fails with the planner's message rather than in evaluation).
  ///
  /// - Throws: ``SplitError/notSplittable(packageName:reason:)``, ``PlanningError`` for an
  ///   unreadable attribute table, the errors of reading the `.drv`'s inputs, or
  ///   ``SplitError/toolNotSelfContained(path:interpreter:)``.
  public func wrapExpression(
    for package: ResolvedPackage, from spec: InstallableSpec, boundaries: [Boundary],
    lateAttributes: LateAttributes = LateAttributes(), contentAddressed: Bool
  ) async throws -> WrapExpression {
    let table = try AttributePhaseTable.load(nixLibrary: nixLibrary)
    let analysis: SplitAnalysis
    do {
      analysis = try SplitAnalysis(
        attributes: DerivationAttributes(package.derivation), boundaries: boundaries, table: table,
        lateAttributes: lateAttributes)
    } catch {
      if case .notSplittable(let refusal) = error {
        throw SplitError.notSplittable(packageName: package.derivation.name, reason: refusal.description)
      }
      throw error
    }
    let libraryReference = try await StoreReference.adding(nixLibrary.path, runner: runner)
    let toolReference = try await InBuildTool.reference(
      for: phasesplitExecutable, runner: runner, cache: addedFiles)
    try await toolRoots?.keep(toolReference, as: "phasesplit", runner: runner)
    try await toolRoots?.keep(libraryReference, as: "nix-lib", runner: runner)
    return WrapExpression(
      nixLibrary: libraryReference,
      phasesplitExecutable: toolReference,
      package: try Self.wrappedPackage(spec, derivation: package.derivation),
      boundaries: analysis.segmentPlan.boundaries.map(\.rawValue),
      lateAttributes: lateAttributes,
      contentAddressed: contentAddressed,
      origin: "from \(Self.describe(spec)) (\(package.path))"
    )
  }

  /// The final segment `.drv` of `spec` split at `boundaries`: a segment derivation (an already
  /// split package) is used as it is; any other package is wrapped and instantiated.
  public func finalSegmentDerivation(
    of spec: InstallableSpec, boundaries: [Boundary], lateAttributes: LateAttributes = LateAttributes()
  ) async throws -> String {
    let package = try await ResolvedPackage.resolve(spec, runner: runner)
    if package.isSegment { return package.path }
    let expression = try await wrapExpression(
      for: package, from: spec, boundaries: boundaries, lateAttributes: lateAttributes,
      contentAddressed: false)
    guard let path = try await runner.instantiate(expression: expression.text).last else {
      throw SplitError.noFinalSegment(packageName: package.derivation.name)
    }
    return path
  }

  /// Writes `expression` to `path`.
  /// - Throws: ``SplitError/cannotWrite(path:detail:)``.
  public static func write(_ expression: WrapExpression, to path: String) throws(SplitError) {
    do {
      try Data(expression.text.utf8).write(to: URL(fileURLWithPath: path))
    } catch {
      throw .cannotWrite(path: path, detail: error.localizedDescription)
    }
  }

  /// Writes `expression` to `file` (to a temporary file, removed afterwards, when `file` is nil)
  /// and instantiates every segment of it, in order: `(segment name, .drv path)`.
  public func instantiateSegments(
    of expression: WrapExpression, writingTo file: String?
  ) async throws -> [(name: String, path: String)] {
    if let file {
      try Self.write(expression, to: file)
      return try await segmentDerivations(ofFile: file)
    }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("phasesplit-wrap-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let temporary = directory.appendingPathComponent("split.nix").path
    try Self.write(expression, to: temporary)
    return try await segmentDerivations(ofFile: temporary)
  }

  /// Instantiates every segment of a written wrap file, in order: `(segment name, .drv path)`.
  public func segmentDerivations(ofFile file: String) async throws -> [(name: String, path: String)] {
    let absolute = URL(fileURLWithPath: file).standardizedFileURL.path
    let imported = "(import \(NixSyntax.pathLiteral(absolute)))"
    let namesValue = try await runner.evaluate(expression: "\(imported).passthru.segmentNames")
    let names = namesValue.arrayValue?.compactMap(\.stringValue) ?? []
    guard !names.isEmpty, names.count == namesValue.arrayValue?.count else {
      throw SplitError.unexpectedSegmentNames(namesValue.serialized())
    }
    let paths = try await runner.instantiate(
      expression:
        "let split = \(imported); in map (name: split.passthru.segments.${name}) split.passthru.segmentNames")
    guard paths.count == names.count else {
      throw SplitError.unexpectedSegmentNames("\(names.count) names but \(paths.count) derivations")
    }
    return zip(names, paths).map { (name: $0, path: $1) }
  }

  /// The package expression: the Nix file's attribute, or the package rebuilt from the `.drv`.
  static func wrappedPackage(_ spec: InstallableSpec, derivation: Derivation) throws -> WrappedPackage {
    switch spec {
    case .file(let file, let attribute, let arguments):
      let absolute = URL(fileURLWithPath: file).standardizedFileURL.path
      return .expression(
        file: absolute,
        attributePath: attribute.map { $0.split(separator: ".").map(String.init) } ?? [],
        arguments: arguments)
    case .path:
      return .derivation(try DerivationPackage(derivation: derivation) { try Derivation.read(path: $0) })
    }
  }

  /// `spec` as the command-line words that name it, for the wrap file's header.
  static func describe(_ spec: InstallableSpec) -> String {
    switch spec {
    case .path(let path): return path
    case .file(let file, let attribute, let arguments):
      var text = "-f \(file)"
      if let attribute { text += " -A \(attribute)" }
      for argument in arguments { text += " " + argument.commandLineArguments.joined(separator: " ") }
      return text
    }
  }
}
