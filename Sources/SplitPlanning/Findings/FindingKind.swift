/// The kinds of things the planner points out about a split. The raw values are part of the
/// `analyze --json` schema (docs/analyze-json.md).
public enum FindingKind: String, Sendable, Codable, CaseIterable {
  /// A phase before the final segment uses an output variable (`$out`, `${!outputBin}`…); it
  /// sees the output's stand-in path, which the final segment relocates.
  case outputUsedBeforeFinal
  /// A phase after the first segment reads `$src`/`$srcs`; the source stays an input of that
  /// segment.
  case sourceReadAfterFirstSegment
  /// A script of an earlier segment changes directory; the runner carries the cwd.
  case directoryChanged
  /// A variable set (or a function defined) by a script of an earlier segment is read (called)
  /// by a later segment's script; the runner carries it in `state.sh`.
  case stateCarried
  /// A script cannot be analysed with certainty (eval, source, indirect expansion, parse error).
  case uncertainScript
  /// An attribute outside the shared table is carried from the first segment (every attribute
  /// is an environment variable), but only scripts of a later segment read it; declaring it late
  /// would let its edits rebuild only from there. Advice: phasesplit never narrows on its own.
  case couldBeDeclaredLate
  /// A script of an earlier segment compresses, archives or re-encodes files (gzip, xz, zip,
  /// tar, iconv, base64, …); an output path stored that way keeps its stand-in, and the final
  /// segment's stand-in scan fails.
  case archivingBeforeFinal
  /// An attribute asks for a build ID relocation cannot recompute (`--build-id=uuid`, a fixed
  /// `0x…` value, lld): relocated ELF files keep the ID linked over the stand-in paths.
  case buildIDNotRecomputed
}
