import Derivations

extension DerivationPackage {
  /// Rebuilds a package from a `.drv`: its attributes (``Derivations/DerivationAttributes``:
  /// the environment or the structured attributes, and `args`) become `drvAttrs`, and every string that mentions an input
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
    let attributes = derivation.attributes.map { attribute -> (name: String, value: NixValue) in
      switch attribute.value {
      case .string(let text) where attribute.name == "outputs":
        // without structured attributes Nix wrote the `outputs` list as words
        (attribute.name, .list(text.split(whereSeparator: \.isWhitespace).map { .string(String($0)) }))
      case .string(let text): (attribute.name, index.string(text))
      case .json(let value): (attribute.name, Self.value(value, index: index))
      }
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
