extension JSONValue {
  /// Parses JSON text.
  ///
  /// - Throws: ``JSONParseError`` with the byte offset of the problem.
  public init(parsing text: String) throws(JSONParseError) {
    var text = text
    let result = text.withUTF8 { buffer in
      Result { () throws(JSONParseError) in
        var parser = JSONParser(bytes: buffer)
        return try parser.parseDocument()
      }
    }
    self = try result.get()
  }

  /// The value as JSON text. Compact by default; with `indentation`, one member or element per
  /// line, nested by that many spaces.
  public func serialized(indentation: Int? = nil) -> String {
    var text = ""
    write(to: &text, indentation: indentation, level: 0)
    return text
  }

  private func write(to text: inout String, indentation: Int?, level: Int) {
    switch self {
    case .null: text += "null"
    case .bool(let value): text += value ? "true" : "false"
    case .number(let literal): text += literal
    case .string(let value): Self.writeString(value, to: &text)
    case .array(let elements):
      writeContainer(elements.count, open: "[", close: "]", to: &text, indentation: indentation, level: level)
      {
        text, index in elements[index].write(to: &text, indentation: indentation, level: level + 1)
      }
    case .object(let members):
      writeContainer(members.count, open: "{", close: "}", to: &text, indentation: indentation, level: level)
      {
        text, index in
        Self.writeString(members[index].key, to: &text)
        text += indentation == nil ? ":" : ": "
        members[index].value.write(to: &text, indentation: indentation, level: level + 1)
      }
    }
  }

  private func writeContainer(
    _ count: Int,
    open: String,
    close: String,
    to text: inout String,
    indentation: Int?,
    level: Int,
    writeElement: (inout String, Int) -> Void
  ) {
    text += open
    guard count > 0 else {
      text += close
      return
    }
    for index in 0..<count {
      if index > 0 { text += "," }
      if let indentation {
        text += "\n" + String(repeating: " ", count: indentation * (level + 1))
      }
      writeElement(&text, index)
    }
    if let indentation {
      text += "\n" + String(repeating: " ", count: indentation * level)
    }
    text += close
  }

  private static func writeString(_ value: String, to text: inout String) {
    text += "\""
    let needsEscaping = value.utf8.contains {
      $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\")
    }
    guard needsEscaping else {
      text += value
      text += "\""
      return
    }
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": text += "\\\""
      case "\\": text += "\\\\"
      case "\n": text += "\\n"
      case "\r": text += "\\r"
      case "\t": text += "\\t"
      case "\u{08}": text += "\\b"
      case "\u{0C}": text += "\\f"
      case "\u{00}"..."\u{1F}":
        let hex = String(scalar.value, radix: 16)
        text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: text.unicodeScalars.append(scalar)
      }
    }
    text += "\""
  }
}
