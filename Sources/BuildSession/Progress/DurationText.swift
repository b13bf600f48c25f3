/// Formats durations for people: `0.4s`, `12.3s`, `2m05s`, `1h02m`.
public enum DurationText {
  /// The text for `seconds`.
  public static func format(_ seconds: Double) -> String {
    let clamped = max(0, seconds)
    if clamped < 60 {
      let tenths = Int((clamped * 10).rounded())
      return "\(tenths / 10).\(tenths % 10)s"
    }
    let whole = Int(clamped.rounded())
    if whole < 3600 {
      return "\(whole / 60)m" + twoDigits(whole % 60) + "s"
    }
    return "\(whole / 3600)h" + twoDigits(whole % 3600 / 60) + "m"
  }

  private static func twoDigits(_ value: Int) -> String {
    value < 10 ? "0\(value)" : "\(value)"
  }
}
