import Basics

extension Derivation {
  /// Parses the ATerm text of a `.drv` file.
  ///
  /// - Parameters:
  ///   - text: The file's contents.
  ///   - origin: Where the text came from (usually the path), used in error messages.
  /// - Throws: ``DerivationParseError`` naming `origin`, the byte offset and what was expected.
  public init(parsing text: String, origin: String) throws(DerivationParseError) {
    var text = text
    let result = text.withUTF8 { buffer in
      Result { () throws(DerivationParseError) in try Derivation(parsingBytes: buffer, origin: origin) }
    }
    self = try result.get()
  }

  /// Parses the ATerm bytes of a `.drv` file (see ``init(parsing:origin:)``).
  public init(parsingBytes bytes: UnsafeBufferPointer<UInt8>, origin: String) throws(DerivationParseError) {
    var reader = ATermReader(bytes: bytes, origin: origin)
    self = try reader.readDerivation()
  }

  /// Reads and parses the `.drv` file at `path`.
  ///
  /// - Throws: ``FileReadError`` when the file cannot be read, ``DerivationParseError`` when it is
  ///   not a derivation.
  public static func read(path: String) throws -> Derivation {
    let bytes = try FileContents.read(path: path)
    return try bytes.withUnsafeBufferPointer { (buffer) throws(DerivationParseError) in
      try Derivation(parsingBytes: buffer, origin: path)
    }
  }

  /// The derivation in Nix's ATerm format, exactly as Nix writes `.drv` files.
  public func serialized() -> String {
    var writer = ATermWriter()
    writer.write(self)
    return writer.text
  }
}
