import Derivations
import Testing

@Suite struct JSONValueTests {
  @Test func parsesAndKeepsOrderAndNumberText() throws {
    let value = try JSONValue(
      parsing: #" {"z": 1, "a": [1.50, -2e3, true, false, null], "s": "x\"\\\/\n\u00fc\ud83d\ude00"} "#)
    #expect(value.objectMembers?.map(\.key) == ["z", "a", "s"])
    #expect(value["a"] == .array([.number("1.50"), .number("-2e3"), .bool(true), .bool(false), .null]))
    #expect(value["s"] == .string("x\"\\/\nü😀"))
    #expect(value["z"]?.integerValue == 1)
    #expect(value["a"]?.arrayValue?[1].doubleValue == -2000)
  }

  @Test func serializesCompactAndIndented() throws {
    let text = #"{"b":[1,"two\n",{"c":null}],"a":{}}"#
    let value = try JSONValue(parsing: text)
    #expect(value.serialized() == text)
    #expect(try JSONValue(parsing: value.serialized(indentation: 2)) == value)
    #expect(value.serialized(indentation: 2).contains("\n  \"b\": [\n    1,"))
  }

  @Test func escapesControlCharacters() throws {
    let value = JSONValue.string("a\u{01}b\tc")
    #expect(value.serialized() == #""a\u0001b\tc""#)
    #expect(try JSONValue(parsing: value.serialized()) == value)
  }

  @Test(arguments: [
    ("", 0), ("{", 1), ("[1,]", 3), ("{\"a\" 1}", 5), ("01", 1), ("\"abc", 0), ("tru", 0), ("[1] x", 4),
    ("\"\\x\"", 1), ("\"\\ud800\"", 7), ("-", 1), ("1.", 2),
  ])
  func rejectsInvalidText(_ text: String, _ offset: Int) {
    #expect {
      _ = try JSONValue(parsing: text)
    } throws: { error in
      (error as? JSONParseError)?.offset == offset
    }
  }

  @Test func limitsNesting() {
    let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
    #expect(throws: JSONParseError.self) { try JSONValue(parsing: deep) }
  }
}
