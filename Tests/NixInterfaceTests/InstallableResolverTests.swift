import Derivations
import Foundation
import NixInterface
import PhasesplitTestSupport
import Testing

/// Resolution of each installable form against the real Nix store.
@Suite(.tags(.nix), .requiresNix) struct InstallableResolverTests {
  let resolver = InstallableResolver()

  /// A Nix file whose function builds a tiny derivation named after its arguments.
  func writePackageFile(token: String) throws -> String {
    try NixFixture.writeFile(
      named: "package.nix",
      contents: """
        { suffix ? "plain", label ? "none" }:
        {
          pkg = \(NixFixture.derivationExpression(name: "installable-\(token)-${suffix}", attributes: "inherit label;", script: "echo ok > $out"));
          two = {
            a = \(NixFixture.derivationExpression(name: "installable-\(token)-a"));
            b = \(NixFixture.derivationExpression(name: "installable-\(token)-b"));
          };
          notADerivation = 42;
          empty = { };
        }
        """
    )
  }

  @Test func derivationPath() async throws {
    let path = try await NixFixture.instantiate(
      NixFixture.derivationExpression(name: "drvpath-\(NixFixture.uniqueToken())"))
    #expect(try await resolver.resolve(.path(path)) == [path])
  }

  @Test func fileWithAttributeAndArguments() async throws {
    let token = NixFixture.uniqueToken()
    let file = try writePackageFile(token: token)
    let arguments = [
      NixArgument(name: "suffix", value: .expression("\"x\" + \"y\"")),
      NixArgument(name: "label", value: .string("a b")),
    ]
    let paths = try await resolver.resolve(.file(file, attribute: "pkg", arguments: arguments))
    let derivation = try Derivation.read(path: try #require(paths.first))
    #expect(paths.count == 1)
    #expect(derivation.name == "installable-\(token)-xy")
    #expect(derivation.environmentValue("label") == "a b")
  }

  @Test func fileWithSeveralDerivations() async throws {
    let token = NixFixture.uniqueToken()
    let file = try writePackageFile(token: token)
    let paths = try await resolver.resolve(.file(file, attribute: "two", arguments: []))
    #expect(
      try paths.map { try Derivation.read(path: $0).name } == [
        "installable-\(token)-a", "installable-\(token)-b",
      ])
  }

  @Test func outputPathAndSymlinkToIt() async throws {
    let token = NixFixture.uniqueToken()
    let file = try writePackageFile(token: token)
    let drvPaths = try await resolver.resolve(.file(file, attribute: "pkg", arguments: []))
    let directory = try TemporaryDirectory.make("installable")
    let link = directory.appendingPathComponent("result").path
    let outputs = try await TestPackage.nixRunner.realise(
      drvPaths, options: NixBuildOptions(outLink: .path(link)))
    let output = try #require(outputs.first)
    #expect(try await resolver.resolve(.path(output)) == drvPaths)
    #expect(try await resolver.resolve(.path(link)) == drvPaths)
  }

  @Test func missingAttributeCarriesNixMessage() async throws {
    let file = try writePackageFile(token: NixFixture.uniqueToken())
    await #expect {
      _ = try await resolver.resolve(.file(file, attribute: "nope", arguments: []))
    } throws: { error in
      guard case .evaluationFailed(_, let attribute, let nixError)? = error as? InstallableError else {
        return false
      }
      #expect(attribute == "nope")
      #expect(nixError.nixErrorMessage?.contains("attribute 'nope'") == true, "\(nixError)")
      #expect("\(error)".contains("cannot instantiate attribute 'nope' of \(file)"))
      return true
    }
  }

  @Test func attributeThatIsNotADerivation() async throws {
    let file = try writePackageFile(token: NixFixture.uniqueToken())
    await #expect {
      _ = try await resolver.resolve(.file(file, attribute: "notADerivation", arguments: []))
    } throws: { error in
      guard case .evaluationFailed(_, _, let nixError)? = error as? InstallableError else { return false }
      return nixError.nixErrorMessage?.contains("does not evaluate to a derivation") == true
    }
    await #expect(throws: InstallableError.noDerivations(file: file, attribute: "empty")) {
      _ = try await resolver.resolve(.file(file, attribute: "empty", arguments: []))
    }
  }

  @Test func missingFile() async throws {
    let file = "/nonexistent-\(NixFixture.uniqueToken())/default.nix"
    await #expect(throws: InstallableError.pathNotFound(file)) {
      _ = try await resolver.resolve(.file(file, attribute: nil, arguments: []))
    }
    await #expect(throws: InstallableError.pathNotFound(file)) {
      _ = try await resolver.resolve(.path(file))
    }
  }

  @Test func pathOutsideTheStore() async throws {
    let file = try writePackageFile(token: NixFixture.uniqueToken())
    await #expect {
      _ = try await resolver.resolve(.path(file))
    } throws: { error in
      guard let error = error as? InstallableError, case .notInStore = error else { return false }
      return "\(error)".contains("-f \(file)")
    }
  }

  @Test func outputWithoutDeriver() async throws {
    let source = try NixFixture.writeFile(named: "added-\(NixFixture.uniqueToken()).txt", contents: "data\n")
    let added = try await TestPackage.nixRunner.addToStore(path: source)
    #expect(added.hasPrefix("/nix/store/"))
    await #expect(throws: InstallableError.unknownDeriver(outputPath: added)) {
      _ = try await resolver.resolve(.path(added))
    }
  }

  @Test func invalidStorePath() async throws {
    let missing = "/nix/store/" + String(repeating: "0", count: 32) + "-missing-\(NixFixture.uniqueToken())"
    await #expect(throws: InstallableError.pathNotFound(missing)) {
      _ = try await resolver.resolve(.path(missing))
    }
  }
}
