import PhasesplitCommands

await Phasesplit.main()
