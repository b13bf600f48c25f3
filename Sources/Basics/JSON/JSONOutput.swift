#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The one JSON format phasesplit writes for people and scripts (`--json`, reports): pretty-printed,
/// keys sorted so the same value always gives the same text, and `/` left unescaped so store paths
/// read as paths.
public enum JSONOutput {
  /// The encoded value as UTF-8 bytes.
  public static func data(_ value: some Encodable) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(value)
  }

  /// The encoded value as text (no trailing newline).
  public static func text(_ value: some Encodable) throws -> String {
    String(decoding: try data(value), as: UTF8.self)
  }
}
