/// A file path as raw bytes, exactly as the kernel sees it.
///
/// Build trees may contain names that are not valid UTF-8; Swift `String` paths would lose them,
/// so the archive engine carries paths as bytes and converts to text only for messages.
public struct RawPath: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The path bytes, without a terminating NUL.
  public var bytes: [UInt8]

  /// A path from raw bytes.
  public init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  /// A path from a Swift string (UTF-8 encoded).
  public init(_ string: String) {
    self.bytes = Array(string.utf8)
  }

  /// A path from a NUL-terminated C string.
  public init(cString: UnsafePointer<CChar>) {
    let length = strlenOf(cString)
    self.bytes = cString.withMemoryRebound(to: UInt8.self, capacity: length) {
      Array(UnsafeBufferPointer(start: $0, count: length))
    }
  }

  /// This path with `component` appended after a `/` (no separator when this path is empty).
  public func appending(_ component: RawPath) -> RawPath {
    if bytes.isEmpty { return component }
    var joined = bytes
    if joined.last != UInt8(ascii: "/") { joined.append(UInt8(ascii: "/")) }
    joined.append(contentsOf: component.bytes)
    return RawPath(bytes: joined)
  }

  /// The path split at `/` into its non-empty components.
  public var components: [RawPath] {
    bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true).map {
      RawPath(bytes: Array($0))
    }
  }

  /// The last component (the whole path when it has no `/`).
  public var lastComponent: RawPath {
    components.last ?? self
  }

  /// Whether the path starts with `/`.
  public var isAbsolute: Bool { bytes.first == UInt8(ascii: "/") }

  /// Calls `body` with the path as a NUL-terminated C string.
  public func withCString<Result>(_ body: (UnsafePointer<CChar>) throws -> Result) rethrows -> Result {
    var terminated = bytes
    terminated.append(0)
    return try terminated.withUnsafeBufferPointer { buffer in
      try buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { try body($0) }
    }
  }

  /// The path as text: valid UTF-8 decoded, every other byte written as `\xNN`.
  public var description: String { EscapedText.escaping(bytes) }

  /// Byte-wise lexicographic order (the archive's entry order).
  public static func < (lhs: RawPath, rhs: RawPath) -> Bool {
    lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
  }
}

/// `strlen` without importing the C library into this file's public surface.
private func strlenOf(_ pointer: UnsafePointer<CChar>) -> Int {
  var length = 0
  while pointer[length] != 0 { length += 1 }
  return length
}
