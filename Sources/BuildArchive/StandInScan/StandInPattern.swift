/// One byte sequence that betrays a stand-in: a stand-in's 32-character hash part, as plain
/// (ASCII) bytes or encoded as UTF-16.
public struct StandInPattern: Sendable, Equatable {
  /// How the hash part is encoded.
  public enum Encoding: String, Sendable, CaseIterable {
    case plain = "plain bytes"
    /// UTF-16 text, little- or big-endian (the two overlap one byte apart in either, so which one
    /// it is cannot be told from the match alone).
    case utf16 = "UTF-16 text"
  }

  /// The stand-in store path the hash part belongs to.
  public var standIn: RawPath
  /// The encoding of `bytes`.
  public var encoding: Encoding
  /// The bytes to look for.
  public var bytes: [UInt8]

  /// The patterns of `standIns` in every encoding.
  ///
  /// - Throws: ``RelocationError/notAStorePath(path:storeDirectory:)`` for a path without a hash part.
  public static func patterns(standIns: [RawPath], storeDirectory: String) throws -> [StandInPattern] {
    var patterns: [StandInPattern] = []
    for standIn in standIns {
      guard let hash = StorePathMove.hashPart(of: standIn, storeDirectory: storeDirectory) else {
        throw RelocationError.notAStorePath(path: standIn.description, storeDirectory: storeDirectory)
      }
      patterns.append(StandInPattern(standIn: standIn, encoding: .plain, bytes: hash))
      patterns.append(
        StandInPattern(standIn: standIn, encoding: .utf16, bytes: hash.flatMap { [$0, 0] }))
      patterns.append(
        StandInPattern(standIn: standIn, encoding: .utf16, bytes: hash.flatMap { [0, $0] }))
    }
    return patterns
  }
}
