/// One `FROM=TO` relocation: two store paths of equal length.
public struct StorePathMove: Equatable, Sendable {
  /// Length of a store path's hash part.
  public static let hashLength = 32

  /// The path to move away from.
  public let from: RawPath
  /// The path to move to.
  public let to: RawPath

  /// Validates a move between store paths under `storeDirectory` (e.g. `/nix/store`).
  public init(from: RawPath, to: RawPath, storeDirectory: String = "/nix/store") throws {
    guard from.bytes.count == to.bytes.count else {
      throw RelocationError.unequalLength(from: from.description, to: to.description)
    }
    for path in [from, to] {
      guard Self.hashPart(of: path, storeDirectory: storeDirectory) != nil else {
        throw RelocationError.notAStorePath(path: path.description, storeDirectory: storeDirectory)
      }
    }
    self.from = from
    self.to = to
  }

  /// Parses `FROM=TO`.
  public init(pair: String, storeDirectory: String = "/nix/store") throws {
    let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
    guard parts.count == 2 else { throw RelocationError.malformedPair(pair) }
    try self.init(from: RawPath(parts[0]), to: RawPath(parts[1]), storeDirectory: storeDirectory)
  }

  /// The 32 hash bytes of FROM.
  var fromHash: [UInt8] { Self.hashPart(of: from, storeDirectory: nil)! }
  /// The 32 hash bytes of TO.
  var toHash: [UInt8] { Self.hashPart(of: to, storeDirectory: nil)! }

  /// `-NAME`: the bytes of FROM after its hash part.
  var fromNameAnchor: [UInt8] {
    let slash = from.bytes.lastIndex(of: UInt8(ascii: "/"))!
    return Array(from.bytes[(slash + 1 + Self.hashLength)...])
  }

  /// The hash part of `<storeDirectory>/<hash>-<name>`, or nil if `path` has another form.
  static func hashPart(of path: RawPath, storeDirectory: String?) -> [UInt8]? {
    guard let slash = path.bytes.lastIndex(of: UInt8(ascii: "/")) else { return nil }
    if let storeDirectory {
      guard Array(path.bytes[..<slash]) == Array(storeDirectory.utf8) else { return nil }
    }
    let name = path.bytes[(slash + 1)...]
    guard name.count > hashLength + 1, name[name.startIndex + hashLength] == UInt8(ascii: "-") else {
      return nil
    }
    let hash = Array(name.prefix(hashLength))
    let alphabet = Set("0123456789abcdfghijklmnpqrsvwxyz".utf8)
    guard hash.allSatisfy({ alphabet.contains($0) }) else { return nil }
    return hash
  }
}
