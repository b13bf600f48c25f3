/// How build progress is shown.
public enum ProgressDisplayMode: Sendable, Equatable {
  /// Redraw the build graph in place (a terminal), with colour unless `NO_COLOR` is set.
  case live(colour: Bool)
  /// Timestamped plain lines at each change, and a heartbeat during long builds (a pipe,
  /// `TERM=dumb`).
  case plain
  /// Nothing (`--json` output).
  case quiet

  /// The mode for an output stream: live on a terminal with a `TERM` other than `dumb`, in colour
  /// unless `NO_COLOR` is set to a non-empty value (no-color.org: it removes colour only).
  public static func choose(isTerminal: Bool, environment: [String: String]) -> ProgressDisplayMode {
    guard isTerminal, let term = environment["TERM"], !term.isEmpty, term != "dumb" else { return .plain }
    return .live(colour: (environment["NO_COLOR"] ?? "").isEmpty)
  }
}
