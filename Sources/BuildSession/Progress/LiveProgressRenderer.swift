/// Live progress for a terminal: one line per segment, redrawn in place with ANSI escapes.
public struct LiveProgressRenderer: Sendable {
  /// Control Sequence Introducer.
  static let escape = "\u{1B}["
  private var drawnLineCount = 0

  /// Creates a renderer that has drawn nothing yet.
  public init() {}

  /// The text that replaces the previous frame with the current one: cursor up over the lines
  /// drawn before, then each line cleared and rewritten.
  public mutating func render(packageName: String, entries: [SegmentProgress], now: Double) -> String {
    var text = drawnLineCount > 0 ? "\r\(Self.escape)\(drawnLineCount)A" : ""
    for entry in entries {
      text +=
        "\(Self.escape)2K"
        + Self.decorate(entry, SegmentLineText.line(packageName: packageName, entry: entry, now: now)) + "\n"
    }
    drawnLineCount = entries.count
    return text
  }

  private static func decorate(_ entry: SegmentProgress, _ line: String) -> String {
    let color: String
    switch entry.status {
    case .reused, .queued, .notBuilt: color = "2"
    case .building, .finishing: color = "1;34"
    case .built: color = "32"
    case .failed: color = "1;31"
    }
    return "\(escape)\(color)m\(line)\(escape)0m"
  }
}
