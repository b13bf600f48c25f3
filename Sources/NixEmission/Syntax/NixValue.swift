/// A Nix value to print as an expression: the subset phasesplit writes.
public indirect enum NixValue: Sendable, Equatable {
  /// A string, with the store paths it depends on (empty for a plain string).
  case string(String, context: [StringContextEntry])
  /// A list.
  case list([NixValue])
  /// An attribute set, in the given order.
  case attributes([(name: String, value: NixValue)])
  /// A boolean.
  case bool(Bool)
  /// `null`.
  case null
  /// A number as JSON spells it (`3`, `1.5`, `-2e3`); written as a Nix literal when Nix reads
  /// it the same, else through `builtins.fromJSON`.
  case number(String)
  /// An expression written out as is (a path literal, a function call).
  case expression(String)

  /// A plain string without context.
  public static func string(_ text: String) -> NixValue { .string(text, context: []) }

  public static func == (lhs: NixValue, rhs: NixValue) -> Bool {
    lhs.rendered(indentation: 0) == rhs.rendered(indentation: 0)
  }

  /// The value as a Nix expression, nested lines indented by two spaces per level starting at
  /// `indentation`.
  public func rendered(indentation: Int = 0) -> String {
    let inner = String(repeating: " ", count: indentation + 2)
    let closing = String(repeating: " ", count: indentation)
    switch self {
    case .string(let text, let context):
      return Self.contextualString(text, context: context)
    case .list(let items):
      if items.isEmpty { return "[ ]" }
      let simple = items.allSatisfy {
        if case .string(_, let context) = $0 { context.isEmpty } else { false }
      }
      if simple && items.count <= 8 {
        return "[ " + items.map { $0.rendered() }.joined(separator: " ") + " ]"
      }
      return "[\n" + items.map { inner + "(" + $0.rendered(indentation: indentation + 2) + ")\n" }.joined()
        + closing + "]"
    case .attributes(let members):
      if members.isEmpty { return "{ }" }
      return "{\n"
        + members.map {
          inner + NixSyntax.attributeName($0.name) + " = " + $0.value.rendered(indentation: indentation + 2)
            + ";\n"
        }.joined() + closing + "}"
    case .bool(let flag):
      return flag ? "true" : "false"
    case .null:
      return "null"
    case .number(let spelling):
      let plain = spelling.allSatisfy { $0.isNumber || $0 == "." } && !spelling.hasPrefix(".")
      return plain ? spelling : "(builtins.fromJSON \(NixSyntax.stringLiteral(spelling)))"
    case .expression(let text):
      return text
    }
  }

  private static func contextualString(_ text: String, context: [StringContextEntry]) -> String {
    let literal = NixSyntax.stringLiteral(text)
    if context.isEmpty { return literal }
    var members: [String] = []
    var outputsByDerivation: [(String, [String])] = []
    var sources: [String] = []
    for entry in context {
      switch entry {
      case .source(let path):
        if !sources.contains(path) { sources.append(path) }
      case .derivationOutputs(let derivation, let outputs):
        if let index = outputsByDerivation.firstIndex(where: { $0.0 == derivation }) {
          for output in outputs where !outputsByDerivation[index].1.contains(output) {
            outputsByDerivation[index].1.append(output)
          }
        } else {
          outputsByDerivation.append((derivation, outputs))
        }
      }
    }
    for path in sources.sorted() {
      members.append("\(NixSyntax.stringLiteral(path)) = { path = true; };")
    }
    for (derivation, outputs) in outputsByDerivation.sorted(by: { $0.0 < $1.0 }) {
      let list = outputs.sorted().map(NixSyntax.stringLiteral).joined(separator: " ")
      members.append("\(NixSyntax.stringLiteral(derivation)) = { outputs = [ \(list) ]; };")
    }
    return "builtins.appendContext \(literal) { \(members.joined(separator: " ")) }"
  }
}
