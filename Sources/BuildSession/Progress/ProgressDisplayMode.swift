/// How build progress is shown.
public enum ProgressDisplayMode: Sendable, Equatable {
  /// Redraw the segment lines in place with ANSI escapes (a terminal).
  case live
  /// One plain line per state change (a pipe, `NO_COLOR`, `TERM=dumb`).
  case plain
  /// Nothing (`--json` output).
  case quiet

  /// The mode for an output stream: live only on a terminal without `NO_COLOR` and with a `TERM`
  /// other than `dumb`.
  public static func choose(isTerminal: Bool, environment: [String: String]) -> ProgressDisplayMode {
    guard isTerminal else { return .plain }
    if environment["NO_COLOR"] != nil { return .plain }
    guard let term = environment["TERM"], !term.isEmpty, term != "dumb" else { return .plain }
    return .live
  }
}
