import Derivations
import Foundation
import NixEmission
import PhasesplitTestSupport
import Testing

/// Real `.drv` files written by Nix read and written back byte for byte.
@Suite(.tags(.nix), .requiresNix) struct RoundTripTests {
  /// Reads the file, checks the round trip, returns the model.
  private func readAndRoundTrip(_ path: String) throws -> Derivation {
    let original = try String(contentsOfFile: path, encoding: .utf8)
    let derivation = try Derivation.read(path: path)
    #expect(derivation.serialized() == original)
    #expect(try Derivation(parsing: original, origin: path) == derivation)
    return derivation
  }

  @Test func plainDerivation() async throws {
    let token = NixFixture.uniqueToken()
    let path = try await NixFixture.instantiate(
      NixFixture.derivationExpression(name: "plain-\(token)", script: "echo hi > $out")
    )
    let derivation = try readAndRoundTrip(path)
    #expect(derivation.name == "plain-\(token)")
    #expect(derivation.builder == "/bin/sh")
    #expect(derivation.arguments == ["-c", "echo hi > $out"])
    #expect(derivation.outputs.count == 1)
    #expect(derivation.outputKind == .inputAddressed)
    let out = try #require(derivation.output(named: "out"))
    #expect(derivation.environmentValue("out") == out.path)
    #expect(out.path.hasSuffix("-plain-\(token)"))
    #expect(derivation.structuredAttributes == nil)
    #expect(derivation.attributes["name"] == .string("plain-\(token)"))
  }

  @Test func escapeHeavyEnvironment() async throws {
    let value = "quote\" backslash\\ newline\n tab\t return\r dollar$ unicode ü€😀 ctrl\u{01}"
    let path = try await NixFixture.instantiate(
      NixFixture.derivationExpression(
        name: "escapes-\(NixFixture.uniqueToken())",
        attributes:
          "weird = \(NixSyntax.stringLiteral(value)); \(NixSyntax.stringLiteral("key\"with\\escapes")) = \"v\";"
      )
    )
    let derivation = try readAndRoundTrip(path)
    #expect(derivation.environmentValue("weird") == value)
    #expect(derivation.environmentValue("key\"with\\escapes") == "v")
  }

  @Test func multipleOutputs() async throws {
    let path = try await NixFixture.instantiate(
      NixFixture.derivationExpression(
        name: "multi-\(NixFixture.uniqueToken())",
        attributes: #"outputs = [ "out" "dev" "lib" ];"#
      )
    )
    let derivation = try readAndRoundTrip(path)
    #expect(derivation.outputs.map(\.name) == ["dev", "lib", "out"])
    #expect(derivation.outputNames == ["out", "dev", "lib"])
    for output in derivation.outputs {
      #expect(output.kind == .inputAddressed)
      #expect(derivation.environmentValue(output.name) == output.path)
    }
  }

  @Test func structuredAttributes() async throws {
    let path = try await NixFixture.instantiate(
      NixFixture.derivationExpression(
        name: "structured-\(NixFixture.uniqueToken())",
        attributes: """
          __structuredAttrs = true;
          nested = { list = [ 1 2.5 "x" true null ]; inner = { c = "d"; }; };
          flags = [ "--a" "--b c" ];
          enabled = true;
          disabled = false;
          """
      )
    )
    let derivation = try readAndRoundTrip(path)
    let attributes = try #require(derivation.structuredAttributes)
    #expect(derivation.hasStructuredAttributes)
    #expect(attributes["nested"]?["inner"]?["c"] == .string("d"))
    #expect(
      attributes["nested"]?["list"]
        == .array([.number("1"), .number("2.5"), .string("x"), .bool(true), .null])
    )
    #expect(derivation.attributes["flags"]?.words == ["--a", "--b c"])
    #expect(derivation.attributes["enabled"]?.isTruthy == true)
    #expect(derivation.attributes["disabled"]?.isTruthy == false)
    #expect(derivation.attributes["nested"]?.shellText == nil)
    #expect(derivation.name.hasPrefix("structured-"))
    #expect(derivation.environmentValue("name") == nil)
  }

  @Test func fixedOutput() async throws {
    let hash = String(repeating: "0", count: 52)
    let path = try await NixFixture.instantiate(
      NixFixture.derivationExpression(
        name: "fixed-\(NixFixture.uniqueToken())",
        attributes: """
          outputHashMode = "recursive"; outputHashAlgo = "sha256"; outputHash = "\(hash)";
          """
      )
    )
    let derivation = try readAndRoundTrip(path)
    let algorithm = OutputHashAlgorithm(method: .recursive, algorithm: "sha256")
    #expect(derivation.outputKind == .fixed(algorithm, hash: String(repeating: "0", count: 64)))
    #expect(derivation.outputs[0].hashAlgorithm == "r:sha256")
    #expect(derivation.outputKind.hasKnownPath)
  }

  @Test func flatFixedOutput() async throws {
    let path = try await NixFixture.instantiate(
      NixFixture.derivationExpression(
        name: "flat-\(NixFixture.uniqueToken())",
        attributes: #"outputHashAlgo = "sha1"; outputHash = "0000000000000000000000000000000000000000";"#
      )
    )
    let derivation = try readAndRoundTrip(path)
    #expect(
      derivation.outputKind
        == .fixed(
          OutputHashAlgorithm(method: .flat, algorithm: "sha1"), hash: String(repeating: "0", count: 40)))
  }

  @Test func contentAddressed() async throws {
    let token = NixFixture.uniqueToken()
    let floating = NixFixture.derivationExpression(
      name: "floating-\(token)",
      attributes: #"__contentAddressed = true; outputHashMode = "recursive"; outputHashAlgo = "sha256";"#
    )
    let path = try await NixFixture.instantiate(floating)
    let derivation = try readAndRoundTrip(path)
    #expect(
      derivation.outputKind
        == .contentAddressedFloating(OutputHashAlgorithm(method: .recursive, algorithm: "sha256")))
    #expect(derivation.outputs[0].path.isEmpty)
    #expect(!derivation.outputKind.hasKnownPath)

    // An input-addressed derivation depending on a floating one has deferred outputs.
    let dependent = NixFixture.derivationExpression(
      name: "deferred-\(token)",
      attributes: "dependency = \(floating);"
    )
    let dependentPath = try await NixFixture.instantiate(dependent)
    let dependentDerivation = try readAndRoundTrip(dependentPath)
    #expect(dependentDerivation.outputKind == .deferred)
    #expect(
      dependentDerivation.inputDerivations == [Derivation.InputDerivation(path: path, outputs: ["out"])])
  }

  @Test func inputsAndSources() async throws {
    let token = NixFixture.uniqueToken()
    let source = try NixFixture.writeFile(named: "source-\(token).txt", contents: "hello\n")
    let dependency = NixFixture.derivationExpression(
      name: "dependency-\(token)", attributes: #"outputs = [ "out" "dev" ];"#)
    let path = try await NixFixture.instantiate(
      NixFixture.derivationExpression(
        name: "consumer-\(token)",
        attributes: "src = \(source); dependency = (\(dependency)).dev; other = \(dependency);"
      )
    )
    let derivation = try readAndRoundTrip(path)
    #expect(derivation.inputDerivations.count == 1)
    #expect(derivation.inputDerivations.first?.outputs == ["dev", "out"])
    #expect(derivation.inputSources.count == 1)
    #expect(derivation.inputSources.first?.hasSuffix("-source-\(token).txt") == true)
  }

  @Test func editedDerivationSerializesItsChanges() async throws {
    let path = try await NixFixture.instantiate(
      NixFixture.derivationExpression(name: "edited-\(NixFixture.uniqueToken())")
    )
    var derivation = try Derivation.read(path: path)
    derivation.environment.append(Derivation.EnvironmentVariable(name: "zz", value: "line\nnext"))
    let text = derivation.serialized()
    #expect(text.hasSuffix(#"("zz","line\nnext")])"#))
    #expect(try Derivation(parsing: text, origin: "edited") == derivation)
  }
}
