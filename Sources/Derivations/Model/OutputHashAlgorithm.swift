/// The hash method and algorithm of a content-addressed output, as written in a `.drv` file
/// (`sha256`, `r:sha256`, `text:sha256`).
public struct OutputHashAlgorithm: Sendable, Equatable {
  /// What the hash covers.
  public enum Method: String, Sendable, Equatable {
    /// The hash of a single regular file's contents (`outputHashMode = "flat"`).
    case flat
    /// The hash of the NAR serialisation of the path (`outputHashMode = "recursive"`, prefix `r:`).
    case recursive
    /// A text file whose hash includes its references (prefix `text:`, used by `builtins.toFile`).
    case text
  }

  /// What the hash covers.
  public var method: Method
  /// The hash algorithm name: `md5`, `sha1`, `sha256` or `sha512`.
  public var algorithm: String

  /// Creates a value from its parts.
  public init(method: Method, algorithm: String) {
    self.method = method
    self.algorithm = algorithm
  }

  /// Parses the `.drv` form (`r:sha256`); `nil` for an unknown prefix or algorithm.
  public init?(parsing text: String) {
    var rest = Substring(text)
    if rest.hasPrefix("r:") {
      method = .recursive
      rest = rest.dropFirst(2)
    } else if rest.hasPrefix("text:") {
      method = .text
      rest = rest.dropFirst(5)
    } else {
      method = .flat
    }
    guard ["md5", "sha1", "sha256", "sha512"].contains(rest) else { return nil }
    algorithm = String(rest)
  }

  /// The `.drv` form, e.g. `r:sha256`.
  public var text: String {
    switch method {
    case .flat: return algorithm
    case .recursive: return "r:" + algorithm
    case .text: return "text:" + algorithm
    }
  }
}
