import Basics
import Foundation
import PhasesplitTestSupport
import Testing

/// Issue 13, acceptance 5: a split package through a Nix remote builder on this machine
/// (`bench/remote-builder.sh`: sshd on 127.0.0.1 with keys made for the run, a chroot store as
/// the builder's store). The script checks that the segments are built on the builder, that an
/// install failure is resumed by building only the final segment (there), and that `phasesplit
/// enter` restores a segment built remotely; this test runs it and checks its report.
@Suite(.tags(.nix), .requiresNix) struct RemoteBuilderTests {
  /// Why the remote builder cannot run here, or nil when it can.
  static var unavailableReason: String? {
    if geteuid() != 0 { return "the loopback sshd and the chroot store need root" }
    for tool in ["/usr/sbin/sshd", "/usr/bin/ssh", "/usr/bin/jq"]
    where !FileManager.default.isExecutableFile(atPath: tool) {
      return
        "\(tool) is missing (apt-get install openssh-server openssh-client jq); run bash bench/remote-builder.sh by hand"
    }
    if !SessionTestSupport.toolRunsInSandbox {
      return "no release phasesplit to run in the sandbox (bash scripts/build.sh)"
    }
    return nil
  }

  @Test(.enabled(if: unavailableReason == nil, Comment(rawValue: unavailableReason ?? "")))
  func segmentsBuildRemotelyResumeRemotelyAndCanBeEntered() throws {
    let tool = try #require(SessionTestSupport.tool)
    let result = try SessionTestSupport.run([
      "/bin/bash", SessionTestSupport.packageDirectory + "/bench/remote-builder.sh", tool,
    ])
    #expect(result.status == 0, "\(result.standardOutput)\n\(result.standardError)")
    let lines = result.standardOutput.split(separator: "\n").map(String.init)
    #expect(lines.filter { $0.hasPrefix("built on the builder and copied back: ") }.count >= 2, "\(lines)")
    #expect(lines.contains { $0.hasPrefix("Hello, remote!") }, "\(lines)")
    #expect(lines.contains { $0.hasPrefix("final segment built on the builder: ") }, "\(lines)")
    #expect(lines.last == "== remote builder: all checks passed")
  }
}
