/// A `nix.conf` line that is not `name = value`.
public struct NixSettingsError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Where the configuration came from.
  public var origin: String
  /// The one-based line number.
  public var line: Int
  /// The offending line.
  public var text: String

  /// Creates an error.
  public init(origin: String, line: Int, text: String) {
    self.origin = origin
    self.line = line
    self.text = text
  }

  public var description: String {
    "\(origin):\(line): expected 'name = value', found \"\(text)\""
  }
}
