extension InstallableSpec {
  /// The same installable with each of `replacements` in place of the arguments of the same name
  /// (`--arg` or `--argstr`), added when there was none; a store path has no arguments and is
  /// returned unchanged. `phasesplit explain --against-arg` names the older build this way.
  public func replacingArguments(_ replacements: [NixArgument]) -> InstallableSpec {
    guard case .file(let file, let attribute, let arguments) = self else { return self }
    let replaced = Set(replacements.map(\.name))
    return .file(
      file, attribute: attribute, arguments: arguments.filter { !replaced.contains($0.name) } + replacements)
  }
}
