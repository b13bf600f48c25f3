@preconcurrency import Rainbow

/// Live progress for a terminal: the ``ProgressFrame`` redrawn in place.
///
/// Colour comes from Rainbow (SGR styles; off with `NO_COLOR`); the in-place redraw needs two
/// more control sequences, written here: cursor up over the previous frame (`CSI n A`) and
/// erase to the end of the screen (`CSI J`). Lines never reach the last column (see
/// ``ProgressFrame``), so none wraps and the cursor arithmetic holds.
public struct LiveProgressRenderer: Sendable {
  /// Control Sequence Introducer.
  static let escape = "\u{1B}["
  private var drawnLineCount = 0
  private let colour: Bool

  /// Creates a renderer that has drawn nothing yet.
  public init(colour: Bool) {
    self.colour = colour
    if colour {
      // Rainbow decides by stdout; this display is on stderr and has decided already.
      Rainbow.enabled = true
      Rainbow.outputTarget = .console
    }
  }

  /// The text that replaces the previous frame with `frame`.
  public mutating func render(_ frame: ProgressFrame) -> String {
    var text = erase()
    for line in frame.lines {
      text += decorate(line) + "\n"
    }
    drawnLineCount = frame.lines.count
    return text
  }

  /// The text that removes the frame drawn last (to print other lines where it was); the next
  /// ``render(_:)`` draws the frame anew below them.
  public mutating func erase() -> String {
    defer { drawnLineCount = 0 }
    return drawnLineCount > 0 ? "\r\(Self.escape)\(drawnLineCount)A\(Self.escape)J" : ""
  }

  private func decorate(_ line: ProgressFrame.Line) -> String {
    guard colour else { return line.text }
    guard let status = line.status else { return line.text.bold }
    switch status {
    case .reused, .queued, .notBuilt: return line.text.dim
    case .building, .finishing: return line.text.blue.bold
    case .built: return line.text.green
    case .failed: return line.text.red.bold
    case .interrupted: return line.text.yellow
    }
  }
}
