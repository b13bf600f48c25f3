/// The input store paths of a derivation, for finding which of them a string mentions.
public struct InputContextIndex: Sendable, Equatable {
  private var entries: [String: StringContextEntry] = [:]

  /// An empty index.
  public init() {}

  /// Registers an input source path (`inputSrcs` of the `.drv`).
  public mutating func addSource(_ storePath: String) {
    entries[storePath] = .source(storePath)
  }

  /// Registers an output path of an input derivation.
  public mutating func addOutput(path storePath: String, derivation: String, output: String) {
    entries[storePath] = .derivationOutputs(derivation: derivation, outputs: [output])
  }

  /// The context of every registered store path that `text` mentions, in order of appearance.
  public func context(of text: String) -> [StringContextEntry] {
    let prefix = Array("/nix/store/".utf8)
    let bytes = Array(text.utf8)
    var found: [StringContextEntry] = []
    var index = 0
    while index + prefix.count <= bytes.count {
      guard bytes[index..<index + prefix.count].elementsEqual(prefix) else {
        index += 1
        continue
      }
      var end = index + prefix.count
      while end < bytes.count, Self.isStorePathByte(bytes[end]) { end += 1 }
      let path = String(decoding: bytes[index..<end], as: UTF8.self)
      if let entry = entries[path], !found.contains(entry) { found.append(entry) }
      index = end
    }
    return found
  }

  /// Characters of a store path's name part (`[a-zA-Z0-9+\-._?=]`).
  private static func isStorePathByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"):
      true
    case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "?"),
      UInt8(ascii: "="):
      true
    default: false
    }
  }

  /// `text` as a Nix string value with the context of the inputs it mentions.
  public func string(_ text: String) -> NixValue {
    .string(text, context: context(of: text))
  }
}
