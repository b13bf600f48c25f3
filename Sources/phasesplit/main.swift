import PhasesplitCommands

await Phasesplit.runFromCommandLine()
