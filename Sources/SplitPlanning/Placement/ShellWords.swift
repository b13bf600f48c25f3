/// The words of shell code as the placement rule reads them: maximal runs of ASCII letters,
/// digits and `_` — the same split as `builtins.split "([A-Za-z0-9_]+)"` in
/// `nix-lib/lib/placeAttributes.nix`, so both sides see the same names.
public struct ShellWords: Sendable, Equatable {
  /// The distinct words.
  public var words: Set<String>
  /// Whether the code may read variables it does not name (`eval`, `source`, `substituteAll`,
  /// `substituteAllInPlace`, `printenv`, or an indirect expansion `${!`).
  public var readsAnything: Bool

  /// The commands that may read variables by names not written in the code.
  public static let readAnythingCommands: Set<String> = [
    "eval", "source", "substituteAll", "substituteAllInPlace", "printenv",
  ]

  /// Splits `text` into words.
  public init(_ text: String) {
    var words: Set<String> = []
    var current: [UInt8] = []
    for byte in text.utf8 {
      if Self.isWordByte(byte) {
        current.append(byte)
      } else if !current.isEmpty {
        words.insert(String(decoding: current, as: UTF8.self))
        current.removeAll(keepingCapacity: true)
      }
    }
    if !current.isEmpty { words.insert(String(decoding: current, as: UTF8.self)) }
    self.words = words
    self.readsAnything = !words.isDisjoint(with: Self.readAnythingCommands) || text.contains("${!")
  }

  /// Whether `name` is a shell variable name (`[A-Za-z_][A-Za-z0-9_]*`).
  public static func isVariableName(_ name: String) -> Bool {
    guard let first = name.utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
      return false
    }
    return name.utf8.allSatisfy(isWordByte)
  }

  private static func isWordByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
      true
    default: false
    }
  }
}
