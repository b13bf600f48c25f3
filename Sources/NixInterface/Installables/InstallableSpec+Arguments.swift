extension InstallableSpec {
  /// The same installable with each of `replacements` in place of the arguments of the same name
  /// (`--arg` or `--argstr`), added when there was none; a store path or flake has no arguments
  /// and is returned unchanged. `phasesplit explain --against-arg` names the older build this way.
  public func replacingArguments(_ replacements: [NixArgument]) -> InstallableSpec {
    let replaced = Set(replacements.map(\.name))
    switch self {
    case .file(let file, let attribute, let arguments):
      return .file(
        file, attribute: attribute, arguments: arguments.filter { !replaced.contains($0.name) } + replacements
      )
    case .expression(let text, let attribute, let arguments, let impure):
      return .expression(
        text, attribute: attribute,
        arguments: arguments.filter { !replaced.contains($0.name) } + replacements,
        impure: impure)
    case .path, .flake:
      return self
    }
  }

  /// Whether the installable takes `--arg`/`--argstr` arguments (a Nix file or expression).
  public var takesArguments: Bool {
    switch self {
    case .file, .expression: true
    case .path, .flake: false
    }
  }
}
