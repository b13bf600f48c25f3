import Derivations

// libFuzzer target for the .drv reader: the input is parsed as the ATerm text of a derivation,
// and a derivation that parses is written back and parsed again, which must give the same value.

@_cdecl("LLVMFuzzerTestOneInput")
public func derivationReaderFuzzer(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = UnsafeBufferPointer(start: data, count: size)
  guard let derivation = try? Derivation(parsingBytes: bytes, origin: "fuzz.drv") else { return 0 }
  let text = derivation.serialized()
  guard let again = try? Derivation(parsing: text, origin: "fuzz-written.drv") else {
    fatalError("a parsed derivation's ATerm text does not parse: \(text)")
  }
  if again != derivation {
    fatalError("the ATerm text of a parsed derivation parses to another value: \(text)")
  }
  return 0
}
