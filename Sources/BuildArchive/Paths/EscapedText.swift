/// Renders raw bytes as text: valid UTF-8 sequences as themselves, any other byte as `\xNN`.
public enum EscapedText {
  /// The escaped rendering of `bytes`.
  public static func escaping(_ bytes: [UInt8]) -> String {
    var result = ""
    result.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      let length = validSequenceLength(bytes, at: index)
      if length > 0 {
        result += String(decoding: bytes[index..<index + length], as: UTF8.self)
        index += length
      } else {
        let hex = String(bytes[index], radix: 16, uppercase: false)
        result += "\\x" + (hex.count == 1 ? "0" + hex : hex)
        index += 1
      }
    }
    return result
  }

  /// Whether `bytes` is entirely valid UTF-8.
  public static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
    var index = 0
    while index < bytes.count {
      let length = validSequenceLength(bytes, at: index)
      if length == 0 { return false }
      index += length
    }
    return true
  }

  /// The length of the valid UTF-8 sequence starting at `index`, or 0 if the byte there starts none.
  private static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
    let first = bytes[index]
    if first < 0x80 { return 1 }
    let length: Int
    var lowerBound: UInt8 = 0x80
    var upperBound: UInt8 = 0xBF
    switch first {
    case 0xC2...0xDF: length = 2
    case 0xE0:
      length = 3
      lowerBound = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED:
      length = 3
      upperBound = 0x9F
    case 0xF0:
      length = 4
      lowerBound = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4:
      length = 4
      upperBound = 0x8F
    default: return 0
    }
    guard index + length <= bytes.count else { return 0 }
    let second = bytes[index + 1]
    guard second >= lowerBound && second <= upperBound else { return 0 }
    for offset in 2..<max(2, length) where bytes[index + offset] & 0xC0 != 0x80 {
      return 0
    }
    return length
  }
}
