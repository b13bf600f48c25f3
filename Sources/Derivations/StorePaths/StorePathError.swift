/// A string that is not a valid store path.
public enum StorePathError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The path is not directly inside the store directory.
  case notInStore(path: String, storeDirectory: String)
  /// The path has no `-name` after a 32-character hash part.
  case missingName(path: String)
  /// The hash part is not 32 nix-base32 characters.
  case invalidHashPart(path: String, hashPart: String)
  /// The name is empty, too long, starts with `.` or has characters Nix does not allow.
  case invalidName(path: String, name: String)

  public var description: String {
    switch self {
    case .notInStore(let path, let storeDirectory):
      return "\(path) is not a store path: it is not an entry of \(storeDirectory)"
    case .missingName(let path):
      return "\(path) is not a store path: expected <32-character hash>-<name> after the store directory"
    case .invalidHashPart(let path, let hashPart):
      return "\(path) is not a store path: hash part \"\(hashPart)\" is not 32 characters of "
        + "0123456789abcdfghijklmnpqrsvwxyz"
    case .invalidName(let path, let name):
      return "\(path) is not a store path: name \"\(name)\" must be 1 to 211 characters of "
        + "A-Z a-z 0-9 + - . _ ? = and must not start with '.'"
    }
  }
}
