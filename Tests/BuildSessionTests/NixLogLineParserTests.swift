import Testing

@testable import BuildSession

/// Lines as Nix 2.8 printed them for a probe derivation (see BuildLogStreamTests for the live check).
@Suite struct NixLogLineParserTests {
  @Test func buildStartCarriesTheDerivationPath() {
    let line =
      #"@nix {"action":"start","fields":["/nix/store/g719qigbrsx5381isj4lsyzxvs8wiqqc-logprobe-1.drv","",1,1],"#
      + #""id":34067680591877,"level":3,"text":"building '/nix/store/g719-logprobe-1.drv'","type":105}"#
    #expect(
      NixLogLineParser.parse(line)
        == .start(
          activity: 34_067_680_591_877, type: 105, text: "building '/nix/store/g719-logprobe-1.drv'",
          derivationPath: "/nix/store/g719qigbrsx5381isj4lsyzxvs8wiqqc-logprobe-1.drv"))
  }

  @Test func nonBuildStartHasNoDerivationPath() {
    let line =
      #"@nix {"action":"start","id":7,"level":6,"text":"querying info about missing paths","type":0}"#
    #expect(
      NixLogLineParser.parse(line)
        == .start(activity: 7, type: 0, text: "querying info about missing paths", derivationPath: nil))
  }

  @Test func phaseMarkersAndLogLines() {
    #expect(
      NixLogLineParser.parse(#"@nix {"action":"result","fields":["unpackPhase"],"id":9,"type":104}"#)
        == .setPhase(activity: 9, phase: "unpackPhase"))
    #expect(
      NixLogLineParser.parse(#"@nix {"action":"result","fields":["in \"unpack\""],"id":9,"type":101}"#)
        == .buildLogLine(activity: 9, line: "in \"unpack\""))
    #expect(
      NixLogLineParser.parse(#"@nix {"action":"result","fields":[0,1,1,0],"id":3,"type":105}"#) == .other)
    #expect(NixLogLineParser.parse(#"@nix {"action":"stop","id":9}"#) == .stop(activity: 9))
  }

  @Test func errorMessagesLoseTheirColours() {
    let line =
      #"@nix {"action":"msg","column":null,"file":null,"level":0,"line":null,"msg":"\u001b[31;1merror:\u001b[0m "#
      + #"builder for '\u001b[35;1m/nix/store/i3n2-x.drv\u001b[0m' failed with exit code 3"}"#
    #expect(
      NixLogLineParser.parse(line)
        == .message(level: 0, text: "error: builder for '/nix/store/i3n2-x.drv' failed with exit code 3"))
  }

  @Test func plainLinesAreNotEventsAndGarbageIsOther() {
    #expect(NixLogLineParser.parse("warning: something") == nil)
    #expect(NixLogLineParser.parse("@nix {not json") == .other)
    #expect(NixLogLineParser.parse(#"@nix {"action":"result","id":1,"type":104}"#) == .other)
  }
}
