import Derivations
import Foundation
import PhasesplitTestSupport
import Testing

/// Nix base-32 against what Nix itself prints.
@Suite struct NixBase32Tests {
  /// Hex digests of a few inputs, converted by `nix-hash --to-base32`.
  @Test(.tags(.nix), .requiresNix, arguments: ["", "a", "hello world\n", "phasesplit"])
  func matchesNixHash(_ input: String) throws {
    let path = try NixFixture.writeFile(named: "input", contents: input)
    let hex = try NixFixture.runProgram("nix-hash", ["--type", "sha256", "--flat", path])
    let expected = try NixFixture.runProgram("nix-hash", ["--type", "sha256", "--to-base32", hex])
    let bytes = try #require(Self.bytes(fromHex: hex))
    #expect(NixBase32.encode(bytes) == expected)
    #expect(try NixBase32.decode(expected) == bytes)
    let direct = try NixFixture.runProgram("nix-hash", ["--type", "sha256", "--flat", "--base32", path])
    #expect(direct == expected)
  }

  @Test(.tags(.nix), .requiresNix) func sha1AndStorePathLengths() throws {
    let path = try NixFixture.writeFile(named: "input", contents: "x")
    let hex = try NixFixture.runProgram("nix-hash", ["--type", "sha1", "--flat", path])
    let expected = try NixFixture.runProgram("nix-hash", ["--type", "sha1", "--to-base32", hex])
    let bytes = try #require(Self.bytes(fromHex: hex))
    #expect(NixBase32.encode(bytes) == expected)
    #expect(expected.count == 32)
    #expect(NixBase32.encodedLength(byteCount: 20) == 32)
    #expect(NixBase32.encodedLength(byteCount: 32) == 52)
  }

  @Test func rejectsCharactersOutsideTheAlphabet() {
    #expect(throws: NixBase32Error.invalidCharacter(text: "0e00", offset: 1)) {
      try NixBase32.decode("0e00")
    }
  }

  @Test func rejectsOverlongValues() {
    // 52 characters hold 260 bits; a leading digit above 1 sets bits beyond 256.
    let text = "z" + String(repeating: "0", count: 51)
    #expect(throws: NixBase32Error.valueTooLarge(text: text)) { try NixBase32.decode(text) }
  }

  @Test func roundTripsRandomBytes() throws {
    var generator = SystemRandomNumberGenerator()
    for length in [1, 5, 16, 20, 32, 64] {
      let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
      let encoded = NixBase32.encode(bytes)
      #expect(encoded.count == NixBase32.encodedLength(byteCount: length))
      #expect(try NixBase32.decode(encoded) == bytes)
    }
  }

  static func bytes(fromHex hex: String) -> [UInt8]? {
    let digits = Array(hex.utf8)
    guard digits.count.isMultiple(of: 2) else { return nil }
    var bytes: [UInt8] = []
    for index in stride(from: 0, to: digits.count, by: 2) {
      guard let byte = UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16) else {
        return nil
      }
      bytes.append(byte)
    }
    return bytes
  }
}
