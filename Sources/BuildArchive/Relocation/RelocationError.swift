import Basics

/// An error from `StorePathRelocator`.
public enum RelocationError: Error, Equatable, CustomStringConvertible {
  /// A `FROM=TO` argument is not of that form.
  case malformedPair(String)
  /// A path is not `<store>/<32-character hash>-<name>`.
  case notAStorePath(path: String, storeDirectory: String)
  /// FROM and TO differ in length, so binaries referring to FROM cannot be patched in place.
  case unequalLength(from: String, to: String)
  /// TO already exists.
  case destinationExists(String)
  /// A file system operation failed.
  case cannotRewrite(path: String, operation: String, errno: Int32)

  public var description: String {
    switch self {
    case .malformedPair(let text):
      return "'\(text)' is not FROM=TO; pass --store-path /nix/store/<hash>-name=/nix/store/<hash>-name"
    case .notAStorePath(let path, let storeDirectory):
      return "'\(path)' is not a store path of the form \(storeDirectory)/<32-character hash>-<name>"
    case .unequalLength(let from, let to):
      return "'\(from)' and '\(to)' differ in length (\(from.utf8.count) vs \(to.utf8.count) bytes); "
        + "relocation rewrites paths in place and needs equal lengths — use stand-ins of the real path's length"
    case .destinationExists(let path):
      return "cannot move to '\(path)': it already exists; remove it or choose another destination"
    case .cannotRewrite(let path, let operation, let code):
      return "cannot \(operation) '\(path)': \(SystemErrorText.describe(code))"
    }
  }
}
