import Basics
import Derivations
import Foundation

/// The `.attrs.json` and `.attrs.sh` files Nix 2.8 writes into the build directory of a
/// derivation with structured attributes (`__structuredAttrs = true`), so that `enter` gives
/// the segment runner and the stdenv the same attributes as the sandboxed build.
///
/// As in Nix: the `__json` object gets an `outputs` member (output name → path);
/// `.attrs.json` is that object compact with keys sorted; `.attrs.sh` declares every top-level
/// member whose name is a shell variable name and whose value bash can hold — strings, integral
/// numbers, booleans (`1` or empty) and null (empty) as scalars, lists of those as indexed
/// arrays, attribute sets of those as associative arrays — and leaves the rest out.
public struct StructuredAttributeFiles: Sendable, Equatable {
  /// The text of `.attrs.json`.
  public var json: String
  /// The text of `.attrs.sh`.
  public var shell: String

  /// The files for the structured attributes `attributes` (the parsed `__json` object) of a
  /// build whose outputs are at `outputs` (name → path).
  ///
  /// - Throws: ``BuildSessionError/enterUnavailable(reason:)`` when `attributes` is not an object.
  public init(attributes: JSONValue, outputs: [String: String]) throws(BuildSessionError) {
    guard var members = attributes.objectMembers else {
      throw .enterUnavailable(
        reason: "the derivation's __json attribute is not a JSON object; rebuild it with Nix to see why.")
    }
    let outputMembers = outputs.map { JSONValue.Member(key: $0.key, value: .string($0.value)) }
    members.removeAll { $0.key == "outputs" }
    members.append(JSONValue.Member(key: "outputs", value: .object(outputMembers)))
    let document = Self.sortedKeys(.object(members))
    json = document.serialized()
    shell = Self.shellDeclarations(of: document.objectMembers ?? [])
  }

  /// `value` with the members of every object ordered by key bytes (the order of Nix's JSON).
  static func sortedKeys(_ value: JSONValue) -> JSONValue {
    switch value {
    case .array(let elements): return .array(elements.map(sortedKeys))
    case .object(let members):
      let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
      return .object(sorted.map { JSONValue.Member(key: $0.key, value: sortedKeys($0.value)) })
    default: return value
    }
  }

  /// One `declare` line per expressible member, in the members' order.
  static func shellDeclarations(of members: [JSONValue.Member]) -> String {
    var text = ""
    for member in members where isShellVariableName(member.key) {
      if let scalar = scalarWord(member.value) {
        text += "declare \(member.key)=\(scalar)\n"
      } else if let elements = member.value.arrayValue {
        let words = elements.map(scalarWord)
        guard !words.contains(nil) else { continue }
        text += "declare -a \(member.key)=(" + words.map { $0! + " " }.joined() + ")\n"
      } else if let entries = member.value.objectMembers {
        let words = entries.map { entry in
          scalarWord(entry.value).map { "[\(ShellQuoting.singleQuoted(entry.key))]=\($0) " }
        }
        guard !words.contains(nil) else { continue }
        text += "declare -A \(member.key)=(" + words.map { $0! }.joined() + ")\n"
      }
    }
    return text
  }

  /// The bash word for a value bash can hold as a scalar; nil for lists, attribute sets and
  /// fractional or out-of-range numbers.
  static func scalarWord(_ value: JSONValue) -> String? {
    switch value {
    case .string(let text): return ShellQuoting.singleQuoted(text)
    case .number:
      guard let integer = value.integerValue, let small = Int32(exactly: integer) else { return nil }
      return String(small)
    case .null: return "''"
    case .bool(let flag): return flag ? "1" : ""
    case .array, .object: return nil
    }
  }

  /// Whether `name` matches `[A-Za-z_][A-Za-z0-9_]*`.
  static func isShellVariableName(_ name: String) -> Bool {
    guard let first = name.utf8.first, first == UInt8(ascii: "_") || isLetter(first) else { return false }
    return name.utf8.allSatisfy { $0 == UInt8(ascii: "_") || isLetter($0) || (0x30...0x39).contains($0) }
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
  }
}
