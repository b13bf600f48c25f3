/// The human-readable form of a derivation that `phasesplit show-drv` prints: path, name,
/// system, builder, arguments, outputs, inputs and environment, one value per line.
public struct DerivationDescription: Sendable {
  /// The `.drv` path.
  public var path: String
  /// The derivation.
  public var derivation: Derivation

  /// Describes `derivation`, read from `path`.
  public init(path: String, derivation: Derivation) {
    self.path = path
    self.derivation = derivation
  }

  /// The description, without a final newline.
  public var text: String {
    var lines = [path]
    lines.append("  name:    \(Self.display(derivation.name))")
    lines.append("  system:  \(Self.display(derivation.system))")
    lines.append("  builder: \(Self.display(derivation.builder))")
    lines.append("  args:    " + derivation.arguments.map(Self.display).joined(separator: " "))
    lines.append("  outputs:")
    for output in derivation.outputs {
      let location = output.path.isEmpty ? "(path known after build)" : output.path
      lines.append("    \(output.name): \(location) [\(Self.describe(output.kind))]")
    }
    if !derivation.inputDerivations.isEmpty {
      lines.append("  input derivations:")
      for input in derivation.inputDerivations {
        lines.append("    \(input.path) (\(input.outputs.joined(separator: ", ")))")
      }
    }
    if !derivation.inputSources.isEmpty {
      lines.append("  input sources:")
      lines += derivation.inputSources.map { "    " + $0 }
    }
    lines.append("  environment:")
    for variable in derivation.environment
    where !(variable.name == "__json" && derivation.hasStructuredAttributes) {
      lines.append("    \(variable.name)=\(Self.display(variable.value))")
    }
    if let attributes = derivation.structuredAttributes {
      lines.append("  structured attributes (__json):")
      lines += attributes.serialized(indentation: 2).split(separator: "\n").map { "    " + $0 }
    }
    return lines.joined(separator: "\n")
  }

  private static func describe(_ kind: Derivation.OutputKind?) -> String {
    switch kind {
    case .inputAddressed?: return "input-addressed"
    case .fixed(let algorithm, let hash)?: return "fixed-output \(algorithm.text):\(hash)"
    case .contentAddressedFloating(let algorithm)?: return "content-addressed \(algorithm.text)"
    case .impure(let algorithm)?: return "impure \(algorithm.text)"
    case .deferred?: return "deferred"
    case nil: return "unknown"
    }
  }

  /// `text` as is when it has no control characters, otherwise as a JSON string literal, so that
  /// every value stays on one line.
  private static func display(_ text: String) -> String {
    let needsQuoting = text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    return needsQuoting ? JSONValue.string(text).serialized() : text
  }
}
