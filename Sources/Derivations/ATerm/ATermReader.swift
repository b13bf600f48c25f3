/// Reads the ATerm text of a `.drv` file:
/// `Derive([outputs],[inputDrvs],[inputSrcs],"system","builder",[args],[env])`.
///
/// Works directly on UTF-8 bytes; strings without escapes are decoded straight from the input.
/// Only the escapes Nix writes (`\"`, `\\`, `\n`, `\r`, `\t`) are accepted, so every accepted
/// file serialises back to the same bytes.
struct ATermReader: ~Copyable {
  private let bytes: UnsafeBufferPointer<UInt8>
  private let origin: String
  private var position = 0
  /// Scratch buffer for strings with escapes, reused between strings.
  private var scratch: [UInt8] = []

  init(bytes: UnsafeBufferPointer<UInt8>, origin: String) {
    self.bytes = bytes
    self.origin = origin
  }

  /// Reads a whole derivation and checks that nothing follows it.
  mutating func readDerivation() throws(DerivationParseError) -> Derivation {
    try expectKeyword("Derive(")
    let outputs = try readOutputs()
    try expect(UInt8(ascii: ","), "',' after the outputs")
    let inputDerivations = try readList(of: "input derivation") { (reader) throws(DerivationParseError) in
      try reader.readInputDerivation()
    }
    try expect(UInt8(ascii: ","), "',' after the input derivations")
    let inputSources = try readStringList("input source")
    try expect(UInt8(ascii: ","), "',' after the input sources")
    let system = try readString()
    try expect(UInt8(ascii: ","), "',' after the system")
    let builder = try readString()
    try expect(UInt8(ascii: ","), "',' after the builder")
    let arguments = try readStringList("argument")
    try expect(UInt8(ascii: ","), "',' after the arguments")
    let environmentStart = position
    let environment = try readList(of: "environment variable") { (reader) throws(DerivationParseError) in
      try reader.readEnvironmentVariable()
    }
    try expect(UInt8(ascii: ")"), "')' to close Derive(")
    if position < bytes.count {
      throw error("expected the end of the file after the derivation, found \(describeCurrent())")
    }
    let derivation = Derivation(
      outputs: outputs,
      inputDerivations: inputDerivations,
      inputSources: inputSources,
      system: system,
      builder: builder,
      arguments: arguments,
      environment: environment
    )
    if let json = derivation.environmentValue("__json"), derivation.structuredAttributes == nil {
      do {
        _ = try JSONValue(parsing: json)
      } catch {
        throw DerivationParseError(
          origin: origin,
          offset: environmentStart,
          problem: "the __json variable (structured attributes) is not valid JSON: \(error)"
        )
      }
    }
    return derivation
  }

  // MARK: - Derivation parts

  private mutating func readOutputs() throws(DerivationParseError) -> [Derivation.Output] {
    let start = position
    let outputs = try readList(of: "output") { (reader) throws(DerivationParseError) in
      try reader.readOutput()
    }
    if outputs.isEmpty {
      throw DerivationParseError(
        origin: origin, offset: start, problem: "a derivation needs at least one output")
    }
    return outputs
  }

  private mutating func readOutput() throws(DerivationParseError) -> Derivation.Output {
    let start = position
    try expect(UInt8(ascii: "("), "'(' to open an output")
    let name = try readString()
    try expect(UInt8(ascii: ","), "',' after the output name")
    let path = try readString()
    try expect(UInt8(ascii: ","), "',' after the output path")
    let hashAlgorithm = try readString()
    try expect(UInt8(ascii: ","), "',' after the output hash algorithm")
    let hash = try readString()
    try expect(UInt8(ascii: ")"), "')' to close the output")
    let output = Derivation.Output(name: name, path: path, hashAlgorithm: hashAlgorithm, hash: hash)
    if output.kind == nil {
      throw DerivationParseError(
        origin: origin,
        offset: start,
        problem: "output \"\(name)\" has an unsupported combination of path \"\(path)\", "
          + "hash algorithm \"\(hashAlgorithm)\" and hash \"\(hash)\""
      )
    }
    return output
  }

  private mutating func readInputDerivation() throws(DerivationParseError) -> Derivation.InputDerivation {
    try expect(UInt8(ascii: "("), "'(' to open an input derivation")
    let path = try readString()
    try expect(UInt8(ascii: ","), "',' after the input derivation path")
    let outputs = try readStringList("output name")
    try expect(UInt8(ascii: ")"), "')' to close the input derivation")
    return Derivation.InputDerivation(path: path, outputs: outputs)
  }

  private mutating func readEnvironmentVariable() throws(DerivationParseError)
    -> Derivation.EnvironmentVariable
  {
    try expect(UInt8(ascii: "("), "'(' to open an environment variable")
    let name = try readString()
    try expect(UInt8(ascii: ","), "',' after the variable name")
    let value = try readString()
    try expect(UInt8(ascii: ")"), "')' to close the environment variable")
    return Derivation.EnvironmentVariable(name: name, value: value)
  }

  // MARK: - Lists and strings

  private mutating func readStringList(_ element: String) throws(DerivationParseError) -> [String] {
    try readList(of: element) { (reader) throws(DerivationParseError) in try reader.readString() }
  }

  private mutating func readList<Element>(
    of element: String,
    _ readElement: (inout ATermReader) throws(DerivationParseError) -> Element
  ) throws(DerivationParseError) -> [Element] {
    try expect(UInt8(ascii: "["), "'[' to open the list of \(element)s")
    var elements: [Element] = []
    if peek() == UInt8(ascii: "]") {
      position += 1
      return elements
    }
    while true {
      elements.append(try readElement(&self))
      guard let byte = peek() else {
        throw error("expected ',' or ']' after a list element, found the end of the file")
      }
      position += 1
      if byte == UInt8(ascii: "]") { return elements }
      if byte != UInt8(ascii: ",") {
        position -= 1
        throw error("expected ',' or ']' after \(element), found \(describeCurrent())")
      }
    }
  }

  /// Reads a quoted string, decoding the escapes Nix writes.
  private mutating func readString() throws(DerivationParseError) -> String {
    try expect(UInt8(ascii: "\""), "'\"' to open a string")
    let start = position
    // Fast path: no escapes.
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        let text = try decodeUTF8(UnsafeBufferPointer(rebasing: bytes[start..<position]), at: start)
        position += 1
        return text
      }
      if byte == UInt8(ascii: "\\") { break }
      position += 1
    }
    scratch.removeAll(keepingCapacity: true)
    scratch.append(contentsOf: bytes[start..<position])
    while position < bytes.count {
      let byte = bytes[position]
      switch byte {
      case UInt8(ascii: "\""):
        let text = try scratch.withUnsafeBufferPointer { (buffer) throws(DerivationParseError) in
          try decodeUTF8(buffer, at: start)
        }
        position += 1
        return text
      case UInt8(ascii: "\\"):
        guard position + 1 < bytes.count else { break }
        let escaped = bytes[position + 1]
        switch escaped {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): scratch.append(escaped)
        case UInt8(ascii: "n"): scratch.append(UInt8(ascii: "\n"))
        case UInt8(ascii: "r"): scratch.append(UInt8(ascii: "\r"))
        case UInt8(ascii: "t"): scratch.append(UInt8(ascii: "\t"))
        default:
          throw error(
            "invalid escape '\\\(Self.describe(byte: escaped))' in a string; only \\\" \\\\ \\n \\r \\t are valid"
          )
        }
        position += 2
        continue
      default:
        // Copy the run of ordinary bytes up to the next quote or backslash in one step.
        let runStart = position
        position += 1
        while position < bytes.count, bytes[position] != UInt8(ascii: "\""),
          bytes[position] != UInt8(ascii: "\\")
        {
          position += 1
        }
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
        continue
      }
      position += 1
    }
    throw DerivationParseError(
      origin: origin,
      offset: start - 1,
      problem: "unterminated string: expected a closing '\"' before the end of the file"
    )
  }

  private func decodeUTF8(_ buffer: UnsafeBufferPointer<UInt8>, at start: Int) throws(DerivationParseError)
    -> String
  {
    guard let text = String(validating: buffer, as: UTF8.self) else {
      throw DerivationParseError(origin: origin, offset: start, problem: "string is not valid UTF-8")
    }
    return text
  }

  // MARK: - Tokens

  private func peek() -> UInt8? {
    position < bytes.count ? bytes[position] : nil
  }

  private mutating func expect(_ byte: UInt8, _ what: String) throws(DerivationParseError) {
    guard position < bytes.count, bytes[position] == byte else {
      throw error("expected \(what), found \(describeCurrent())")
    }
    position += 1
  }

  private mutating func expectKeyword(_ keyword: StaticString) throws(DerivationParseError) {
    let count = keyword.utf8CodeUnitCount
    let matches = keyword.withUTF8Buffer { expected in
      bytes.count - position >= count && bytes[position..<position + count].elementsEqual(expected)
    }
    guard matches else {
      throw error("expected '\(keyword)' at the start of a derivation, found \(describeCurrent())")
    }
    position += count
  }

  private func describeCurrent() -> String {
    guard position < bytes.count else { return "the end of the file" }
    return "'\(Self.describe(byte: bytes[position]))'"
  }

  private static func describe(byte: UInt8) -> String {
    switch byte {
    case 0x20..<0x7F: return String(UnicodeScalar(byte))
    default: return "\\x" + String(byte, radix: 16, uppercase: false)
    }
  }

  private func error(_ problem: String) -> DerivationParseError {
    DerivationParseError(origin: origin, offset: position, problem: problem)
  }
}
