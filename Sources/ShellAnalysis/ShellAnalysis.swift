// ShellAnalysis module. See Package.swift for the layering.
