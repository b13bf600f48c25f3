import Basics

/// The size of the terminal a file descriptor is connected to, in character cells.
public struct TerminalSize: Sendable, Equatable {
  /// Columns per line.
  public var columns: Int
  /// Lines.
  public var rows: Int

  /// Creates a size.
  public init(columns: Int, rows: Int) {
    self.columns = columns
    self.rows = rows
  }

  /// The size used when the terminal does not tell (`ioctl` fails or reports zero).
  public static let fallback = TerminalSize(columns: 80, rows: 24)

  /// The current size of the terminal at `descriptor` (asked each time: the user may resize it).
  public static func of(descriptor: Int32) -> TerminalSize {
    var size = winsize()
    guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else {
      return fallback
    }
    return TerminalSize(columns: Int(size.ws_col), rows: Int(size.ws_row))
  }
}
