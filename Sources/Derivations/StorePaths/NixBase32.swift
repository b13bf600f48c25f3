/// Nix's base-32 encoding of hashes, as in store path hash parts and `nix-hash --to-base32`.
///
/// The alphabet omits `e`, `o`, `u` and `t`; the digits are written most significant first, taking
/// the input's bits from the least significant end of the last byte (Nix's own order, unlike
/// RFC 4648).
public enum NixBase32 {
  /// The 32 digits, in value order.
  public static let alphabet: [UInt8] = Array("0123456789abcdfghijklmnpqrsvwxyz".utf8)

  /// The digit value of each byte, or `0xFF` for bytes that are not digits.
  private static let digitValues: [UInt8] = {
    var table = [UInt8](repeating: 0xFF, count: 256)
    for (value, character) in alphabet.enumerated() { table[Int(character)] = UInt8(value) }
    return table
  }()

  /// Whether `character` is a Nix base-32 digit.
  public static func isDigit(_ character: UInt8) -> Bool {
    digitValues[Int(character)] != 0xFF
  }

  /// The number of characters that encode `byteCount` bytes.
  public static func encodedLength(byteCount: Int) -> Int {
    byteCount == 0 ? 0 : (byteCount * 8 - 1) / 5 + 1
  }

  /// Encodes bytes, e.g. a 32-byte SHA-256 digest into 52 characters.
  public static func encode(_ bytes: some Collection<UInt8>) -> String {
    let input = Array(bytes)
    let length = encodedLength(byteCount: input.count)
    var characters = [UInt8]()
    characters.reserveCapacity(length)
    for digitIndex in stride(from: length - 1, through: 0, by: -1) {
      let bit = digitIndex * 5
      let byteIndex = bit / 8
      let shift = bit % 8
      var value = Int(input[byteIndex]) >> shift
      if byteIndex + 1 < input.count {
        value |= Int(input[byteIndex + 1]) << (8 - shift)
      }
      characters.append(alphabet[value & 0x1F])
    }
    return String(decoding: characters, as: UTF8.self)
  }

  /// Decodes text produced by ``encode(_:)``.
  ///
  /// - Throws: ``NixBase32Error`` for characters outside the alphabet, or for text whose value does
  ///   not fit the byte count its length implies.
  public static func decode(_ text: String) throws(NixBase32Error) -> [UInt8] {
    let characters = Array(text.utf8)
    let byteCount = characters.count * 5 / 8
    var bytes = [UInt8](repeating: 0, count: byteCount)
    for digitIndex in 0..<characters.count {
      let character = characters[characters.count - digitIndex - 1]
      let value = digitValues[Int(character)]
      guard value != 0xFF else {
        throw .invalidCharacter(text: text, offset: characters.count - digitIndex - 1)
      }
      let bit = digitIndex * 5
      let byteIndex = bit / 8
      let shift = bit % 8
      let low = Int(value) << shift
      let high = Int(value) >> (8 - shift)
      if byteIndex < byteCount {
        bytes[byteIndex] |= UInt8(low & 0xFF)
      } else if low & 0xFF != 0 {
        throw .valueTooLarge(text: text)
      }
      if byteIndex + 1 < byteCount {
        bytes[byteIndex + 1] |= UInt8(high & 0xFF)
      } else if high != 0 {
        throw .valueTooLarge(text: text)
      }
    }
    return bytes
  }
}

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
