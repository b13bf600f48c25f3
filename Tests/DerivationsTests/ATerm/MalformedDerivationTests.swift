import Basics
import Derivations
import PhasesplitTestSupport
import Testing

/// Broken `.drv` text gives a clear error with the origin and byte offset, never a crash.
@Suite struct MalformedDerivationTests {
  static let valid =
    #"Derive([("out","/nix/store/dcbmgjh3vxxl8ibcxilwb757cz2fzmln-plain","","")],[],[],"x86_64-linux","/bin/sh",["-c","true"],[("name","plain")])"#

  struct Case: Sendable, CustomTestStringConvertible {
    var label: String
    var text: String
    var offset: Int
    var fragment: String
    var testDescription: String { label }
  }

  static let cases: [Case] = [
    Case(label: "empty", text: "", offset: 0, fragment: "expected 'Derive('"),
    Case(label: "wrong keyword", text: "Derivation([", offset: 0, fragment: "expected 'Derive('"),
    Case(
      label: "truncated inside a string",
      text: String(valid.prefix(40)),
      offset: 15,
      fragment: "unterminated string"
    ),
    Case(
      label: "truncated after a list element",
      text: String(valid.prefix(73)),
      offset: 73,
      fragment: "found the end of the file"
    ),
    Case(
      label: "trailing garbage",
      text: valid + "x",
      offset: valid.utf8.count,
      fragment: "expected the end of the file"
    ),
    Case(
      label: "bad escape",
      text: valid.replacingOccurrences(of: #""true""#, with: #""tr\que""#),
      offset: 115,
      fragment: "invalid escape '\\q'"
    ),
    Case(
      label: "wrong nesting: tuple where list expected",
      text: valid.replacingOccurrences(of: "],[],[],", with: "],(),[],"),
      offset: 75,
      fragment: "expected '[' to open the list of input derivations, found '('"
    ),
    Case(
      label: "missing comma between fields",
      text: valid.replacingOccurrences(of: #""x86_64-linux","/bin/sh""#, with: #""x86_64-linux""/bin/sh""#),
      offset: 95,
      fragment: "expected ',' after the system, found '\"'"
    ),
    Case(
      label: "output with three fields",
      text: valid.replacingOccurrences(of: #"-plain","","")"#, with: #"-plain","")"#),
      offset: 69,
      fragment: "expected ',' after the output hash algorithm, found ')'"
    ),
    Case(
      label: "no outputs",
      text: #"Derive([],[],[],"s","b",[],[])"#,
      offset: 7,
      fragment: "at least one output"
    ),
    Case(
      label: "hash without algorithm",
      text: #"Derive([("out","/nix/store/x","","abc")],[],[],"s","b",[],[])"#,
      offset: 8,
      fragment: "unsupported combination"
    ),
    Case(
      label: "unknown hash algorithm",
      text: #"Derive([("out","","r:crc32","")],[],[],"s","b",[],[])"#,
      offset: 8,
      fragment: "unsupported combination"
    ),
    Case(
      label: "invalid structured attributes",
      text: #"Derive([("out","/nix/store/x","","")],[],[],"s","b",[],[("__json","{\"a\":")])"#,
      offset: 55,
      fragment: "__json"
    ),
    Case(
      label: "element separator garbage",
      text: #"Derive([("out","/nix/store/x","","");[],[],"s","b",[],[])"#,
      offset: 36,
      fragment: "expected ',' or ']' after output, found ';'"
    ),
  ]

  @Test(arguments: cases)
  func reportsOffsetAndExpectation(_ testCase: Case) {
    #expect {
      _ = try Derivation(parsing: testCase.text, origin: "/tmp/broken.drv")
    } throws: { error in
      guard let error = error as? DerivationParseError else { return false }
      #expect(error.origin == "/tmp/broken.drv")
      #expect(error.offset == testCase.offset, "\(error)")
      #expect(error.problem.contains(testCase.fragment), "\(error)")
      #expect(error.description.contains("/tmp/broken.drv: byte \(testCase.offset):"))
      return true
    }
  }

  @Test func validTextParses() throws {
    let derivation = try Derivation(parsing: Self.valid, origin: "valid")
    #expect(derivation.serialized() == Self.valid)
  }

  @Test func invalidUTF8IsRejected() {
    var bytes = Array(Self.valid.utf8)
    let index = bytes.firstIndex(of: UInt8(ascii: "p"))!
    bytes[index] = 0xFF
    #expect {
      _ = try bytes.withUnsafeBufferPointer { buffer in
        try Derivation(parsingBytes: buffer, origin: "bytes")
      }
    } throws: { error in
      (error as? DerivationParseError)?.problem.contains("UTF-8") == true
    }
  }

  @Test func everyPrefixFailsWithoutCrashing() {
    let bytes = Array(Self.valid.utf8)
    for length in 0..<bytes.count {
      let prefix = Array(bytes[0..<length])
      let result = prefix.withUnsafeBufferPointer { buffer in
        Result { () throws(DerivationParseError) in try Derivation(parsingBytes: buffer, origin: "prefix") }
      }
      guard case .failure(let error) = result else {
        Issue.record("prefix of length \(length) parsed")
        continue
      }
      #expect(error.offset <= length)
    }
  }

  @Test func missingFileNamesThePath() {
    #expect {
      _ = try Derivation.read(path: "/nonexistent/\(NixFixture.uniqueToken()).drv")
    } throws: { error in
      (error as? FileReadError)?.description.contains("/nonexistent/") == true
    }
  }
}
