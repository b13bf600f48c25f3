import ArgumentParser

extension Phasesplit {
  /// Parses the process arguments and runs the chosen subcommand, exiting on error.
  ///
  /// `Phasesplit.main()` called from the executable's top-level code resolves to the synchronous
  /// `ParsableCommand.main()`, which refuses an async root command; this goes through the async API.
  public static func runFromCommandLine() async {
    do {
      var command = try await asyncParseAsRoot()
      if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch {
      exit(withError: error)
    }
  }
}
