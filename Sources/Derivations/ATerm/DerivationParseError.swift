/// A `.drv` file that is not a well-formed derivation in Nix's ATerm format.
///
/// The description names the file, the byte offset of the problem and what the reader expected,
/// e.g. `/nix/store/…-hello.drv: byte 112: expected ',' or ']' after a list element, found 'x'`.
public struct DerivationParseError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Where the text came from (a path, or a description such as `<stdin>`).
  public var origin: String
  /// The zero-based byte offset in the text where the problem was found.
  public var offset: Int
  /// What was wrong, e.g. `expected '(' to open an output, found '"'`.
  public var problem: String

  /// Creates an error.
  public init(origin: String, offset: Int, problem: String) {
    self.origin = origin
    self.offset = offset
    self.problem = problem
  }

  public var description: String {
    "\(origin): byte \(offset): \(problem). The file is not a valid Nix derivation; "
      + "re-create it with nix-instantiate, or check that the right file was given."
  }
}
