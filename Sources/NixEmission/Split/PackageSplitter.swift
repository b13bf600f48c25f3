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

  /// The wrap expression that builds `package` (resolved from `spec`) split with `settings` (the
  /// late attributes checked against the package here, so that a bad declaration fails with the
  /// planner's message rather than in evaluation).
  ///
  /// - Throws: ``SplitError/notSplittable(packageName:reason:)``, ``PlanningError`` for an
  ///   unreadable attribute table or a nix-lib of another contract, the errors of reading the `.drv`'s inputs, or
  ///   ``SplitError/toolNotSelfContained(path:interpreter:)``.
  public func wrapExpression(
    for package: ResolvedPackage, from spec: InstallableSpec, settings: SplitSettings, contentAddressed: Bool
  ) async throws -> WrapExpression {
    let table = try AttributePhaseTable.load(nixLibrary: nixLibrary)
    // the wrap file runs this nix-lib's planner, which must plan what the Swift planner plans
    guard SegmentContract.matches(nixLibrary: nixLibrary) else {
      throw PlanningError.contractMismatch(nixLibrary: nixLibrary.path)
    }
    let analysis: SplitAnalysis
    do {
      analysis = try SplitAnalysis(
        attributes: DerivationAttributes(package.derivation), boundaries: settings.boundaries, table: table,
        lateAttributes: settings.lateAttributes)
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
      package: try Self.wrappedPackage(spec, package: package),
      boundaries: analysis.segmentPlan.boundaries.map(\.rawValue),
      lateAttributes: settings.lateAttributes,
      contentAddressed: contentAddressed,
      origin: "from \(Self.describe(spec)) (\(package.path))",
      allowStandInRemnants: settings.allowStandInRemnants
    )
  }

  /// The wrap expression of the package `spec` names, split with `settings`: see
  /// ``wrapExpression(for:from:settings:contentAddressed:)``. A flake or `--expr` package is
  /// instantiated once more inside the expression, to check that it is the package resolved
  /// (see ``finalSegmentCheckingPackage(of:resolved:)``).
  public func wrapExpression(
    of spec: InstallableSpec, settings: SplitSettings, contentAddressed: Bool
  ) async throws -> WrapExpression {
    let package = try await ResolvedPackage.resolve(spec, runner: runner)
    let expression = try await wrapExpression(
      for: package, from: spec, settings: settings, contentAddressed: contentAddressed)
    switch spec {
    case .flake, .expression:
      _ = try await finalSegmentCheckingPackage(of: expression, resolved: package)
    case .path, .file: break
    }
    return expression
  }

  /// The final segment `.drv` of the requested package: a segment derivation (an already split
  /// package) is used as it is; any other package is wrapped with the request's settings and
  /// instantiated.
  ///
  /// With `incrementalFrom` (an older version of the package, not an already split one), the
  /// result is the incremental build of the package from that version's split build
  /// (`splitPhases { incrementalFrom = …; }`, docs/design.md "Incremental builds").
  ///
  /// - Throws: ``SplitError/incrementalNeedsPackage(path:)`` when either version is already
  ///   split, the errors of ``wrapExpression(for:from:settings:contentAddressed:)``, or Nix's.
  public func finalSegmentDerivation(of request: SplitPackageRequest) async throws -> String {
    let spec = request.installable
    let package = try await ResolvedPackage.resolve(spec, runner: runner)
    if package.isSegment {
      guard request.incrementalFrom == nil else {
        throw SplitError.incrementalNeedsPackage(path: package.path)
      }
      return package.path
    }
    var expression = try await wrapExpression(
      for: package, from: spec, settings: request.settings, contentAddressed: false)
    if let incrementalFrom = request.incrementalFrom?.installable(olderThan: spec) {
      let base = try await ResolvedPackage.resolve(incrementalFrom, runner: runner)
      guard !base.isSegment else { throw SplitError.incrementalNeedsPackage(path: base.path) }
      expression.incrementalFrom = try Self.wrappedPackage(incrementalFrom, package: base)
    }
    switch spec {
    case .flake, .expression:
      return try await finalSegmentCheckingPackage(of: expression, resolved: package)
    case .path, .file:
      guard let path = try await runner.instantiate(expression: expression.text).last else {
        throw SplitError.noFinalSegment(packageName: package.derivation.name)
      }
      return path
    }
  }

  /// Instantiates `expression` and returns its final segment `.drv`, checking that the package in
  /// it evaluates to `package`'s derivation. A flake or `--expr` package is resolved purely (as
  /// `nix build` does) but wrapped and instantiated impurely (it names nix-lib and the tool by store path); this
  /// makes sure both give the same package.
  ///
  /// - Throws: ``SplitError/packageDiffers(resolved:wrapped:)``, or Nix's errors.
  public func finalSegmentCheckingPackage(
    of expression: WrapExpression, resolved package: ResolvedPackage
  ) async throws -> String {
    let paths = try await runner.instantiate(expression: expression.packageAndSplitText)
    guard paths.count == 2 else { throw SplitError.noFinalSegment(packageName: package.derivation.name) }
    guard paths[0] == package.path else {
      throw SplitError.packageDiffers(resolved: package.path, wrapped: paths[0])
    }
    return paths[1]
  }

  /// Writes `expression` to `path`.
  /// - Throws: ``SplitError/cannotWrite(path:detail:)``, or
  ///   ``SplitError/relativePathsElsewhere(directory:)`` for an `--expr` package that may hold
  ///   relative paths, written outside the working directory (Nix would read them relative to
  ///   the file instead).
  public static func write(_ expression: WrapExpression, to path: String) throws(SplitError) {
    if case .source(let text, _, _) = expression.package, text.contains("./") || text.contains("../") {
      let directory = URL(fileURLWithPath: path).deletingLastPathComponent().resolvingSymlinksInPath().path
      let working = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).resolvingSymlinksInPath()
        .path
      guard directory == working else { throw .relativePathsElsewhere(directory: directory) }
    }
    do {
      try Data(expression.text.utf8).write(to: URL(fileURLWithPath: path))
    } catch {
      throw .cannotWrite(path: path, detail: error.localizedDescription)
    }
  }

  /// Writes `expression` to `file` and instantiates every segment of it, in order: `(segment
  /// name, .drv path)`; without a file, instantiates the expression's text as it is (relative
  /// paths in an `--expr` package then read relative to the working directory, as Nix read them).
  public func instantiateSegments(
    of expression: WrapExpression, writingTo file: String?
  ) async throws -> [(name: String, path: String)] {
    if let file {
      try Self.write(expression, to: file)
      return try await segmentDerivations(ofFile: file)
    }
    return try await segmentDerivations(of: "(\n\(expression.text)\n)")
  }

  /// Instantiates every segment of a written wrap file, in order: `(segment name, .drv path)`.
  public func segmentDerivations(ofFile file: String) async throws -> [(name: String, path: String)] {
    let absolute = URL(fileURLWithPath: file).standardizedFileURL.path
    return try await segmentDerivations(of: "(import \(NixSyntax.pathLiteral(absolute)))")
  }

  /// Instantiates every segment of the split package `split` (a parenthesised Nix expression).
  private func segmentDerivations(of split: String) async throws -> [(name: String, path: String)] {
    let namesValue = try await runner.evaluate(expression: "\(split).passthru.segmentNames")
    let names = namesValue.arrayValue?.compactMap(\.stringValue) ?? []
    guard !names.isEmpty, names.count == namesValue.arrayValue?.count else {
      throw SplitError.unexpectedSegmentNames(namesValue.serialized())
    }
    let paths = try await runner.instantiate(
      expression:
        "let split = \(split); in map (name: split.passthru.segments.${name}) split.passthru.segmentNames")
    guard paths.count == names.count else {
      throw SplitError.unexpectedSegmentNames("\(names.count) names but \(paths.count) derivations")
    }
    return zip(names, paths).map { (name: $0, path: $1) }
  }

  /// The package expression: the Nix file's attribute, the flake output by its locked reference,
  /// the expression's attribute, or the package rebuilt from the `.drv`.
  static func wrappedPackage(_ spec: InstallableSpec, package: ResolvedPackage) throws -> WrappedPackage {
    switch spec {
    case .file(let file, let attribute, let arguments):
      let absolute = URL(fileURLWithPath: file).standardizedFileURL.path
      return .expression(
        file: absolute,
        attributePath: attribute.map { $0.split(separator: ".").map(String.init) } ?? [],
        arguments: arguments)
    case .expression(let text, let attribute, let arguments, _):
      return .source(
        expression: text, attributePath: attribute.map(FlakeInstallable.attributePath) ?? [],
        arguments: arguments)
    case .flake:
      guard let flake = package.flake else {
        return .derivation(
          try DerivationPackage(derivation: package.derivation) { try Derivation.read(path: $0) })
      }
      return .flake(lockedReference: flake.lockedReference, attributePath: flake.attributePath)
    case .path:
      return .derivation(
        try DerivationPackage(derivation: package.derivation) { try Derivation.read(path: $0) })
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
    case .flake(let flake):
      return flake.word + (flake.impure ? " --impure" : "")
    case .expression(let expression, let attribute, let arguments, let impure):
      var text = "--expr " + expression
      if let attribute { text += " -A \(attribute)" }
      for argument in arguments { text += " " + argument.commandLineArguments.joined(separator: " ") }
      return text + (impure ? " --impure" : "")
    }
  }
}
