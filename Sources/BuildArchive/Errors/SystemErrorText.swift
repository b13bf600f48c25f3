import Basics

/// Text for `errno` values, for error messages.
enum SystemErrorText {
  /// `strerror` text followed by the symbolic number, e.g. "No such file or directory (errno 2)".
  static func describe(_ code: Int32) -> String {
    "\(String(cString: strerror(code))) (errno \(code))"
  }
}
