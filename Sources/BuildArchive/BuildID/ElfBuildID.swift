/// Keeps GNU build IDs true to the bytes they describe when relocation rewrites an ELF file.
///
/// A linker computes a build ID as a hash of the file it writes; in a split build the file held
/// stand-in paths then, so after relocation the note no longer matches what the linker would have
/// computed for the relocated bytes — the unsplit build's ID. ``rewrite(_:using:)`` finds the
/// scheme that produced the existing ID (recomputing it over the original bytes, so a guess is
/// never taken for a fact), rewrites the file, and computes the ID again with that scheme.
public enum ElfBuildID {
  /// What happened to a file's build ID.
  public enum Outcome: Equatable, Sendable {
    /// Not an ELF file with a GNU build-ID note.
    case noBuildID
    /// Recomputed with the scheme that made the original one.
    case recomputed(scheme: String)
    /// The ID is no hash of the file by a scheme phasesplit knows (`uuid`, a fixed `0x…` value,
    /// lld's styles): kept as the linker wrote it.
    case kept(length: Int)
  }

  /// The linker scheme whose hash of `bytes` is their build ID (`GNU ld`, `gold`), or `nil` when
  /// `bytes` have no GNU build ID or it is no such hash.
  public static func contentHashScheme(of bytes: [UInt8]) -> String? {
    guard let image = ElfImage(bytes), let idRange = image.buildID,
      let algorithm = BuildIDScheme.algorithm(forLength: idRange.count)
    else { return nil }
    let id = Array(bytes[idRange])
    return BuildIDScheme.allCases.first { $0.buildID(of: bytes, image: image, algorithm: algorithm) == id }?
      .rawValue
  }

  /// The GNU build ID of an ELF file's bytes, or `nil`.
  public static func buildID(of bytes: [UInt8]) -> [UInt8]? {
    ElfImage(bytes)?.buildID.map { Array(bytes[$0]) }
  }

  /// `bytes` relocated by `rewrite`, with their build ID recomputed; the outcome says how.
  public static func rewrite(_ bytes: [UInt8], using rewrite: ([UInt8]) -> [UInt8]) -> (
    bytes: [UInt8], outcome: Outcome
  ) {
    var rewritten = rewrite(bytes)
    guard let image = ElfImage(bytes), let idRange = image.buildID else { return (rewritten, .noBuildID) }
    guard let algorithm = BuildIDScheme.algorithm(forLength: idRange.count),
      let name = contentHashScheme(of: bytes), let scheme = BuildIDScheme(rawValue: name)
    else { return (rewritten, .kept(length: idRange.count)) }
    guard rewritten != bytes,
      let newID = scheme.buildID(of: rewritten, image: image, algorithm: algorithm)
    else { return (rewritten, .recomputed(scheme: scheme.rawValue)) }
    rewritten.replaceSubrange(idRange, with: newID)
    return (rewritten, .recomputed(scheme: scheme.rawValue))
  }
}
