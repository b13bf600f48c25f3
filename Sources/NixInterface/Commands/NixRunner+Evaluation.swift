import Derivations

extension NixRunner {
  /// Instantiates the derivations a Nix file (or one attribute of it) evaluates to, writing their
  /// `.drv` files to the store.
  ///
  /// - Parameters:
  ///   - file: The Nix file.
  ///   - attribute: An attribute path (`-A`), or `nil` for the whole file.
  ///   - arguments: Arguments for the function the file evaluates to.
  /// - Returns: The `.drv` paths, in Nix's order (an output selector like `!dev` is dropped).
  public func instantiate(
    file: String,
    attribute: String? = nil,
    arguments: [NixArgument] = []
  ) async throws(NixCommandError) -> [String] {
    var commandArguments = [file]
    if let attribute { commandArguments += ["-A", attribute] }
    for argument in arguments { commandArguments += argument.commandLineArguments }
    let result = try await run(.instantiate, commandArguments)
    return try derivationPaths(in: result)
  }

  /// Instantiates the derivations a Nix expression evaluates to (`nix-instantiate -E`).
  public func instantiate(expression: String) async throws(NixCommandError) -> [String] {
    let result = try await run(.instantiate, ["-E", expression])
    return try derivationPaths(in: result)
  }

  /// Instantiates the derivations a Nix expression given by the user (or one attribute of it)
  /// evaluates to, purely (`pure-eval`, as `nix build --expr`) unless `pure` is false. Relative
  /// paths in the expression are read relative to the working directory.
  public func instantiate(
    expression: String, attribute: String?, arguments: [NixArgument], pure: Bool
  ) async throws(NixCommandError) -> [String] {
    var commandArguments = ["--option", "pure-eval", pure ? "true" : "false", "-E", expression]
    if let attribute { commandArguments += ["-A", attribute] }
    for argument in arguments { commandArguments += argument.commandLineArguments }
    let result = try await run(.instantiate, commandArguments)
    return try derivationPaths(in: result)
  }

  /// Evaluates a Nix expression strictly and returns its JSON value
  /// (`nix-instantiate --eval --json --strict -E EXPRESSION`).
  public func evaluate(expression: String) async throws(NixCommandError) -> JSONValue {
    try await json(of: .instantiate, ["--eval", "--json", "--strict", "-E", expression])
  }

  /// Runs a Nix command whose standard output is JSON, and parses it.
  func json(of tool: NixTool, _ arguments: [String]) async throws(NixCommandError) -> JSONValue {
    let result = try await run(tool, arguments)
    do {
      return try JSONValue(parsing: result.standardOutput)
    } catch {
      throw NixCommandError(
        commandLine: result.commandLine,
        reason: .unexpectedOutput("not JSON (\(error))"),
        standardErrorTail: NixRunner.tail(of: result.standardError)
      )
    }
  }

  private func derivationPaths(in result: NixCommandResult) throws(NixCommandError) -> [String] {
    var paths: [String] = []
    for line in result.outputLines {
      let path = String(line.prefix { $0 != "!" })
      guard path.hasSuffix(".drv") else {
        throw NixCommandError(
          commandLine: result.commandLine,
          reason: .unexpectedOutput("expected .drv paths, got \"\(line)\""),
          standardErrorTail: NixRunner.tail(of: result.standardError)
        )
      }
      if !paths.contains(path) { paths.append(path) }
    }
    return paths
  }
}
