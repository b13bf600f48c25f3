/// Rewrites the mtime column of a `.ninja_log` (text, v5/v6: `start\tend\tmtime\tpath\thash` lines).
struct NinjaLogRewriter {
  let mapping: NinjaTimeMapping

  /// The rewritten log, or nil when `contents` is not a ninja log of a known version.
  func rewrite(_ contents: [UInt8]) -> [UInt8]? {
    let newline = UInt8(ascii: "\n")
    let lines = contents.split(separator: newline, omittingEmptySubsequences: false)
    guard let first = lines.first else { return nil }
    let header = String(decoding: first, as: UTF8.self)
    guard header == "# ninja log v5" || header == "# ninja log v6" else { return nil }
    var result: [UInt8] = []
    result.reserveCapacity(contents.count)
    for (index, line) in lines.enumerated() {
      if index > 0 { result.append(newline) }
      result.append(contentsOf: index == 0 ? Array(line) : rewriteLine(Array(line)))
    }
    return result
  }

  private func rewriteLine(_ line: [UInt8]) -> [UInt8] {
    var fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map(Array.init)
    guard fields.count >= 4, let recorded = Int64(String(decoding: fields[2], as: UTF8.self)) else {
      return line
    }
    fields[2] = Array(String(mapping.map(recorded)).utf8)
    return Array(fields.joined(separator: [UInt8(ascii: "\t")]))
  }
}
