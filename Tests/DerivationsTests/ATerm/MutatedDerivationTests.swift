import Derivations
import Testing

/// Thousands of corrupted variants of a derivation: the reader never crashes, errors point inside
/// the text, and whatever it accepts survives a write/read cycle unchanged.
@Suite struct MutatedDerivationTests {
  /// A small deterministic generator (SplitMix64), so failures reproduce.
  struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var value = state
      value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
      value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
      return value ^ (value >> 31)
    }
  }

  static let original = Array(
    #"Derive([("dev","/nix/store/h21hqkmjfi6kmyqdn5lsl2vl4mij4x78-multi-dev","",""),("out","/nix/store/kycc2gnajibbp04nyc8vlwlf0ikxdayf-multi","","")],[("/nix/store/qdwb7lrnlv42sp4b4npcmfbn3yx0glhb-plain.drv",["out"])],["/nix/store/bs74hk92i6cvj7jmw5i5a3wps9lnrwi4-src.txt"],"x86_64-linux","/bin/sh",["-c","echo \"hi\\\n\t\" > $out"],[("__json","{\"a\":[1,2.5,\"ü\"]}"),("out","/nix/store/kycc2gnajibbp04nyc8vlwlf0ikxdayf-multi")])"#
      .utf8
  )

  @Test func originalRoundTrips() throws {
    let text = String(decoding: Self.original, as: UTF8.self)
    let derivation = try Derivation(parsing: text, origin: "original")
    #expect(derivation.serialized() == text)
    #expect(derivation.structuredAttributes?["a"]?.arrayValue?.count == 3)
  }

  @Test(arguments: [1, 2, 3, 4])
  func mutationsNeverCrash(seed: UInt64) throws {
    var generator = SplitMix64(state: seed)
    let interesting: [UInt8] = Array(#"()[],"\ntr:x"#.utf8) + [0, 0xFF, 0xC3]
    var accepted = 0
    for _ in 0..<2_000 {
      var bytes = Self.original
      for _ in 0..<Int.random(in: 1...3, using: &generator) {
        let index = Int.random(in: 0..<bytes.count, using: &generator)
        switch Int.random(in: 0..<3, using: &generator) {
        case 0: bytes[index] = interesting.randomElement(using: &generator)!
        case 1: bytes.remove(at: index)
        default: bytes.insert(interesting.randomElement(using: &generator)!, at: index)
        }
      }
      let result = bytes.withUnsafeBufferPointer { buffer in
        Result { () throws(DerivationParseError) in try Derivation(parsingBytes: buffer, origin: "mutant") }
      }
      switch result {
      case .success(let derivation):
        accepted += 1
        let again = try Derivation(parsing: derivation.serialized(), origin: "rewritten")
        #expect(again == derivation)
      case .failure(let error):
        #expect(error.offset >= 0 && error.offset <= bytes.count, "\(error)")
      }
    }
    #expect(accepted < 2_000)
  }
}
