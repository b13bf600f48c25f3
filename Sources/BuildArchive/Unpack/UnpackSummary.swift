/// What `ArchiveUnpacker.unpack` restored.
public struct UnpackSummary: Sendable {
  /// Entries extracted.
  public var entryCount: Int
  /// Non-fatal problems (e.g. dropped setuid bits), one message each.
  public var warnings: [String]
  /// The archive's phasesplit header, nil for a plain `.tar.zst`.
  public var header: ArchiveHeader?
}
