import ArgumentParser

@testable import PhasesplitCommands

/// Parses command lines as `phasesplit` does, in process (no Nix runs).
enum CommandLineParsing {
  /// `words` parsed as the command line, as `Command`.
  static func parse<Command: ParsableCommand>(_ words: [String], as: Command.Type = Command.self) throws
    -> Command
  {
    let parsed = try Phasesplit.parse(commandLine: words)
    guard let command = parsed as? Command else { throw WrongCommand(parsed: type(of: parsed)) }
    return command
  }

  /// The message phasesplit prints for `words`: the parser's, or the one of the error `check`
  /// throws for the parsed command (the options checked in `run()`); empty when there is none.
  static func message(_ words: [String], check: (any ParsableCommand) throws -> Void = { _ in }) -> String {
    do {
      try check(try Phasesplit.parse(commandLine: words))
      return ""
    } catch {
      return Phasesplit.message(for: error)
    }
  }

  /// The words parsed as another command than the test expected.
  struct WrongCommand: Error, CustomStringConvertible {
    var parsed: any ParsableCommand.Type
    var description: String { "parsed as \(parsed)" }
  }
}
