/// Text that is not valid Nix base-32.
public enum NixBase32Error: Error, Sendable, Equatable, CustomStringConvertible {
  /// A character outside `0123456789abcdfghijklmnpqrsvwxyz` at the given character offset.
  case invalidCharacter(text: String, offset: Int)
  /// The text encodes more bits than the byte count its length implies (Nix rejects such text).
  case valueTooLarge(text: String)

  public var description: String {
    switch self {
    case .invalidCharacter(let text, let offset):
      return "\"\(text)\" is not Nix base-32: invalid character at offset \(offset); "
        + "the digits are 0123456789abcdfghijklmnpqrsvwxyz"
    case .valueTooLarge(let text):
      return "\"\(text)\" is not Nix base-32: its leading digit has bits beyond the encoded length"
    }
  }
}
