import BuildArchive
import Foundation
import PhasesplitTestSupport
import Testing

/// The stand-in scan on trees made with the host's own compressors and archivers (gzip, bzip2,
/// xz, zstd, zip, tar, iconv), relocated with the real relocator first.
@Suite("scan-stand-ins finds stand-ins relocation could not rewrite")
struct StandInScanTests {
  static let standInHash = "0123456789abcdfghijklmnpqrsvwxyz"
  static let realHash = "zyxwvsrqpnmlkjihgfdcba9876543210"
  static let devStandInHash = "1123456789abcdfghijklmnpqrsvwxyz"
  static let devRealHash = "yyxwvsrqpnmlkjihgfdcba9876543210"

  /// A store in `scratch` with the stand-in outputs `out` and `dev`, each filled by `script`
  /// (run with STANDIN and DEV set, in the `out` stand-in), relocated to their real paths, and
  /// the scanner for them.
  private func relocatedStore(_ scratch: ScratchDirectory, script: String) throws -> (
    scanner: StandInScanner, out: String
  ) {
    let store = scratch.appending("store")
    let standIn = "\(store)/\(Self.standInHash)-pkg"
    let devStandIn = "\(store)/\(Self.devStandInHash)-pkg-dev"
    try FileManager.default.createDirectory(atPath: standIn, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: devStandIn, withIntermediateDirectories: true)
    let made = try CommandRunner.plain.bash(
      script, in: standIn, environment: ["STANDIN": standIn, "DEV": devStandIn])
    try #require(made.status == 0, Comment(rawValue: made.standardError))
    let moves = [
      try StorePathMove(
        from: RawPath(standIn), to: RawPath("\(store)/\(Self.realHash)-pkg"), storeDirectory: store),
      try StorePathMove(
        from: RawPath(devStandIn), to: RawPath("\(store)/\(Self.devRealHash)-pkg-dev"), storeDirectory: store),
    ]
    try StorePathRelocator(moves: moves).relocate()
    return (try StandInScanner(moves: moves, storeDirectory: store), "\(store)/\(Self.realHash)-pkg")
  }

  @Test("every form is named, with file and offset")
  func everyForm() throws {
    let scratch = try ScratchDirectory()
    let (scanner, out) = try relocatedStore(
      scratch,
      script: """
        for i in 1 2 3 4 5 6; do echo "line $i: $STANDIN/share"; done > text
        gzip -n -9 -c text > text.gz
        bzip2 -c text > text.bz2
        xz -c text > text.xz
        zstd -q -c text > text.zst
        zip -X -q -9 text.zip text
        printf 'ab%s' "$DEV" | iconv -f UTF-8 -t UTF-16LE > little
        printf 'a%s' "$STANDIN" | iconv -f UTF-8 -t UTF-16BE > big
        mkdir -p nest/inner && cp text nest/inner/doc && tar -C nest -czf nest.tgz inner
        zip -X -q -9 nested.zip nest.tgz && rm -r nest nest.tgz
        ln -s "$DEV/lib" link
        rm text
        """)
    let report = try scanner.scan()
    let forms = Dictionary(
      report.remnants.map { ($0.file.description.replacingOccurrences(of: out + "/", with: ""), $0.form) }
    ) { first, _ in first }
    #expect(forms["text.gz"]?.hasPrefix("gzip-compressed data, plain bytes at offset ") == true)
    #expect(forms["text.bz2"]?.hasPrefix("bzip2-compressed data, plain bytes at offset ") == true)
    #expect(forms["text.xz"]?.hasPrefix("xz-compressed data, plain bytes at offset ") == true)
    // zstd keeps short literals raw, so relocation may have rewritten the hash under its checksum.
    let zstd = try #require(forms["text.zst"])
    #expect(
      zstd.hasPrefix("zstd-compressed data, plain bytes at offset ")
        || zstd.hasPrefix("zstd data no longer reads"),
      "\(zstd)")
    #expect(forms["text.zip"]?.hasPrefix("zip entry 'text', plain bytes at offset ") == true)
    #expect(
      forms["nested.zip"]?.hasPrefix(
        "zip entry 'nest.tgz' → gzip-compressed tar entry 'inner/doc', plain bytes at offset ") == true)
    let storeLength = scratch.appending("store/").utf8.count
    #expect(forms["little"] == "UTF-16 text at offset \(2 * (2 + storeLength))")
    #expect(forms["big"] == "UTF-16 text at offset \(2 * (1 + storeLength))")
    #expect(forms["link"] == nil, "relocation rewrites symlink targets")
    #expect(report.remnants.count == 8, "\(report.remnants)")
    let little = try #require(report.remnants.first { $0.file.description.hasSuffix("/little") })
    #expect(little.standIn.description.hasSuffix("\(Self.devStandInHash)-pkg-dev"))
    // "line 1: " then the store directory: the hash part's offset in the decompressed text.
    let gzip = try #require(report.remnants.first { $0.file.description.hasSuffix("/text.gz") })
    #expect(gzip.offset == "line 1: ".utf8.count + storeLength)
  }

  @Test("a container whose stored bytes relocation rewrote no longer reads and is named")
  func damagedContainers() throws {
    let scratch = try ScratchDirectory()
    let (scanner, _) = try relocatedStore(
      scratch,
      script: """
        echo "$STANDIN" > text
        zip -X -q -0 stored.zip text
        xz -c text > short.xz
        rm text
        """)
    let report = try scanner.scan()
    let damaged = report.remnants.filter { $0.damage != nil }.map(\.form)
    #expect(damaged.count == 2, "\(report.remnants)")
    #expect(damaged.contains { $0.hasPrefix("zip entry 'text' no longer reads (ZIP bad CRC") })
    #expect(damaged.contains { $0.hasPrefix("xz data no longer reads") })
    #expect(damaged.allSatisfy { $0.contains("relocation rewrote a stand-in stored uncompressed inside it") })
  }

  @Test("UTF-16 inside a zip is found; containers nested deeper than 3 are noted, not read")
  func nestingLimits() throws {
    let scratch = try ScratchDirectory()
    let (scanner, _) = try relocatedStore(
      scratch,
      script: """
        printf '%s' "$STANDIN" | iconv -f UTF-8 -t UTF-16LE > wide
        zip -X -q wide.zip wide && rm wide
        echo clean > text
        zip -X -q z1.zip text && zip -X -q z2.zip z1.zip && zip -X -q z3.zip z2.zip && zip -X -q z4.zip z3.zip
        rm text z1.zip z2.zip z3.zip
        """)
    let report = try scanner.scan()
    #expect(report.remnants.map(\.form).contains { $0.hasPrefix("zip entry 'wide', UTF-16 text at offset ") })
    #expect(
      report.notes.map(\.description).contains {
        $0.hasSuffix(
          "(zip entry 'z3.zip' → zip entry 'z2.zip' → zip entry 'z1.zip'): not looked into: "
            + "a compressed stream or archive nested more than 3 deep")
      }, "\(report.notes)")
  }

  @Test("clean outputs, random compressed data and real paths pass; a hash across chunks is found")
  func noFalsePositives() throws {
    let scratch = try ScratchDirectory()
    let (scanner, out) = try relocatedStore(
      scratch,
      script: """
        head -c 3000000 /dev/urandom > random
        gzip -c random > random.gz
        echo "$STANDIN/bin" | gzip -n > real.gz   # compressed after the move: names the real path
        for i in $(seq 1 2000); do echo "/nix/store/0123456789abcdfghijklmnpqrsvwxz-other $i"; done > near-misses
        printf 'not a gzip\\037\\213' > trailing-magic
        """)
    // real.gz was written before relocation here; write a clean one now, after it.
    let rewritten = try CommandRunner.plain.bash(
      "rm real.gz && echo \"$PWD/bin\" | gzip -n > real.gz", in: out)
    try #require(rewritten.status == 0)
    let clean = try scanner.scan()
    #expect(clean.remnants.isEmpty, "\(clean.remnants)")
    #expect(clean.notes.isEmpty, "\(clean.notes)")
    #expect(clean.files == 5)
    #expect(clean.containers == 2)

    // One stand-in hash straddling the 1 MiB read boundary, another at the very end.
    var big = [UInt8](repeating: UInt8(ascii: "."), count: (1 << 20) * 2 + 5)
    let hash = Array(Self.standInHash.utf8)
    big.replaceSubrange((1 << 20) - 10..<(1 << 20) + 22, with: hash)
    try Data(big).write(to: URL(fileURLWithPath: out + "/straddling"))
    let found = try scanner.scan().remnants
    #expect(found.map(\.form) == ["plain bytes at offset \((1 << 20) - 10)"])
  }
}
