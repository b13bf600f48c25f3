import Foundation

/// Turns what the user named into the final segment `.drv` of a split package: a split
/// package is used as it is; an unsplit package from a Nix file is split with nix-lib's
/// `splitPhases` (boundaries as given) and instantiated.
///
/// This is the minimal wrap `build`, `explain` and `enter` need; `phasesplit wrap` (NixEmission)
/// additionally places attributes by script analysis.
public struct SplitPackageResolver: Sendable {
  /// The runner for Nix commands.
  public var runner: CommandRunner
  /// The `phasesplit` executable the segments run (copied into the store by Nix).
  public var toolPath: String
  /// The nix-lib directory.
  public var nixLibDirectory: String

  /// Creates a resolver.
  public init(runner: CommandRunner, toolPath: String, nixLibDirectory: String) {
    self.runner = runner
    self.toolPath = toolPath
    self.nixLibDirectory = nixLibDirectory
  }

  /// The final segment `.drv` path for `source` split at `boundaries` (nil: nix-lib's default).
  public func resolve(_ source: PackageSource, boundaries: [String]?) throws(BuildSessionError) -> String {
    switch source {
    case .derivation(let path):
      guard FileManager.default.fileExists(atPath: path) else {
        throw .missingFile(
          path: path, hint: "give the .drv path of a split package, or the package with -f FILE -A ATTR")
      }
      return path
    case .file(let file, let attribute, let arguments):
      guard FileManager.default.fileExists(atPath: file) else {
        throw .missingFile(path: file, hint: "give an existing Nix file with -f")
      }
      let expression = Self.expression(
        file: URL(fileURLWithPath: file).standardizedFileURL.path, attribute: attribute, arguments: arguments,
        boundaries: boundaries, nixLib: nixLibDirectory, tool: toolPath)
      let command = ["nix-instantiate", "-E", expression]
      let result = try runner.run(command)
      guard result.status == 0 else {
        let package = attribute.map { "attribute \($0) of \(file)" } ?? file
        throw .evaluationFailed(package: package, nixError: result.standardErrorTail())
      }
      let output = result.standardOutput
      guard let path = output.split(separator: "\n").last.map(String.init), path.hasSuffix(".drv") else {
        throw .unreadableNixOutput(commandLine: command, detail: "no .drv path in the output")
      }
      return path
    }
  }

  /// The Nix expression: the package, split unless it already is a split package.
  static func expression(
    file: String, attribute: String?, arguments: [(name: String, expression: String)], boundaries: [String]?,
    nixLib: String, tool: String
  ) -> String {
    let argumentSet = arguments.map { "\(NixStringLiteral.quote($0.name)) = (\($0.expression));" }.joined(
      separator: " ")
    let selection = attribute.map(NixStringLiteral.selection) ?? ""
    let options =
      boundaries.map { "boundaries = [ " + $0.map(NixStringLiteral.quote).joined(separator: " ") + " ];" }
      ?? ""
    return """
      let
        imported = import \(NixStringLiteral.quote(file));
        top = if builtins.isFunction imported then imported { \(argumentSet) } else imported;
        package = top\(selection);
        phasesplitLib = import (/. + \(NixStringLiteral.quote(nixLib))) { phasesplit = /. + \(NixStringLiteral.quote(tool)); };
      in
        if package ? passthru.segmentNames || package ? segmentNames || package ? phasesplitSegment then package
        else phasesplitLib.splitPhases { \(options) } package
      """
  }

  /// Locates nix-lib: `PHASESPLIT_NIX_LIB`, else next to the executable in a checkout
  /// (`<exe>/../../../nix-lib`) or an installation (`<exe>/../share/phasesplit/nix-lib`).
  public static func locateNixLib(executable: String) throws(BuildSessionError) -> String {
    if let configured = ProcessInfo.processInfo.environment["PHASESPLIT_NIX_LIB"], !configured.isEmpty {
      return configured
    }
    let directory = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
    for relative in ["../../../nix-lib", "../share/phasesplit/nix-lib"] {
      let candidate = directory.appendingPathComponent(relative).standardizedFileURL.path
      if FileManager.default.fileExists(atPath: candidate + "/default.nix") { return candidate }
    }
    throw .missingFile(
      path: directory.appendingPathComponent("../../../nix-lib").standardizedFileURL.path,
      hint: "set PHASESPLIT_NIX_LIB to the nix-lib directory of a phasesplit checkout")
  }
}
