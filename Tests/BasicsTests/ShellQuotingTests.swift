import Basics
import PhasesplitTestSupport
import Testing

@Suite struct ShellQuotingTests {
  /// The words `sh` gets back from `command`, each printed NUL-terminated.
  func wordsAsTheShellReadsThem(_ command: String) throws -> [String] {
    let result = try CommandRunner.plain.runCapturingBytes("/bin/sh", ["-c", "printf '%s\\0' " + command])
    try #require(result.status == 0, "\(result.error)")
    return result.bytes.split(separator: 0, omittingEmptySubsequences: false).dropLast().map {
      String(decoding: $0, as: UTF8.self)
    }
  }

  static let trickyWords = [
    "plain", "", "with space", "it's", "'", "''", "$HOME", "`id`", "a\"b", "back\\slash", "tab\there",
    "new\nline", "*", "~", "#", "a;b", "x=1", "/nix/store/abc-hello-2.10", "100%", "e\u{301}", "'\u{301}",
  ]

  @Test func theShellReadsBackEveryWord() throws {
    #expect(try wordsAsTheShellReadsThem(ShellQuoting.commandLine(Self.trickyWords)) == Self.trickyWords)
    let alwaysQuoted = Self.trickyWords.map(ShellQuoting.singleQuoted).joined(separator: " ")
    #expect(try wordsAsTheShellReadsThem(alwaysQuoted) == Self.trickyWords)
  }

  @Test func plainWordsStayReadable() {
    #expect(
      ShellQuoting.commandLine(["nix-build", "-A", "hello", "/nix/store/abc-x.drv^out"])
        == "nix-build -A hello '/nix/store/abc-x.drv^out'")
    #expect(ShellQuoting.quote("") == "''")
    #expect(ShellQuoting.singleQuoted("out") == "'out'")
  }
}
