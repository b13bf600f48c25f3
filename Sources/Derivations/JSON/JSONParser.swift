/// A strict RFC 8259 JSON parser over UTF-8 bytes that produces ``JSONValue``.
struct JSONParser: ~Copyable {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var position = 0
  /// Nesting limit, so that hostile input cannot exhaust the stack.
  private static let maximumDepth = 512

  init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  mutating func parseDocument() throws(JSONParseError) -> JSONValue {
    let value = try parseValue(depth: 0)
    skipWhitespace()
    if position < bytes.count { throw error("unexpected data after the JSON value") }
    return value
  }

  private mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONValue {
    guard depth < Self.maximumDepth else { throw error("nesting deeper than \(Self.maximumDepth) levels") }
    skipWhitespace()
    guard position < bytes.count else { throw error("expected a value, found the end of the text") }
    switch bytes[position] {
    case UInt8(ascii: "{"): return try parseObject(depth: depth)
    case UInt8(ascii: "["): return try parseArray(depth: depth)
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"):
      try expectLiteral("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try expectLiteral("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try expectLiteral("null")
      return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return .number(try parseNumber())
    default:
      throw error("expected a value")
    }
  }

  private mutating func parseObject(depth: Int) throws(JSONParseError) -> JSONValue {
    position += 1
    var members: [JSONValue.Member] = []
    skipWhitespace()
    if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
      position += 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
        throw error("expected a string key")
      }
      let key = try parseString()
      skipWhitespace()
      try expect(UInt8(ascii: ":"), "':' after an object key")
      let value = try parseValue(depth: depth + 1)
      members.append(JSONValue.Member(key: key, value: value))
      skipWhitespace()
      guard position < bytes.count else { throw error("expected ',' or '}', found the end of the text") }
      let byte = bytes[position]
      position += 1
      if byte == UInt8(ascii: "}") { return .object(members) }
      if byte != UInt8(ascii: ",") {
        position -= 1
        throw error("expected ',' or '}' in an object")
      }
    }
  }

  private mutating func parseArray(depth: Int) throws(JSONParseError) -> JSONValue {
    position += 1
    var elements: [JSONValue] = []
    skipWhitespace()
    if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
      position += 1
      return .array(elements)
    }
    while true {
      elements.append(try parseValue(depth: depth + 1))
      skipWhitespace()
      guard position < bytes.count else { throw error("expected ',' or ']', found the end of the text") }
      let byte = bytes[position]
      position += 1
      if byte == UInt8(ascii: "]") { return .array(elements) }
      if byte != UInt8(ascii: ",") {
        position -= 1
        throw error("expected ',' or ']' in an array")
      }
    }
  }

  private mutating func parseString() throws(JSONParseError) -> String {
    let start = position
    position += 1
    var scalars = String.UnicodeScalarView()
    var runStart = position
    func flushRun(_ end: Int, into scalars: inout String.UnicodeScalarView) throws(JSONParseError) {
      guard end > runStart else { return }
      guard let text = String(validating: UnsafeBufferPointer(rebasing: bytes[runStart..<end]), as: UTF8.self)
      else {
        throw JSONParseError(offset: runStart, problem: "string is not valid UTF-8")
      }
      scalars.append(contentsOf: text.unicodeScalars)
    }
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        try flushRun(position, into: &scalars)
        position += 1
        return String(scalars)
      }
      if byte < 0x20 { throw error("unescaped control character in a string") }
      if byte != UInt8(ascii: "\\") {
        position += 1
        continue
      }
      try flushRun(position, into: &scalars)
      guard position + 1 < bytes.count else { break }
      let escaped = bytes[position + 1]
      position += 2
      switch escaped {
      case UInt8(ascii: "\""): scalars.append("\"")
      case UInt8(ascii: "\\"): scalars.append("\\")
      case UInt8(ascii: "/"): scalars.append("/")
      case UInt8(ascii: "b"): scalars.append("\u{08}")
      case UInt8(ascii: "f"): scalars.append("\u{0C}")
      case UInt8(ascii: "n"): scalars.append("\n")
      case UInt8(ascii: "r"): scalars.append("\r")
      case UInt8(ascii: "t"): scalars.append("\t")
      case UInt8(ascii: "u"): scalars.append(try parseUnicodeEscape())
      default:
        position -= 2
        throw error("invalid escape in a string")
      }
      runStart = position
    }
    throw JSONParseError(offset: start, problem: "unterminated string")
  }

  /// Parses the hex digits after `\u`, combining a surrogate pair into one scalar.
  private mutating func parseUnicodeEscape() throws(JSONParseError) -> Unicode.Scalar {
    let high = try parseHexQuad()
    if (0xD800..<0xDC00).contains(high) {
      guard bytes.count - position >= 6, bytes[position] == UInt8(ascii: "\\"),
        bytes[position + 1] == UInt8(ascii: "u")
      else { throw error("unpaired high surrogate in a \\u escape") }
      position += 2
      let low = try parseHexQuad()
      guard (0xDC00..<0xE000).contains(low) else { throw error("invalid low surrogate in a \\u escape") }
      let combined = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
      return Unicode.Scalar(combined)!
    }
    guard let scalar = Unicode.Scalar(high) else { throw error("unpaired low surrogate in a \\u escape") }
    return scalar
  }

  private mutating func parseHexQuad() throws(JSONParseError) -> UInt32 {
    guard bytes.count - position >= 4 else { throw error("expected four hex digits after \\u") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[position]
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw error("expected a hex digit in a \\u escape")
      }
      value = value << 4 | UInt32(digit)
      position += 1
    }
    return value
  }

  private mutating func parseNumber() throws(JSONParseError) -> String {
    let start = position
    if bytes[position] == UInt8(ascii: "-") { position += 1 }
    guard position < bytes.count, isDigit(bytes[position]) else {
      throw error("expected a digit in a number")
    }
    if bytes[position] == UInt8(ascii: "0") {
      position += 1
    } else {
      skipDigits()
    }
    if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
      position += 1
      guard position < bytes.count, isDigit(bytes[position]) else {
        throw error("expected a digit after '.'")
      }
      skipDigits()
    }
    if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
      position += 1
      if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")
      {
        position += 1
      }
      guard position < bytes.count, isDigit(bytes[position]) else {
        throw error("expected a digit in an exponent")
      }
      skipDigits()
    }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
  }

  private func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  private mutating func skipDigits() {
    while position < bytes.count, isDigit(bytes[position]) { position += 1 }
  }

  private mutating func skipWhitespace() {
    while position < bytes.count {
      switch bytes[position] {
      case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): position += 1
      default: return
      }
    }
  }

  private mutating func expect(_ byte: UInt8, _ what: String) throws(JSONParseError) {
    guard position < bytes.count, bytes[position] == byte else { throw error("expected \(what)") }
    position += 1
  }

  private mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
    let count = literal.utf8CodeUnitCount
    let matches = literal.withUTF8Buffer { expected in
      bytes.count - position >= count && bytes[position..<position + count].elementsEqual(expected)
    }
    guard matches else { throw error("expected '\(literal)'") }
    position += count
  }

  private func error(_ problem: String) -> JSONParseError {
    JSONParseError(offset: position, problem: problem)
  }
}

/// Text that is not valid JSON.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The zero-based byte offset of the problem.
  public var offset: Int
  /// What was wrong.
  public var problem: String

  /// Creates an error.
  public init(offset: Int, problem: String) {
    self.offset = offset
    self.problem = problem
  }

  public var description: String { "invalid JSON at byte \(offset): \(problem)" }
}
