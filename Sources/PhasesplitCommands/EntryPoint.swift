import ArgumentParser
import Foundation

extension Phasesplit {
  /// Parses the process arguments and runs the chosen subcommand, exiting on error.
  ///
  /// `Phasesplit.main()` called from the executable's top-level code resolves to the synchronous
  /// `ParsableCommand.main()`, which refuses an async root command; this goes through the async API.
  public static func runFromCommandLine() async {
    let command: any ParsableCommand
    do {
      command = try await asyncParseAsRoot(TwoWordOptions.joined(Array(CommandLine.arguments.dropFirst())))
    } catch {
      exit(withError: error)
    }
    do {
      var command = command
      if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch let error as ValidationError {
      // Options checked in run() (see InstallableOptions): reported as the parser reports them.
      let name = type(of: command).configuration.commandName ?? ""
      FileHandle.standardError.write(
        Data("Error: \(error.message)\n  See 'phasesplit \(name) --help' for more information.\n".utf8))
      exit(withError: ExitCode.validationFailure)
    } catch {
      exit(withError: error)
    }
  }

  /// Parses `arguments` (without the program name) as the command line does, with nix-build's
  /// two-word options (`--argstr NAME VALUE`) taken whatever their words look like.
  static func parse(commandLine arguments: [String]) throws -> any ParsableCommand {
    try parseAsRoot(TwoWordOptions.joined(arguments))
  }
}
