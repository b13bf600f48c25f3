import BuildArchive

/// Compares the outputs of a split build with those of the unsplit build.
///
/// The two are different derivations, so their output paths differ in the 32-character hash
/// part. Each split output's NAR (`nix-store --dump`) is compared with the unsplit one's after
/// rewriting every reference to a split output into the unsplit output's path, by the rules of
/// `phasesplit relocate` (whole hash parts and hash tails before `-NAME`, which compilers leave when
/// they store a path constant in pieces): what remains must be byte-identical.
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
    let mapping = StorePathRelocator(
      moves: try split.keys.sorted().map { name in
        try StorePathMove(from: RawPath(split[name]!), to: RawPath(unsplit[name]!))
      })
    var differences: [Difference] = []
    for name in split.keys.sorted() {
      let splitNar = mapping.rewrite(try harness.narDump(split[name]!))
      let unsplitNar = try harness.narDump(unsplit[name]!)
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
}
