/// A store path: `<store directory>/<32-character nix-base32 hash part>-<name>`.
public struct StorePath: Sendable, Hashable, CustomStringConvertible {
  /// The store directory Nix uses unless configured otherwise.
  public static let defaultStoreDirectory = "/nix/store"
  /// The length of the hash part.
  public static let hashPartLength = 32
  /// The longest name Nix accepts.
  public static let maximumNameLength = 211

  /// The store directory, e.g. `/nix/store`.
  public let storeDirectory: String
  /// The 32-character nix-base32 hash part.
  public let hashPart: String
  /// The name after the hash part and dash, e.g. `hello-2.10` or `hello-2.10.drv`.
  public let name: String

  /// Creates a store path from its parts, validating them.
  public init(
    storeDirectory: String = StorePath.defaultStoreDirectory,
    hashPart: String,
    name: String
  ) throws(StorePathError) {
    let full = storeDirectory + "/" + hashPart + "-" + name
    guard hashPart.utf8.count == Self.hashPartLength, hashPart.utf8.allSatisfy(NixBase32.isDigit) else {
      throw .invalidHashPart(path: full, hashPart: hashPart)
    }
    try Self.validate(name: name, path: full)
    self.storeDirectory = storeDirectory
    self.hashPart = hashPart
    self.name = name
  }

  /// Parses a store path such as `/nix/store/…-hello-2.10`.
  ///
  /// - Throws: ``StorePathError`` when `path` is not directly inside `storeDirectory` or its hash
  ///   part or name is invalid.
  public init(parsing path: String, storeDirectory: String = StorePath.defaultStoreDirectory)
    throws(StorePathError)
  {
    let prefix = storeDirectory + "/"
    guard path.hasPrefix(prefix) else { throw .notInStore(path: path, storeDirectory: storeDirectory) }
    let baseName = path.dropFirst(prefix.count)
    guard !baseName.contains("/") else { throw .notInStore(path: path, storeDirectory: storeDirectory) }
    let utf8 = baseName.utf8
    guard utf8.count > Self.hashPartLength + 1,
      utf8[utf8.index(utf8.startIndex, offsetBy: Self.hashPartLength)] == UInt8(ascii: "-")
    else {
      throw .missingName(path: path)
    }
    let hashPart = String(baseName.prefix(Self.hashPartLength))
    let name = String(baseName.dropFirst(Self.hashPartLength + 1))
    try self.init(storeDirectory: storeDirectory, hashPart: hashPart, name: name)
  }

  /// The store path that `path` is inside of (or equal to), e.g. `/nix/store/…-bash/bin/sh` gives
  /// `/nix/store/…-bash`.
  public init(containing path: String, storeDirectory: String = StorePath.defaultStoreDirectory)
    throws(StorePathError)
  {
    let prefix = storeDirectory + "/"
    guard path.hasPrefix(prefix) else { throw .notInStore(path: path, storeDirectory: storeDirectory) }
    let rest = path.dropFirst(prefix.count)
    let baseName = rest.prefix { $0 != "/" }
    try self.init(parsing: prefix + baseName, storeDirectory: storeDirectory)
  }

  /// The name of what `path` names, for display: the store path's ``name`` when `path` parses as a
  /// store path in its own directory (`/nix/store/<hash>-hello-2.10.drv` gives `hello-2.10.drv`,
  /// whichever the store directory), else its last component (`/tmp/x` or a URL's file name).
  public static func name(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    let directory = String(path[..<slash])
    return (try? StorePath(parsing: path, storeDirectory: directory))?.name
      ?? String(path[path.index(after: slash)...])
  }

  /// The full path.
  public var path: String { storeDirectory + "/" + hashPart + "-" + name }

  /// Whether this is a derivation (`.drv`) path.
  public var isDerivation: Bool { name.hasSuffix(".drv") }

  public var description: String { path }

  /// Checks a store path name against Nix's rules: 1 to 211 characters from
  /// `A-Z a-z 0-9 + - . _ ? =`, not starting with `.`.
  public static func validate(name: String, path: String) throws(StorePathError) {
    let utf8 = name.utf8
    guard !utf8.isEmpty, utf8.count <= maximumNameLength, utf8.first != UInt8(ascii: ".") else {
      throw .invalidName(path: path, name: name)
    }
    for byte in utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
        UInt8(ascii: "_"), UInt8(ascii: "?"), UInt8(ascii: "="):
        continue
      default:
        throw .invalidName(path: path, name: name)
      }
    }
  }
}
