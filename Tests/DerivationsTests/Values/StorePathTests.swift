import Derivations
import Testing

@Suite struct StorePathTests {
  @Test func parsesParts() throws {
    let path = try StorePath(parsing: "/nix/store/dcbmgjh3vxxl8ibcxilwb757cz2fzmln-hello-2.10.drv")
    #expect(path.hashPart == "dcbmgjh3vxxl8ibcxilwb757cz2fzmln")
    #expect(path.name == "hello-2.10.drv")
    #expect(path.isDerivation)
    #expect(path.path == "/nix/store/dcbmgjh3vxxl8ibcxilwb757cz2fzmln-hello-2.10.drv")
  }

  @Test func findsTheStorePathContainingAFile() throws {
    let path = try StorePath(containing: "/nix/store/dcbmgjh3vxxl8ibcxilwb757cz2fzmln-bash/bin/sh")
    #expect(path.name == "bash")
    #expect(!path.isDerivation)
  }

  @Test func otherStoreDirectory() throws {
    let path = try StorePath(
      parsing: "/tmp/store/dcbmgjh3vxxl8ibcxilwb757cz2fzmln-x", storeDirectory: "/tmp/store")
    #expect(path.storeDirectory == "/tmp/store")
    #expect(throws: StorePathError.self) { try StorePath(parsing: path.path) }
  }

  @Test(arguments: [
    "/usr/bin/sh",
    "/nix/store/short-name",
    "/nix/store/dcbmgjh3vxxl8ibcxilwb757cz2fzmlnhello",
    "/nix/store/dcbmgjh3vxxl8ibcxilwb757cz2fzmle-hello",
    "/nix/store/dcbmgjh3vxxl8ibcxilwb757cz2fzmln-",
    "/nix/store/dcbmgjh3vxxl8ibcxilwb757cz2fzmln-.hidden",
    "/nix/store/dcbmgjh3vxxl8ibcxilwb757cz2fzmln-with space",
    "/nix/store/dcbmgjh3vxxl8ibcxilwb757cz2fzmln-a/b",
  ])
  func rejectsInvalidPaths(_ text: String) {
    #expect(throws: StorePathError.self) { try StorePath(parsing: text) }
  }

  @Test func nameOfAPathForDisplay() {
    #expect(
      StorePath.name(of: "/nix/store/dcbmgjh3vxxl8ibcxilwb757cz2fzmln-hello-2.10.drv") == "hello-2.10.drv")
    #expect(StorePath.name(of: "/other/store/dcbmgjh3vxxl8ibcxilwb757cz2fzmln-hello") == "hello")
    // not a store path: the last component, hash-like prefix and all
    #expect(
      StorePath.name(of: "/nix/store/dcbmgjh3vxxl8ibcxilwb757cz2fzmle-hello")
        == "dcbmgjh3vxxl8ibcxilwb757cz2fzmle-hello")
    #expect(StorePath.name(of: "/tmp/x") == "x")
    #expect(StorePath.name(of: "https://example.org/src/hello-2.10.tar.gz") == "hello-2.10.tar.gz")
    #expect(StorePath.name(of: "x") == "x")
  }

  @Test func errorNamesTheProblem() {
    #expect(
      throws: StorePathError.invalidHashPart(
        path: "/nix/store/dcbmgjh3vxxl8ibcxilwb757cz2fzmle-hello",
        hashPart: "dcbmgjh3vxxl8ibcxilwb757cz2fzmle"
      )
    ) {
      try StorePath(parsing: "/nix/store/dcbmgjh3vxxl8ibcxilwb757cz2fzmle-hello")
    }
  }
}
