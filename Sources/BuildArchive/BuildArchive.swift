// BuildArchive module. See Package.swift for the layering.
