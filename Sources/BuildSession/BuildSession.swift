// BuildSession module. See Package.swift for the layering.
