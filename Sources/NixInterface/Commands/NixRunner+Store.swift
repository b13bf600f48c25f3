extension NixRunner {
  /// The `.drv` path that built `outputPath`, or `nil` when the store does not know it (paths added
  /// with `nix-store --add`, or outputs whose deriver was garbage-collected).
  ///
  /// - Throws: ``NixCommandError`` when `outputPath` is not a valid path in the store.
  public func queryDeriver(of outputPath: String) async throws(NixCommandError) -> String? {
    let result = try await run(.store, ["--query", "--deriver", outputPath])
    guard let line = result.outputLines.first, line != "unknown-deriver" else { return nil }
    return line
  }

  /// Makes the symlink `link` to the valid store path `storePath` an indirect garbage-collector
  /// root (`nix-store --realise PATH --add-root LINK`), replacing what `link` was.
  public func addRoot(_ storePath: String, link: String) async throws(NixCommandError) {
    _ = try await run(.store, ["--realise", storePath, "--add-root", link])
  }

  /// Copies a file or directory into the store (`nix-store --add`) and returns its store path.
  public func addToStore(path: String) async throws(NixCommandError) -> String {
    let result = try await run(.store, ["--add", path])
    guard let storePath = result.outputLines.last else {
      throw NixCommandError(
        commandLine: result.commandLine,
        reason: .unexpectedOutput("no store path printed"),
        standardErrorTail: NixRunner.tail(of: result.standardError)
      )
    }
    return storePath
  }

  /// Which derivations building `derivationPaths` would build and which paths it would fetch,
  /// without building (`nix-store --realise --dry-run`).
  public func dryRun(_ derivationPaths: [String]) async throws(NixCommandError) -> DryRunReport {
    let result = try await run(.store, ["--realise", "--dry-run"] + derivationPaths)
    return DryRunReport(parsingDryRunOutput: result.standardError)
  }

  /// Builds `derivationPaths` with `nix-build` and returns the output paths it prints.
  ///
  /// - Parameters:
  ///   - derivationPaths: `.drv` paths (optionally with `!output` selectors).
  ///   - options: Out-link, keep-going and extra arguments (e.g. `--log-format internal-json`).
  ///   - standardErrorLine: Receives each line of the build log as it arrives.
  public func realise(
    _ derivationPaths: [String],
    options: NixBuildOptions = NixBuildOptions(),
    standardErrorLine: @escaping @Sendable (String) -> Void = { _ in }
  ) async throws(NixCommandError) -> [String] {
    let result = try await runStreaming(
      .build,
      options.commandLineArguments + derivationPaths,
      standardErrorLine: standardErrorLine
    )
    return result.outputLines
  }
}

extension NixRunner {
  /// The closure of `paths` (`nix-store --query --requisites`): every store path they depend on,
  /// themselves included. For `.drv` paths that is every derivation and source of the build graph.
  public func queryRequisites(of paths: [String]) async throws(NixCommandError) -> [String] {
    try await run(.store, ["--query", "--requisites"] + paths).outputLines
  }
}
