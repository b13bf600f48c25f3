import NixEmission

extension BuildSession {
  /// The final segment `.drv` of `package`: a split package's final segment as it is, any other
  /// package split on the fly (wrapped and instantiated, the segments running this executable;
  /// see ``PackageSplitter/forCurrentExecutable(runner:)``).
  public func finalSegmentDerivation(of package: SplitPackageRequest) async throws -> String {
    try await PackageSplitter.forCurrentExecutable(runner: runner).finalSegmentDerivation(of: package)
  }
}
