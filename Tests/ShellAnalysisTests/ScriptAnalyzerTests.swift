import ShellAnalysis
import Testing

/// Focused checks of individual analysis rules (the corpus covers whole scripts).
struct ScriptAnalyzerTests {
  @Test func assignmentsAndExpansions() {
    let analysis = ScriptAnalyzer.analyze(#"x=$y; z+="${w:-$v}"; echo "$(basename "$src")" > $out/log"#)
    #expect(analysis.writes == ["x", "z"])
    #expect(analysis.reads == ["y", "z", "w", "v", "src", "out"])
    #expect(analysis.commandsCalled == ["echo", "basename"])
    #expect(analysis.outputsUsed == ["out"])
    #expect(analysis.readsSource)
    #expect(analysis.isCertain)
  }

  /// Scripts with the exact variables they read and write.
  static let readWriteCases: [(script: String, reads: Set<String>, writes: Set<String>)] = [
    ("a[i]=1", ["a", "i"], ["a"]),
    ("a[$j]=1", ["a", "j"], ["a"]),
    ("declare -A m=([k]=$v); m[key]=1; echo ${m[name]} ${n[i]}", ["m", "v", "n", "i"], ["m"]),
    ("local -A m; echo ${m[$k]}", ["m", "k"], ["m"]),
    (": ${x:=default}", ["x"], ["x"]),
    ("printf -vname %s 1", [], ["name"]),
    ("declare -p shown", ["shown"], []),
    ("declare -f helper; declare -F", [], []),
    ("unset 'arr[1]' plain", [], ["arr", "plain"]),
    ("read", [], ["REPLY"]),
    ("read -a parts -p prompt", [], ["parts"]),
    ("mapfile", [], ["MAPFILE"]),
    ("getopts ab: flag", ["OPTIND"], ["flag", "OPTARG", "OPTIND"]),
    ("let 'n = m << 2' k++", ["m", "k"], ["n", "k"]),
    ("echo $(( x <<= 1 )) $(( y == z ))", ["x", "y", "z"], ["x"]),
    ("echo $(( 16#ff + 0x1F + base#1 ))", ["base"], []),
    ("[[ -v name[1] && count -gt 3 ]]", ["name", "count"], []),
    ("echo ${#items[@]} ${arr[@]:offset:len}", ["items", "arr", "offset", "len"], []),
    ("select choice in a b; do :; done", [], ["choice"]),
    ("local x y=2 z", [], ["x", "y", "z"]),
    ("declare -x x; typeset -r y", ["x", "y"], ["x", "y"]),
    ("export A B=1", ["A"], ["A", "B"]),
    ("typeset -i counter=0", [], ["counter"]),
    ("echo $1 $@ $# $? ${10} $$", [], []),
    ("runHook preFoo; runOneHook fooHook", ["preFoo", "preFooHooks", "fooHook", "fooHooks"], []),
    ("substituteInPlace f --subst-var a --subst-var-by b c --replace-fail d e", ["a"], []),
  ]

  @Test(arguments: readWriteCases)
  func readsAndWrites(script: String, reads: Set<String>, writes: Set<String>) {
    let analysis = ScriptAnalyzer.analyze(script)
    #expect(analysis.reads == reads)
    #expect(analysis.writes == writes)
  }

  /// Scripts with the one uncertainty they must report.
  static let uncertainCases: [(script: String, kind: Uncertainty.Kind)] = [
    ("eval x", Uncertainty.Kind.eval),
    ("source f", .sourcedFile),
    (". ./f", .sourcedFile),
    ("builtin source f", .sourcedFile),
    ("command eval x", .eval),
    ("echo ${!1}", .indirectExpansion),
    ("echo ${!name}", .indirectExpansion),
    ("declare -n ref=x", .nameReference),
    ("typeset -n ref", .nameReference),
    ("read \"$name\"", .dynamicVariableName),
    ("unset \"$var\"", .dynamicVariableName),
    ("printf -v \"$var\" x", .dynamicVariableName),
    ("trap 'cleanup' EXIT", .trapHandler),
    ("trap \"$handler\" EXIT", .trapHandler),
    ("echo 'unclosed", .unparseable),
    ("echo ${", .unparseable),
    ("substituteAllInPlace config.h", .indirectExpansion),
    ("runHook \"$hookName\"", .indirectExpansion),
    ("substitute a b --subst-var \"$name\"", .indirectExpansion),
  ]

  @Test(arguments: uncertainCases)
  func uncertainConstructs(script: String, kind: Uncertainty.Kind) {
    let analysis = ScriptAnalyzer.analyze(script)
    #expect(analysis.uncertainties.map(\.kind) == [kind])
    #expect(!analysis.isCertain)
  }

  @Test(arguments: [
    "trap - EXIT" as String, "trap '' INT", "trap -p", "export -n X", "echo ${!outputInclude}",
    "echo ${!pre*}",
  ])
  func certainConstructs(script: String) {
    #expect(ScriptAnalyzer.analyze(script).isCertain)
  }

  @Test func uncertaintyPositionsAreLineAndColumn() {
    let analysis = ScriptAnalyzer.analyze("echo ok\n  eval \"$x\"\necho ${!y}\n")
    #expect(
      analysis.uncertainties.map(\.position) == [
        SourcePosition(line: 2, column: 3, offset: 10), SourcePosition(line: 3, column: 6, offset: 25),
      ])
  }

  @Test func outputIndirectionsUseEveryOutput() {
    let analysis = ScriptAnalyzer.analyze("cp x ${!outputDoc}/share", outputNames: ["out", "doc", "dev"])
    #expect(analysis.outputsUsed == ["out", "doc", "dev"])
    #expect(analysis.reads == ["outputDoc"])
    #expect(analysis.isCertain)
  }

  @Test func outputsAreLimitedToTheGivenNames() {
    let analysis = ScriptAnalyzer.analyze(
      "cp a $out/ ; cp b $dev/ ; cp c $bin/", outputNames: ["out", "bin"])
    #expect(analysis.outputsUsed == ["out", "bin"])
  }

  /// Scripts and whether they change the working directory of the phase's shell.
  static let directoryCases: [(script: String, changes: Bool)] = [
    ("cd build", true), ("pushd x", true), ("popd", true), ("builtin cd x", true), ("f() { cd x; }", true),
    ("(cd x; make)", false), ("echo $(cd x && pwd)", false), ("diff <(cd a && ls) b", false),
    ("echo cd", false), ("if true; then cd x; fi", true),
  ]

  @Test(arguments: directoryCases)
  func directoryChanges(script: String, changes: Bool) {
    #expect(ScriptAnalyzer.analyze(script).changesDirectory == changes)
  }

  @Test func functionDefinitionsAndCalls() {
    let analysis = ScriptAnalyzer.analyze(
      """
      a() { b; }
      function c() { :; }
      function d { command -v e >/dev/null; }
      a && c || d
      """)
    #expect(analysis.functionsDefined == ["a", "c", "d"])
    #expect(analysis.commandsCalled == ["a", "b", "c", "d", ":", "command"])
  }

  @Test func reservedWordsAreNotCommands() {
    let analysis = ScriptAnalyzer.analyze(
      "if a; then b; elif c; then d; else e; fi; while f; do g; done; until h; do i; done; { j; }; ! k; time l"
    )
    #expect(analysis.commandsCalled == ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"])
  }

  @Test func knownAssociativeArraysHaveKeySubscripts() {
    let script = #"echo "${settings[audience]}" "${other[index]}""#
    #expect(ScriptAnalyzer.analyze(script).reads == ["settings", "audience", "other", "index"])
    let knowing = ScriptAnalyzer.analyze(script, outputNames: ["out"], associativeArrays: ["settings"])
    #expect(knowing.reads == ["settings", "other", "index"])
  }

  @Test func loopHeadersOnTheirOwnLine() {
    let analysis = ScriptAnalyzer.analyze("for a\ndo one \"$a\"; done\nfor b\nin x y\ndo two; done")
    #expect(analysis.commandsCalled == ["one", "two"])
    #expect(analysis.writes == ["a", "b"])
    #expect(analysis.reads == ["a"])
  }

  @Test func casePatternsAreNotCommands() {
    let analysis = ScriptAnalyzer.analyze(
      "case $x in\n  (a|b) one ;;\n  $pat) two ;&\n  *) three ;;&\nesac\nafter")
    #expect(analysis.commandsCalled == ["one", "two", "three", "after"])
    #expect(analysis.reads == ["x", "pat"])
  }
}
