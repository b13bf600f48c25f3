/// A file time as the kernel keeps it: whole seconds since the Unix epoch (any `Int64`, so times
/// far before 1970 or after 2262 are fine) and nanoseconds within the second (`0..<1_000_000_000`).
///
/// Times are compared as (seconds, nanoseconds); nothing multiplies seconds into nanoseconds, so no
/// time a file system or an archive can hold overflows.
public struct FileTime: Hashable, Comparable, Sendable, CustomStringConvertible {
  public static let nanosecondsPerSecond: Int64 = 1_000_000_000

  /// Seconds since the epoch (negative before 1970).
  public var seconds: Int64
  /// Nanoseconds within the second, `0..<1_000_000_000`.
  public var nanoseconds: Int64

  /// The time `seconds` + `nanoseconds`; nanoseconds outside `0..<1e9` are carried into seconds
  /// (saturating at the ends of the `Int64` range).
  public init(seconds: Int64, nanoseconds: Int64 = 0) {
    var remainder = nanoseconds % Self.nanosecondsPerSecond
    var carry = nanoseconds / Self.nanosecondsPerSecond
    if remainder < 0 {
      remainder += Self.nanosecondsPerSecond
      carry -= 1
    }
    let (sum, overflow) = seconds.addingReportingOverflow(carry)
    self.seconds = overflow ? (carry > 0 ? .max : .min) : sum
    self.nanoseconds = remainder
  }

  /// The time `nanoseconds` after the epoch.
  public init(nanosecondsSinceEpoch nanoseconds: Int64) {
    self.init(seconds: 0, nanoseconds: nanoseconds)
  }

  /// Nanoseconds since the epoch, or nil when that does not fit an `Int64` (before 1677-09-21 or
  /// after 2262-04-11).
  public var nanosecondsSinceEpoch: Int64? {
    let (scaled, overflow) = seconds.multipliedReportingOverflow(by: Self.nanosecondsPerSecond)
    guard !overflow else { return nil }
    let (sum, overflowSum) = scaled.addingReportingOverflow(nanoseconds)
    return overflowSum ? nil : sum
  }

  public static func < (left: FileTime, right: FileTime) -> Bool {
    (left.seconds, left.nanoseconds) < (right.seconds, right.nanoseconds)
  }

  public var description: String {
    let fraction = String(nanoseconds)
    return "\(seconds).\(String(repeating: "0", count: 9 - fraction.count))\(fraction)"
  }
}
