extension Derivation {
  /// One variable of a derivation's build environment.
  public struct EnvironmentVariable: Sendable, Equatable {
    /// The variable's name.
    public var name: String
    /// The variable's value.
    public var value: String

    /// Creates a variable.
    public init(name: String, value: String) {
      self.name = name
      self.value = value
    }
  }
}
