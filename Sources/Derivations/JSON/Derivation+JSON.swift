extension Derivation {
  /// The derivation in the JSON shape of `nix show-derivation` (without the outer object keyed by
  /// the `.drv` path): `outputs` (by name: `path`, `hashAlgo`, `hash` when set), `inputSrcs`,
  /// `inputDrvs` (path to output names), `system`, `builder`, `args` and `env`.
  public var jsonValue: JSONValue {
    let outputs = outputs.map { output in
      var fields: [JSONValue.Member] = []
      if !output.path.isEmpty { fields.append(.init(key: "path", value: .string(output.path))) }
      if !output.hashAlgorithm.isEmpty {
        fields.append(.init(key: "hashAlgo", value: .string(output.hashAlgorithm)))
      }
      if !output.hash.isEmpty { fields.append(.init(key: "hash", value: .string(output.hash))) }
      return JSONValue.Member(key: output.name, value: .object(fields))
    }
    let inputs = inputDerivations.map { input in
      JSONValue.Member(key: input.path, value: .array(input.outputs.map(JSONValue.string)))
    }
    return .object([
      .init(key: "outputs", value: .object(outputs)),
      .init(key: "inputSrcs", value: .array(inputSources.map(JSONValue.string))),
      .init(key: "inputDrvs", value: .object(inputs)),
      .init(key: "system", value: .string(system)),
      .init(key: "builder", value: .string(builder)),
      .init(key: "args", value: .array(arguments.map(JSONValue.string))),
      .init(key: "env", value: .object(environment.map { .init(key: $0.name, value: .string($0.value)) })),
    ])
  }
}
