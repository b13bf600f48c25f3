// Derivations module. See Package.swift for the layering.
