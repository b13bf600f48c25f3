/// Errors of the packaging commands (`analyze`, `wrap`) that are not errors of a library.
enum PackagingCommandError: Error, CustomStringConvertible {
  /// The installable names several derivations; the commands work on one.
  case severalDerivations([String])
  /// The derivation cannot be split.
  case notSplittable(packageName: String, reason: String)
  /// A file could not be written.
  case cannotWrite(path: String, detail: String)
  /// The Nix library's segment names did not come back as a list of strings.
  case unexpectedSegmentNames(String)

  var description: String {
    switch self {
    case .severalDerivations(let paths):
      "the installable names \(paths.count) derivations (\(paths.joined(separator: ", "))); "
        + "name one with -A ATTR or a single .drv path"
    case .notSplittable(let packageName, let reason):
      "cannot split \(packageName): \(reason)"
    case .cannotWrite(let path, let detail):
      "cannot write \(path): \(detail); choose another -o path"
    case .unexpectedSegmentNames(let text):
      "the written file's passthru.segmentNames is not a list of strings (\(text)); is nix-lib up to date?"
    }
  }
}
