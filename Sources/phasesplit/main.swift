import ArgumentParser
import PhasesplitCommands

/// Runs the asynchronous root command through `AsyncParsableCommand.main()`; a plain
/// `Phasesplit.main()` here resolves to the synchronous overload, which refuses async commands.
func runAsyncRoot<Root: AsyncParsableCommand>(_ root: Root.Type) async {
  await root.main(nil)
}

await runAsyncRoot(Phasesplit.self)
