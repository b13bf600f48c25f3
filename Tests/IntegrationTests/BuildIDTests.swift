import BuildArchive
import Foundation
import PhasesplitTestSupport
import Testing

/// Acceptance: packages that link with GNU build IDs split identically to unsplit — with
/// `separateDebugInfo` (outputs `out` and `debug`, `.build-id` file names, `.gnu_debuglink`) and
/// without — for sha1, md5 and the host linker's default style; a random (uuid) ID is reported.
///
/// Split and unsplit outputs live at different store paths, and a build ID hashes a file that
/// names its own path, so the comparison maps each split build ID to the unsplit one of the file
/// at the same place (and the debug link CRCs that follow from them) besides the path hashes;
/// that the split IDs are the linker's own hash of the split files is checked on its own.
@Suite("build IDs split identically", .tags(.nix), .requiresNix, .timeLimit(.minutes(20)))
struct BuildIDIntegrationTests {
  static let fixtures = ["debugInfo", "debugInfoMD5", "debugInfoDefault"]

  @Test("separateDebugInfo: out and debug equal unsplit", arguments: fixtures)
  func separatedDebugInfoIsIdentical(fixture: String) throws {
    let harness = try NixHarness.make()
    defer { harness.cleanUp() }
    let (split, unsplit) = try harness.realiseUnsplitAndSplit(SplitRequest(fixture: fixture))
    let splitOutputs = try harness.outputPaths(split)
    let unsplitOutputs = try harness.outputPaths(unsplit)
    #expect(Set(splitOutputs.keys) == ["out", "debug"])
    let log = try harness.buildLog(split)
    #expect(
      log.contains("phasesplit relocate: recomputed the GNU build ID of"),
      "\(log.suffix(3000))")
    let debugFiles = try TreeFiles(root: try #require(unsplitOutputs["debug"])).files.keys
    #expect(debugFiles.filter { $0.hasPrefix("lib/debug/.build-id/") && $0.hasSuffix(".debug") }.count == 2)
    let differences = try BuildIDMapping.differences(split: splitOutputs, unsplit: unsplitOutputs)
    #expect(differences.isEmpty, "\(differences)")
  }

  @Test("without separation the split IDs are the linker's hash of the split files", arguments: fixtures)
  func buildIDsAreTheLinkersHash(fixture: String) throws {
    let harness = try NixHarness.make()
    defer { harness.cleanUp() }
    let request = SplitRequest(
      fixture: fixture,
      attributeOverrides:
        #"{ separateDebugInfo = false; dontStrip = true; NIX_LDFLAGS = "--build-id=sha1"; }"#)
    let (split, unsplit) = try harness.realiseUnsplitAndSplit(request)
    let splitOutputs = try harness.outputPaths(split)
    let unsplitOutputs = try harness.outputPaths(unsplit)
    for (outputs, side) in [(splitOutputs, "split"), (unsplitOutputs, "unsplit")] {
      let root = try #require(outputs["out"])
      for file in ["bin/tally", "lib/libtally.so.1.0"] {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: "\(root)/\(file)")))
        #expect(ElfBuildID.contentHashScheme(of: bytes) == "GNU ld", "\(side) \(file)")
      }
    }
    let differences = try BuildIDMapping.differences(split: splitOutputs, unsplit: unsplitOutputs)
    #expect(differences.isEmpty, "\(differences)")
  }

  @Test func aRandomBuildIDIsReportedNotPassedOff() throws {
    let harness = try NixHarness.make()
    defer { harness.cleanUp() }
    let split = try harness.instantiate("split", SplitRequest(fixture: "debugInfoUUID"))
    let build = try harness.realise(split)
    try #require(build.succeeded, Comment(rawValue: build.failureSummary))
    let log = try harness.buildLog(split)
    #expect(log.contains("its build ID is no content hash phasesplit can recompute"), "\(log.suffix(3000))")
    let analyze = try PlanningCLI.phasesplit([
      "analyze", "-f", PlanningCLI.fixturesPath, "-A", "debugInfoUUID",
    ])
    #expect(analyze.standardOutput.contains("[buildIDNotRecomputed] preConfigure links with --build-id=uuid"))
  }
}

/// Regular files, symlinks and modes of a store path, by relative path.
struct TreeFiles {
  var files: [String: [UInt8]] = [:]
  var links: [String: String] = [:]
  var modes: [String: Int] = [:]

  init(root: String) throws {
    let manager = FileManager.default
    var isDirectory: ObjCBool = false
    guard manager.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
      files[""] = Array(try Data(contentsOf: URL(fileURLWithPath: root)))
      return
    }
    for case let relative as String in manager.enumerator(atPath: root)! {
      let path = root + "/" + relative
      let attributes = try manager.attributesOfItem(atPath: path)
      modes[relative] = (attributes[.posixPermissions] as? Int) ?? 0
      if attributes[.type] as? FileAttributeType == .typeSymbolicLink {
        links[relative] = try manager.destinationOfSymbolicLink(atPath: path)
      } else if attributes[.type] as? FileAttributeType == .typeRegular {
        files[relative] = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
      }
    }
  }
}

/// Compares split and unsplit outputs modulo their store path hashes and build IDs: each split
/// ELF file's build ID maps to the unsplit ID of the file at the same place (raw bytes, and hex in
/// `.build-id` file names and debug links), and each debug link's CRC to the unsplit one.
enum BuildIDMapping {
  static func differences(split: [String: String], unsplit: [String: String]) throws -> [String] {
    guard Set(split.keys) == Set(unsplit.keys) else { return ["outputs \(split.keys) vs \(unsplit.keys)"] }
    let relocator = StorePathRelocator(
      moves: try split.keys.sorted().map {
        try StorePathMove(from: RawPath(split[$0]!), to: RawPath(unsplit[$0]!), storeDirectory: "/nix/store")
      })
    let splitTrees = try split.mapValues { try TreeFiles(root: $0) }
    let unsplitTrees = try unsplit.mapValues { try TreeFiles(root: $0) }
    // build IDs of the files at the same place, and the debug link CRCs of the same files
    var idMap: [([UInt8], [UInt8])] = []
    var crcMap: [([UInt8], [UInt8])] = []
    for (output, tree) in splitTrees {
      for (path, bytes) in tree.files {
        guard let other = unsplitTrees[output]?.files[path], let from = ElfBuildID.buildID(of: bytes),
          let to = ElfBuildID.buildID(of: other), from != to
        else { continue }
        idMap.append((from, to))
        if let fromCRC = debugLinkCRC(bytes, id: from), let toCRC = debugLinkCRC(other, id: to) {
          crcMap.append((fromCRC, toCRC))
        }
      }
    }
    func hex(_ bytes: [UInt8]) -> [UInt8] { Array(bytes.map { String(format: "%02x", $0) }.joined().utf8) }
    func mapped(_ bytes: [UInt8]) -> [UInt8] {
      var result = relocator.rewrite(bytes)
      for (from, to) in idMap {
        result = replacing(result, from, to)
        result = replacing(result, Array(hex(from).dropFirst(2)), Array(hex(to).dropFirst(2)))
      }
      for (from, to) in crcMap { result = replacing(result, from, to) }
      return result
    }
    func mappedPath(_ path: String) -> String {
      var text = path
      for (from, to) in idMap {
        let (f, t) = (String(decoding: hex(from), as: UTF8.self), String(decoding: hex(to), as: UTF8.self))
        text = text.replacingOccurrences(
          of: "\(f.prefix(2))/\(f.dropFirst(2))", with: "\(t.prefix(2))/\(t.dropFirst(2))")
        if text.hasSuffix(".build-id/\(f.prefix(2))") { text = String(text.dropLast(2)) + t.prefix(2) }
      }
      return text
    }
    var differences: [String] = []
    for (output, tree) in splitTrees {
      let other = unsplitTrees[output]!
      let files = Dictionary(uniqueKeysWithValues: tree.files.map { (mappedPath($0.key), $0.value) })
      if Set(files.keys) != Set(other.files.keys) {
        differences.append(
          "\(output): files \(Set(files.keys).symmetricDifference(other.files.keys).sorted())")
      }
      for (path, bytes) in files where other.files[path] != nil && mapped(bytes) != other.files[path]! {
        differences.append("\(output): \(path) differs")
      }
      let links = Dictionary(
        uniqueKeysWithValues: tree.links.map {
          (mappedPath($0.key), String(decoding: relocator.rewrite(Array($0.value.utf8)), as: UTF8.self))
        })
      if links != other.links { differences.append("\(output): symlinks differ") }
      let modes = Dictionary(uniqueKeysWithValues: tree.modes.map { (mappedPath($0.key), $0.value) })
      if modes != other.modes { differences.append("\(output): modes differ") }
    }
    return differences
  }

  /// The CRC of a `.gnu_debuglink` naming `ID[1...].debug`: the 4 bytes after the name, its NUL
  /// and padding to 4 bytes.
  static func debugLinkCRC(_ bytes: [UInt8], id: [UInt8]) -> [UInt8]? {
    let name = Array((id.dropFirst().map { String(format: "%02x", $0) }.joined() + ".debug\0").utf8)
    guard let start = firstIndex(of: name, in: bytes) else { return nil }
    let crc = (start + name.count + 3) & ~3
    return crc + 4 <= bytes.count ? Array(bytes[crc..<crc + 4]) : nil
  }

  static func firstIndex(of pattern: [UInt8], in bytes: [UInt8]) -> Int? {
    guard !pattern.isEmpty, bytes.count >= pattern.count else { return nil }
    for index in 0...(bytes.count - pattern.count) where bytes[index] == pattern[0] {
      if bytes[index..<index + pattern.count].elementsEqual(pattern) { return index }
    }
    return nil
  }

  static func replacing(_ bytes: [UInt8], _ from: [UInt8], _ to: [UInt8]) -> [UInt8] {
    var result = bytes
    var index = 0
    while index + from.count <= result.count {
      if result[index] == from[0] && result[index..<index + from.count].elementsEqual(from) {
        result.replaceSubrange(index..<index + from.count, with: to)
        index += to.count
      } else {
        index += 1
      }
    }
    return result
  }
}
