import Foundation
import PhasesplitTestSupport
import Testing

/// The phasesplit that segment builds run is self-contained: its store closure is the one
/// executable, which runs in a sandbox that holds nothing of the host; wrap files name it and the
/// Nix library by store path, so they work without the checkout's build directory.
@Suite(.tags(.nix), .requiresNix) struct InBuildToolTests {
  typealias Support = SessionTestSupport

  /// The store path a wrap file names for `key` (`phasesplit` or `phasesplitLib = import`).
  static func storePath(after key: String, in text: String) throws -> String {
    let marker = key + " (builtins.storePath \""
    let start = try #require(text.range(of: marker), "no \(key) store reference in:\n\(text)").upperBound
    return String(text[start...].prefix { $0 != "\"" })
  }

  /// The fixtures' settings without their extra sandbox paths: nothing of the host is visible.
  static var isolatedConfiguration: String {
    (TestPackage.nixEnvironment["NIX_CONFIG"] ?? "").split(separator: "\n")
      .filter { !$0.hasPrefix("extra-sandbox-paths") }.joined(separator: "\n")
  }

  /// A store path holding Debian's static busybox with links for the applets the check uses.
  static func busyboxStorePath(in directory: String) throws -> String {
    let busybox = "/bin/busybox"
    try #require(
      FileManager.default.isExecutableFile(atPath: busybox), "install busybox-static (scripts/setup.sh does)")
    let tools = directory + "/busybox"
    try FileManager.default.createDirectory(atPath: tools, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: busybox, toPath: tools + "/busybox")
    for applet in ["sh", "mkdir", "cat", "ln", "readlink", "echo", "test", "["] {
      try FileManager.default.createSymbolicLink(atPath: tools + "/" + applet, withDestinationPath: "busybox")
    }
    let added = try Support.run(["nix-store", "--add", tools])
    try #require(added.status == 0, "\(added.standardError)")
    return added.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  static let checkExpression = #"""
    { tool, busybox, salt }:
    derivation {
      name = "phasesplit-in-build-check-${salt}";
      system = builtins.currentSystem;
      builder = "${builtins.storePath busybox}/sh";
      PATH = "${builtins.storePath busybox}";
      phasesplit = "${builtins.storePath tool}";
      args = [ "-e" "-c" ''
        for host in /bin /usr /lib /lib64 /etc/ld.so.cache; do
          if [ -e "$host" ]; then echo "the sandbox shows the host's $host" >&2; exit 1; fi
        done
        mkdir -p tree/sub
        echo hello > tree/sub/file
        ln -s sub/file tree/link
        old=$PWD/store/00000000000000000000000000000000-demo
        new=$PWD/store/11111111111111111111111111111111-demo
        mkdir -p "$old"
        echo "$old/self" > "$old/self"
        echo "ref $old" > tree/ref
        "$phasesplit" pack tree -o tree.tar.zst
        "$phasesplit" unpack tree.tar.zst -C restored
        NIX_STORE_DIR=$PWD/store "$phasesplit" relocate --store-path "$old=$new" --in restored
        mkdir "$out"
        "$phasesplit" list tree.tar.zst > "$out/listing"
        cat restored/sub/file > "$out/file"
        readlink restored/link > "$out/link"
        cat restored/ref > "$out/ref"
        cat "$new/self" > "$out/self"
        if [ -e "$old" ]; then echo "relocate left $old" >&2; exit 1; fi
      '' ];
    }
    """#

  @Test func runsInASandboxWithNothingOfTheHost() throws {
    let directory = try Support.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let wrapped = try Support.phasesplit(["wrap", "-f", Support.fixtures, "-A", "plainMake"])
    #expect(wrapped.status == 0, "\(wrapped.standardError)")
    let tool = try Self.storePath(after: "phasesplit =", in: wrapped.standardOutput)
    #expect(tool.hasPrefix("/nix/store/"))
    #expect(!wrapped.standardOutput.contains("/.build/"))

    let closure = try Support.run(["nix-store", "--query", "--requisites", tool])
    #expect(
      closure.standardOutput.split(separator: "\n") == [tool[...]], "the closure is the executable alone")
    let headers = try Support.run(["readelf", "--program-headers", "--dynamic", "--wide", tool])
    #expect(headers.status == 0, "\(headers.standardError)")
    for line in headers.standardOutput.split(separator: "\n") {
      if let interpreter = line.range(of: "program interpreter: ") {
        #expect(line[interpreter.upperBound...].hasPrefix("/nix/store/"), "\(line)")
      }
      if line.contains("(NEEDED)") || line.contains("(RUNPATH)") || line.contains("(RPATH)") {
        #expect(line.contains("/nix/store/"), "a library from outside the store: \(line)")
      }
    }

    let file = directory + "/check.nix"
    try Self.checkExpression.write(toFile: file, atomically: true, encoding: .utf8)
    let built = try Support.run(
      [
        "nix-build", file, "--no-out-link", "--argstr", "tool", tool, "--argstr", "busybox",
        try Self.busyboxStorePath(in: directory), "--argstr", "salt", Support.uniqueSalt(),
      ], environment: ["NIX_CONFIG": Self.isolatedConfiguration])
    try #require(built.status == 0, "\(built.standardError)")
    let out = try #require(built.standardOutput.split(separator: "\n").last.map(String.init))
    func read(_ name: String) throws -> String {
      try String(contentsOfFile: out + "/" + name, encoding: .utf8)
    }
    let listing = try read("listing")
    #expect(listing.contains(" sub/file\n"), "\(listing)")
    #expect(listing.contains(" link -> sub/file\n"), "\(listing)")
    #expect(try read("file") == "hello\n")
    #expect(try read("link") == "sub/file\n")
    #expect(try read("ref") == "ref /build/store/11111111111111111111111111111111-demo\n")
    #expect(try read("self") == "/build/store/11111111111111111111111111111111-demo/self\n")
  }

  /// An executable that needs the host's loader is refused for segment builds, with what to do.
  @Test func refusesAToolThatNeedsTheHost() throws {
    let refused = try Support.phasesplit(
      ["wrap", "-f", Support.fixtures, "-A", "plainMake"],
      environment: ["PHASESPLIT_IN_BUILD_TOOL": "/bin/sh"])
    #expect(refused.status != 0)
    #expect(refused.standardError.contains("/bin/sh is loaded by /lib"), "\(refused.standardError)")
    #expect(refused.standardError.contains("bash scripts/build.sh"))
  }

  /// A wrap file written by a phasesplit installed elsewhere, then copied to another directory
  /// after that installation (executable and nix-lib) is gone, still evaluates and builds.
  @Test func wrapFileBuildsWithoutTheToolsDirectory() throws {
    let directory = try Support.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let installed = directory + "/installed"
    try FileManager.default.createDirectory(atPath: installed + "/bin", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
      atPath: installed + "/share/phasesplit", withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: try TestPackage.sandboxTool(), toPath: installed + "/bin/phasesplit")
    try FileManager.default.copyItem(
      atPath: TestPackage.root.appendingPathComponent("nix-lib").path,
      toPath: installed + "/share/phasesplit/nix-lib")
    let salt = String(Support.uniqueSalt().prefix(8))
    let first = directory + "/first/split.nix"
    try FileManager.default.createDirectory(atPath: directory + "/first", withIntermediateDirectories: true)
    let state = directory + "/state"
    let wrapped = try Support.run(
      [
        installed + "/bin/phasesplit", "wrap", "-f", Support.fixtures, "-A", "plainMake", "--argstr",
        "nameSuffix", "x" + salt, "-o", first,
      ], environment: ["PHASESPLIT_STATE_DIR": state, "PHASESPLIT_IN_BUILD_TOOL": ""])
    try #require(wrapped.status == 0, "\(wrapped.standardError)")
    try FileManager.default.removeItem(atPath: installed)
    try FileManager.default.createDirectory(
      atPath: directory + "/elsewhere", withIntermediateDirectories: true)
    let copy = directory + "/elsewhere/split.nix"
    try FileManager.default.moveItem(atPath: first, toPath: copy)
    let text = try String(contentsOfFile: copy, encoding: .utf8)
    #expect(!text.contains(installed) && !text.contains("/.build/"), "\(text)")
    // The store paths the file names are garbage-collector roots, so a collection keeps them.
    let named = [
      try Self.storePath(after: "phasesplit =", in: text),
      try Self.storePath(after: "phasesplitLib = import", in: text),
    ]
    let rooted = try ["phasesplit", "nix-lib"].map {
      try FileManager.default.destinationOfSymbolicLink(atPath: state + "/tool-roots/" + $0)
    }
    #expect(rooted == named)
    let collected = try Support.run(["nix-store", "--delete"] + named)
    #expect(
      collected.status != 0 && collected.standardError.contains("still alive"), "\(collected.standardError)")

    let built = try Support.run(["nix-build", copy, "--no-out-link"])
    try #require(built.status == 0, "\(built.standardError)")
    let out = try #require(built.standardOutput.split(separator: "\n").last.map(String.init))
    #expect(out.hasSuffix("-plain-greetx\(salt)-1.0"))
    #expect(FileManager.default.isExecutableFile(atPath: out + "/bin/plain-greet"))
  }
}
