import Derivations
import Foundation
import NixInterface
import PhasesplitTestSupport
import Synchronization
import Testing

@Suite struct NixRunnerTests {
  @Test(.tags(.nix), .requiresNix) func evaluatesToJSON() async throws {
    let value = try await TestPackage.nixRunner.evaluate(expression: #"{ b = [ true "x" 1 ]; a = null; }"#)
    #expect(
      value
        == .object([
          .init(key: "a", value: .null),
          .init(key: "b", value: .array([.bool(true), .string("x"), .number("1")])),
        ]))
  }

  @Test(.tags(.nix), .requiresNix) func failureCarriesCommandAndStandardError() async throws {
    await #expect {
      _ = try await TestPackage.nixRunner.evaluate(expression: "throw \"phasesplit-probe-failure\"")
    } throws: { error in
      guard let error = error as? NixCommandError else { return false }
      #expect(error.reason == .exited(1))
      #expect(error.commandLine.first == "nix-instantiate")
      #expect(error.nixErrorMessage?.contains("phasesplit-probe-failure") == true)
      #expect(error.description.contains("nix-instantiate --eval --json --strict -E 'throw"))
      return true
    }
  }

  @Test func missingProgramIsReported() async throws {
    let runner = NixRunner(binaryDirectory: "/nonexistent-\(NixFixture.uniqueToken())")
    await #expect {
      _ = try await runner.evaluate(expression: "1")
    } throws: { error in
      guard let error = error as? NixCommandError, case .couldNotStart = error.reason else { return false }
      return true
    }
  }

  @Test(.tags(.nix), .requiresNix) func dryRunThenBuildStreamsLog() async throws {
    let token = NixFixture.uniqueToken()
    let path = try await NixFixture.instantiate(
      NixFixture.derivationExpression(
        name: "streamed-\(token)", script: "/bin/sleep 0.5; echo building-\(token); echo ok > $out")
    )
    let runner = TestPackage.nixRunner
    let report = try await runner.dryRun([path])
    #expect(report.derivationsToBuild == [path])
    let lines = Mutex<[String]>([])
    let outputs = try await runner.realise(
      [path], options: NixBuildOptions(extraArguments: ["--log-format", "internal-json"])
    ) { line in
      lines.withLock { $0.append(line) }
    }
    let derivation = try Derivation.read(path: path)
    #expect(outputs == [derivation.outputs[0].path])
    #expect(lines.withLock { $0.contains { $0.hasPrefix("@nix ") && $0.contains("building-\(token)") } })
    #expect(try await runner.dryRun([path]).derivationsToBuild.isEmpty)
    #expect(try await runner.queryDeriver(of: outputs[0]) == path)
  }

  @Test(.tags(.nix), .requiresNix) func failedBuildKeepsLogTail() async throws {
    let token = NixFixture.uniqueToken()
    let path = try await NixFixture.instantiate(
      NixFixture.derivationExpression(name: "failing-\(token)", script: "echo failure-\(token) >&2; exit 3")
    )
    await #expect {
      _ = try await TestPackage.nixRunner.realise([path])
    } throws: { error in
      guard let error = error as? NixCommandError else { return false }
      return error.standardErrorTail.contains { $0.contains("failure-\(token)") }
    }
  }

  @Test func dryRunParsing() {
    let text = """
      these 2 derivations will be built:
        /nix/store/aaaa-a.drv
        /nix/store/bbbb-b.drv
      this path will be fetched (0.01 MiB download, 0.05 MiB unpacked):
        /nix/store/cccc-c
      warning: something
      """
    let report = DryRunReport(parsingDryRunOutput: text)
    #expect(report.derivationsToBuild == ["/nix/store/aaaa-a.drv", "/nix/store/bbbb-b.drv"])
    #expect(report.pathsToFetch == ["/nix/store/cccc-c"])
  }
}
