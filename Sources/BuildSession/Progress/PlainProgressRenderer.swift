/// Plain progress: one line per segment state change (status or phase), nothing else.
public struct PlainProgressRenderer: Sendable {
  private var lastLines: [String: String] = [:]

  /// Creates a renderer that has printed nothing yet.
  public init() {}

  /// The lines to print for the changes since the previous call (each ends with a newline).
  public mutating func render(packageName: String, entries: [SegmentProgress]) -> String {
    var text = ""
    for entry in entries {
      let line = SegmentLineText.plainLine(packageName: packageName, entry: entry)
      if lastLines[entry.segment.derivationPath] != line {
        lastLines[entry.segment.derivationPath] = line
        text += line + "\n"
      }
    }
    return text
  }
}
