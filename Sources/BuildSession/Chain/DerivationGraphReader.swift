import Foundation

/// Reads derivations and their closures with `nix show-derivation` (JSON).
public struct DerivationGraphReader: Sendable {
  /// The runner for Nix commands.
  public var runner: CommandRunner

  /// Creates a reader that runs Nix with `runner`.
  public init(runner: CommandRunner) {
    self.runner = runner
  }

  /// Reads `path` and, when `recursive`, every derivation in its closure; keyed by `.drv` path.
  public func read(_ path: String, recursive: Bool) throws(BuildSessionError) -> [String: DerivationSummary] {
    let command = ["nix", "show-derivation"] + (recursive ? ["-r"] : []) + [path]
    let output = try runner.output(of: command)
    do {
      return try Self.parse(json: output)
    } catch let error as BuildSessionError {
      throw error
    } catch {
      throw .unreadableNixOutput(commandLine: command, detail: "\(error)")
    }
  }

  /// Parses `nix show-derivation` JSON text.
  public static func parse(json: String) throws -> [String: DerivationSummary] {
    guard let top = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
      throw BuildSessionError.unreadableNixOutput(
        commandLine: ["nix", "show-derivation"], detail: "expected a JSON object")
    }
    var summaries: [String: DerivationSummary] = [:]
    for (path, value) in top {
      guard let object = value as? [String: Any] else { continue }
      let outputs = (object["outputs"] as? [String: Any] ?? [:]).mapValues {
        ($0 as? [String: Any])?["path"] as? String ?? ""
      }
      let inputs = (object["inputDrvs"] as? [String: Any] ?? [:]).mapValues { $0 as? [String] ?? [] }
      var attributes = (object["env"] as? [String: Any] ?? [:]).compactMapValues { $0 as? String }
      if let structured = attributes["__json"],
        let expanded = try? JSONSerialization.jsonObject(with: Data(structured.utf8)) as? [String: Any]
      {
        attributes.removeValue(forKey: "__json")
        for (name, value) in expanded {
          attributes[name] = value as? String ?? Self.jsonText(value)
        }
      }
      var summary = DerivationSummary(
        path: path, outputPaths: outputs, inputDerivations: inputs,
        inputSources: object["inputSrcs"] as? [String] ?? [], attributes: attributes)
      summary.arguments = object["args"] as? [String] ?? []
      summary.usesStructuredAttributes = (object["env"] as? [String: Any])?["__json"] != nil
      summaries[path] = summary
    }
    return summaries
  }

  private static func jsonText(_ value: Any) -> String {
    guard JSONSerialization.isValidJSONObject([value]),
      let data = try? JSONSerialization.data(withJSONObject: [value], options: [.sortedKeys])
    else { return "\(value)" }
    return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
  }
}
