import ArgumentParser

/// The `phasesplit` root command. Subcommands live one per file in this module and hold no
/// logic of their own: they parse, call the library, and print.
public struct Phasesplit: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "phasesplit",
    abstract: "Split a Nix stdenv build into a chain of cached segment derivations.",
    version: "0.1.0",
    groupedSubcommands: [
      CommandGroup(
        name: "Packaging",
        subcommands: [
          BuildCommand.self, AnalyzeCommand.self, WrapCommand.self, EnterCommand.self, ExplainCommand.self,
          ShowDerivationCommand.self,
        ]),
      CommandGroup(
        name: "Inside segment builds",
        subcommands: [
          PackCommand.self, UnpackCommand.self, RestoreCommand.self, ListCommand.self, RelocateCommand.self,
          ScanStandInsCommand.self,
          SyncSourceCommand.self,
        ]),
    ]
  )

  public init() {}
}
