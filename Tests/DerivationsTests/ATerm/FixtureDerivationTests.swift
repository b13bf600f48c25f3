import Derivations
import Foundation
import NixInterface
import PhasesplitTestSupport
import Testing

/// Every `.drv` in the build graphs of the project's stdenv fixtures (`fixtures/default.nix`)
/// reads and writes back byte for byte, and the stdenv attributes come out right.
@Suite(.tags(.nix), .requiresNix) struct FixtureDerivationTests {
  static let fixturesFile = TestPackage.fixtures.appendingPathComponent("default.nix").path

  @Test func wholeFixtureGraphRoundTrips() async throws {
    let runner = TestPackage.nixRunner
    let roots = try await runner.instantiate(file: Self.fixturesFile)
    #expect(roots.count >= 10)
    let closure = try await runner.queryRequisites(of: roots).filter { $0.hasSuffix(".drv") }
    #expect(closure.count > roots.count)
    for path in closure {
      let text = try String(contentsOfFile: path, encoding: .utf8)
      let derivation = try Derivation.read(path: path)
      #expect(derivation.serialized() == text, "\(path)")
      #expect(derivation.outputs.allSatisfy { $0.kind != nil }, "\(path)")
      #expect(try StorePath(parsing: path).name == derivation.name + ".drv", "\(path)")
    }
  }

  @Test func stdenvAttributes() async throws {
    let runner = TestPackage.nixRunner
    let hello = try Derivation.read(
      path: try #require(try await runner.instantiate(file: Self.fixturesFile, attribute: "hello").first))
    #expect(hello.name == "hello-2.10")
    #expect(hello.attributes["pname"] == .string("hello"))
    #expect(hello.hasStructuredAttributes == false)
    let sources = try #require(
      hello.inputDerivations.first { $0.path.hasSuffix("hello_2.10.orig.tar.gz.drv") })
    let source = try Derivation.read(path: sources.path)
    guard case .fixed(let algorithm, let hash) = source.outputKind else {
      Issue.record("the source tarball should be a fixed-output derivation, got \(source.outputKind)")
      return
    }
    #expect(algorithm.algorithm == "sha256")
    #expect(hash.count == 64)

    let structuredPath = try #require(
      try await runner.instantiate(file: Self.fixturesFile, attribute: "structuredAttrs").first)
    let structured = try Derivation.read(path: structuredPath)
    #expect(structured.hasStructuredAttributes)
    #expect(structured.attributes["name"]?.jsonValue == .string(structured.name))
    #expect(structured.environmentValue("name") == nil)
  }
}
