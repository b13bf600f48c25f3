/// Compares the outputs of a split build with those of the unsplit build.
///
/// The two are different derivations, so their output paths differ in the 32-character hash
/// part. Each split output's NAR (`nix-store --dump`) is compared with the unsplit one's after
/// replacing every split output's hash part with the unsplit output's: what remains must be
/// byte-identical.
enum OutputComparison {
  /// One output that differs, with where.
  struct Difference: CustomStringConvertible {
    let output: String
    let detail: String
    var description: String { "output \(output): \(detail)" }
  }

  /// The differences between split and unsplit outputs (empty when all are identical).
  static func differences(
    split: [String: String], unsplit: [String: String], harness: NixHarness
  ) throws -> [Difference] {
    guard Set(split.keys) == Set(unsplit.keys) else {
      return [
        Difference(
          output: "*",
          detail: "split outputs \(split.keys.sorted()) but unsplit outputs \(unsplit.keys.sorted())")
      ]
    }
    let replacements = split.keys.sorted().map { name in
      (Array(hashPart(split[name]!).utf8), Array(hashPart(unsplit[name]!).utf8))
    }
    var differences: [Difference] = []
    for name in split.keys.sorted() {
      var splitNar = try harness.narDump(split[name]!)
      let unsplitNar = try harness.narDump(unsplit[name]!)
      for (from, to) in replacements {
        replaceAll(from, with: to, in: &splitNar)
      }
      if splitNar != unsplitNar {
        let firstDifference =
          splitNar.indices.first { $0 < unsplitNar.count && splitNar[$0] != unsplitNar[$0] }
          ?? min(splitNar.count, unsplitNar.count)
        differences.append(
          Difference(
            output: name,
            detail: "\(split[name]!) differs from \(unsplit[name]!) at NAR byte \(firstDifference) "
              + "(sizes \(splitNar.count) and \(unsplitNar.count))"))
      }
    }
    return differences
  }

  /// The 32-character hash part of a store path.
  static func hashPart(_ storePath: String) -> String {
    let base = storePath.split(separator: "/").last.map(String.init) ?? storePath
    return String(base.prefix(32))
  }

  /// Replaces every occurrence of `pattern` by `replacement` (same length) in `bytes`.
  static func replaceAll(_ pattern: [UInt8], with replacement: [UInt8], in bytes: inout [UInt8]) {
    precondition(pattern.count == replacement.count && !pattern.isEmpty)
    guard bytes.count >= pattern.count else { return }
    var index = 0
    let last = bytes.count - pattern.count
    while index <= last {
      if bytes[index] == pattern[0] && bytes[index..<index + pattern.count].elementsEqual(pattern) {
        bytes.replaceSubrange(index..<index + pattern.count, with: replacement)
        index += pattern.count
      } else {
        index += 1
      }
    }
  }
}
