/// What a bash snippet (a phase, a hook, a custom phase) does with shell state, as far as static
/// analysis can tell. Sets are conservative: when in doubt a variable is listed, and what cannot be
/// known is listed in ``uncertainties``.
///
/// Conventions:
/// - Only shell variable names are listed (no positional or special parameters such as `$1`, `$@`).
/// - Code inside function bodies, subshells and command substitutions counts as if it ran.
/// - `x+=…`, `x[i]=…`, and `export x`/`readonly x`/`declare x`/`typeset x` without a value both read
///   and write `x`: the old value survives into the new one (`local x` only writes).
/// - stdenv conventions: `runHook NAME` (and `runOneHook`) reads `NAME` and `${NAME%Hook}Hooks`;
///   `substitute`/`substituteInPlace … --subst-var NAME` reads `NAME`; `substituteAll` is uncertain.
/// - Bare names in arithmetic (`$((…))`, `((…))`, `let`, array subscripts, substring offsets) are reads.
public struct ScriptAnalysis: Sendable, Equatable {
  /// Variables read.
  public var reads: Set<String>
  /// Variables assigned, appended to, exported, declared, unset, or read into.
  public var writes: Set<String>
  /// Functions the script defines.
  public var functionsDefined: Set<String>
  /// First words of the simple commands the script runs (e.g. `runHook`, `substituteInPlace`, `cd`).
  public var commandsCalled: Set<String>
  /// Whether `cd`, `pushd` or `popd` runs in the script's own shell (outside subshells and command
  /// substitutions), so the working directory after the script may differ.
  public var changesDirectory: Bool
  /// Output variables (from the analyser's output names) that the script reads, directly or through
  /// the stdenv `${!outputBin}`-style indirections (which count as using every output).
  public var outputsUsed: Set<String>
  /// Whether the script reads `$src` or `$srcs`.
  public var readsSource: Bool
  /// Constructs that defeat analysis, in source order.
  public var uncertainties: [Uncertainty]

  /// Whether the analysis is complete (no uncertainty).
  public var isCertain: Bool { uncertainties.isEmpty }

  /// Creates an analysis.
  public init(
    reads: Set<String> = [], writes: Set<String> = [], functionsDefined: Set<String> = [],
    commandsCalled: Set<String> = [], changesDirectory: Bool = false, outputsUsed: Set<String> = [],
    readsSource: Bool = false, uncertainties: [Uncertainty] = []
  ) {
    self.reads = reads
    self.writes = writes
    self.functionsDefined = functionsDefined
    self.commandsCalled = commandsCalled
    self.changesDirectory = changesDirectory
    self.outputsUsed = outputsUsed
    self.readsSource = readsSource
    self.uncertainties = uncertainties
  }
}
