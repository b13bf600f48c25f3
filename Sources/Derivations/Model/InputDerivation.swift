extension Derivation {
  /// A derivation this derivation depends on, with the outputs of it that the build uses.
  public struct InputDerivation: Sendable, Equatable {
    /// The store path of the input's `.drv` file.
    public var path: String
    /// The names of the input's outputs the build uses, sorted as Nix writes them.
    public var outputs: [String]

    /// Creates an input record.
    public init(path: String, outputs: [String]) {
      self.path = path
      self.outputs = outputs
    }
  }
}
