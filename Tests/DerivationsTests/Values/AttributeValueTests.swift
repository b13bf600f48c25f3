import Derivations
import Testing

/// Truthiness and words of attributes as stdenv's bash sees them.
@Suite struct AttributeValueTests {
  @Test func environmentStrings() {
    #expect(AttributeValue.string("").isTruthy == false)
    #expect(AttributeValue.string("0").isTruthy == true)
    #expect(AttributeValue.string("  --a   --b\n--c\t").words == ["--a", "--b", "--c"])
    #expect(AttributeValue.string("x").shellText == "x")
  }

  @Test func jsonScalars() {
    #expect(AttributeValue.json(.bool(true)).shellText == "1")
    #expect(AttributeValue.json(.bool(false)).isTruthy == false)
    #expect(AttributeValue.json(.null).isTruthy == false)
    #expect(AttributeValue.json(.number("0")).isTruthy == true)
    #expect(AttributeValue.json(.number("3.0")).shellText == "3")
    #expect(AttributeValue.json(.number("2.5")).shellText == nil)
    #expect(AttributeValue.json(.string("a b")).words == ["a", "b"])
  }

  @Test func jsonLists() {
    #expect(AttributeValue.json(.array([])).isTruthy == false)
    #expect(AttributeValue.json(.array([.string("")])).isTruthy == false)
    #expect(AttributeValue.json(.array([.string(""), .string("")])).isTruthy == true)
    #expect(AttributeValue.json(.array([.string("a b"), .number("2")])).words == ["a b", "2"])
    #expect(AttributeValue.json(.array([.array([])])).shellText == nil)
    #expect(AttributeValue.json(.array([.array([])])).isTruthy == false)
  }

  @Test func jsonObjects() {
    let object = JSONValue.object([.init(key: "k", value: .string("v")), .init(key: "n", value: .bool(true))])
    #expect(AttributeValue.json(object).words == ["v", "1"])
    #expect(AttributeValue.json(.object([.init(key: "deep", value: object)])).shellText == nil)
  }
}
