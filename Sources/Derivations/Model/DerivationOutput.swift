extension Derivation {
  /// One output of a derivation as the `.drv` file records it.
  public struct Output: Sendable, Equatable {
    /// The output's name, e.g. `out` or `dev`.
    public var name: String
    /// The output's store path; empty for content-addressed, impure and deferred outputs.
    public var path: String
    /// The hash algorithm with its method prefix (`sha256`, `r:sha256`, `text:sha256`); empty for
    /// input-addressed and deferred outputs.
    public var hashAlgorithm: String
    /// The expected hash in lowercase hex for fixed-output derivations, `impure` for impure
    /// outputs, empty otherwise.
    public var hash: String

    /// Creates an output record.
    public init(name: String, path: String, hashAlgorithm: String, hash: String) {
      self.name = name
      self.path = path
      self.hashAlgorithm = hashAlgorithm
      self.hash = hash
    }

    /// How this output is addressed, derived from which fields are set (the same rules Nix uses).
    /// `nil` when the combination of fields is one Nix never writes.
    public var kind: OutputKind? {
      switch (path.isEmpty, hashAlgorithm.isEmpty, hash.isEmpty) {
      case (false, true, true):
        return .inputAddressed
      case (true, true, true):
        return .deferred
      case (_, false, false) where hash == "impure":
        guard let algorithm = OutputHashAlgorithm(parsing: hashAlgorithm) else { return nil }
        return .impure(algorithm)
      case (false, false, false):
        guard let algorithm = OutputHashAlgorithm(parsing: hashAlgorithm) else { return nil }
        return .fixed(algorithm, hash: hash)
      case (true, false, true):
        guard let algorithm = OutputHashAlgorithm(parsing: hashAlgorithm) else { return nil }
        return .contentAddressedFloating(algorithm)
      default:
        return nil
      }
    }
  }
}
