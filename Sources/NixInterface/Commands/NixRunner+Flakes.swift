import Derivations

extension NixRunner {
  /// `nix flake metadata --json REFERENCE`: the flake's locked reference, source path and lock
  /// information, as JSON. Writes the flake's lock file when it needs one, as `nix build` does.
  public func flakeMetadata(reference: String) async throws(NixCommandError) -> JSONValue {
    try await json(of: .nix, ["flake", "metadata", "--json", reference])
  }

  /// The system Nix builds for and names flake outputs by (`builtins.currentSystem`, the `system`
  /// setting).
  public func currentSystem() async throws(NixCommandError) -> String {
    let value = try await json(
      of: .instantiate,
      ["--eval", "--json", "--option", "pure-eval", "false", "-E", "builtins.currentSystem"])
    guard let system = value.stringValue else {
      throw NixCommandError(
        commandLine: ["nix-instantiate", "--eval", "-E", "builtins.currentSystem"],
        reason: .unexpectedOutput("not a string: \(value.serialized())"), standardErrorTail: [])
    }
    return system
  }

  /// Evaluates `expression` (called with `arguments`, `--arg`/`--argstr`, when it is a function)
  /// strictly to JSON, purely or not as asked (`pure-eval`), writing the derivations it evaluates
  /// (`drvPath`) to the store.
  public func evaluateWritingDerivations(
    expression: String, arguments: [NixArgument], pure: Bool
  ) async throws(NixCommandError) -> JSONValue {
    try await json(
      of: .instantiate,
      [
        "--eval", "--json", "--strict", "--read-write-mode", "--option", "pure-eval", pure ? "true" : "false",
        "-E", expression,
      ] + arguments.flatMap(\.commandLineArguments))
  }

  /// Has `nix eval` look up the flake installable `word` the way `nix build` does, for its error
  /// message (the attribute paths tried and its suggestions); the value itself is not printed.
  public func lookUpFlakeOutput(_ word: String, impure: Bool) async throws(NixCommandError) {
    _ = try await run(.nix, ["eval", "--json", word, "--apply", "_: null"] + (impure ? ["--impure"] : []))
  }
}
