/// Text for `errno` values, for error messages.
public enum SystemErrorText {
  /// `strerror` text followed by the number, e.g. "No such file or directory (errno 2)".
  public static func describe(_ code: Int32) -> String {
    "\(String(cString: strerror(code))) (errno \(code))"
  }
}
