/// How a derivation's builder arguments run the stdenv's `genericBuild`: the shapes nixpkgs'
/// `mkDerivation` has produced, as `nix-lib/lib/stdenvBuilder.nix` accepts them.
public enum StdenvBuilder: Sendable, Equatable {
  /// `-e …/default-builder.sh` (older nixpkgs) or `-e …/source-stdenv.sh …/default-builder.sh`
  /// (today's): the builder sources the setup and runs `genericBuild`.
  case defaultBuilder
  /// `-e …/source-stdenv.sh BUILDER`: a custom builder script, sourced after the setup; it must
  /// call `genericBuild` (the segment runner checks that at build time, since the script may
  /// be a derivation output that planning cannot read).
  case customBuilder(script: String)

  /// The shape of `arguments`, or `nil` when they are not a stdenv build's.
  public init?(arguments: [String]) {
    func isDefaultBuilder(_ path: String) -> Bool { path.hasSuffix("default-builder.sh") }
    guard arguments.first == "-e" else { return nil }
    if arguments.count == 2, isDefaultBuilder(arguments[1]) {
      self = .defaultBuilder
    } else if arguments.count == 3, arguments[1].hasSuffix("source-stdenv.sh") {
      self = isDefaultBuilder(arguments[2]) ? .defaultBuilder : .customBuilder(script: arguments[2])
    } else {
      return nil
    }
  }
}
