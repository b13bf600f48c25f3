import Derivations

extension DerivationPackage {
  /// Rebuilds a package from a `.drv`: its environment (or structured attributes) becomes
  /// `drvAttrs`, the builder arguments become `args`, and every string that mentions an input
  /// source or an output of an input derivation carries that input as string context.
  ///
  /// - Parameters:
  ///   - derivation: the derivation to rebuild.
  ///   - readInput: reads an input `.drv` (to learn its output paths); `Derivation.read` in
  ///     practice.
  public init(derivation: Derivation, readInput: (String) throws -> Derivation) rethrows {
    var index = InputContextIndex()
    for source in derivation.inputSources { index.addSource(source) }
    for input in derivation.inputDerivations {
      let inputDerivation = try readInput(input.path)
      for outputName in input.outputs {
        if let output = inputDerivation.output(named: outputName), !output.path.isEmpty {
          index.addOutput(path: output.path, derivation: input.path, output: outputName)
        }
      }
    }
    var attributes: [(name: String, value: NixValue)] = []
    if case .object(let members)? = derivation.structuredAttributes {
      attributes = members.map { ($0.key, Self.value($0.value, index: index)) }
      attributes.append(("__structuredAttrs", .bool(true)))
    } else {
      let outputNames = Set(derivation.outputs.map(\.name))
      for variable in derivation.environment where !outputNames.contains(variable.name) {
        if variable.name == "outputs" {
          let words = variable.value.split(whereSeparator: \.isWhitespace).map { NixValue.string(String($0)) }
          attributes.append((variable.name, .list(words)))
        } else {
          attributes.append((variable.name, index.string(variable.value)))
        }
      }
    }
    if !derivation.arguments.isEmpty {
      attributes.append(("args", .list(derivation.arguments.map(index.string))))
    }
    self.init(name: derivation.name, outputs: derivation.outputNames, attributes: attributes)
  }

  private static func value(_ json: JSONValue, index: InputContextIndex) -> NixValue {
    switch json {
    case .null: .null
    case .bool(let flag): .bool(flag)
    case .number(let literal): .number(literal)
    case .string(let text): index.string(text)
    case .array(let elements): .list(elements.map { value($0, index: index) })
    case .object(let members): .attributes(members.map { ($0.key, value($0.value, index: index)) })
    }
  }
}
