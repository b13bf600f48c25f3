/// Writes a derivation in the ATerm format of `.drv` files, escaping strings as Nix does.
struct ATermWriter {
  private(set) var text = ""

  mutating func write(_ derivation: Derivation) {
    text.reserveCapacity(4096)
    text += "Derive("
    writeList(derivation.outputs) { writer, output in
      writer.writeTuple([output.name, output.path, output.hashAlgorithm, output.hash])
    }
    text += ","
    writeList(derivation.inputDerivations) { writer, input in
      writer.text += "("
      writer.writeString(input.path)
      writer.text += ","
      writer.writeList(input.outputs) { writer, name in writer.writeString(name) }
      writer.text += ")"
    }
    text += ","
    writeList(derivation.inputSources) { writer, path in writer.writeString(path) }
    text += ","
    writeString(derivation.system)
    text += ","
    writeString(derivation.builder)
    text += ","
    writeList(derivation.arguments) { writer, argument in writer.writeString(argument) }
    text += ","
    writeList(derivation.environment) { writer, variable in
      writer.writeTuple([variable.name, variable.value])
    }
    text += ")"
  }

  private mutating func writeList<Element>(
    _ elements: [Element], _ writeElement: (inout ATermWriter, Element) -> Void
  ) {
    text += "["
    for (index, element) in elements.enumerated() {
      if index > 0 { text += "," }
      writeElement(&self, element)
    }
    text += "]"
  }

  private mutating func writeTuple(_ fields: [String]) {
    text += "("
    for (index, field) in fields.enumerated() {
      if index > 0 { text += "," }
      writeString(field)
    }
    text += ")"
  }

  private mutating func writeString(_ value: String) {
    text += "\""
    var needsEscaping = false
    for byte in value.utf8 where Self.escape(byte) != nil {
      needsEscaping = true
      break
    }
    if !needsEscaping {
      text += value
    } else {
      var bytes: [UInt8] = []
      bytes.reserveCapacity(value.utf8.count + 8)
      for byte in value.utf8 {
        if let escaped = Self.escape(byte) {
          bytes.append(UInt8(ascii: "\\"))
          bytes.append(escaped)
        } else {
          bytes.append(byte)
        }
      }
      text += String(decoding: bytes, as: UTF8.self)
    }
    text += "\""
  }

  /// The letter after the backslash for a byte Nix escapes, or `nil` for a byte written as is.
  private static func escape(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "\""): return UInt8(ascii: "\"")
    case UInt8(ascii: "\\"): return UInt8(ascii: "\\")
    case UInt8(ascii: "\n"): return UInt8(ascii: "n")
    case UInt8(ascii: "\r"): return UInt8(ascii: "r")
    case UInt8(ascii: "\t"): return UInt8(ascii: "t")
    default: return nil
    }
  }
}
