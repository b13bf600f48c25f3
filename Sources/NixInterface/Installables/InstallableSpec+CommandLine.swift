import Basics

extension InstallableSpec {
  /// The installable a positional command-line word names, decided as `nix build` decides:
  /// a word with `#`, or one that starts with a URL scheme (`path:`, `git+file:`, `github:`,
  /// `flake:`, …), is a flake installable; so is a directory outside the store that holds a
  /// `flake.nix` (its default package). Any other word is a store path (a `.drv`, an output, or
  /// a symlink to one such as `./result`).
  public static func named(by word: String, impure: Bool = false) -> InstallableSpec {
    if word.contains("#") || hasScheme(word) || isFlakeDirectory(word) {
      return .flake(FlakeInstallable(word: word, impure: impure))
    }
    return .path(word)
  }

  /// Whether `word` starts with `SCHEME:` (a letter, then letters, digits, `+`, `-`, `.`).
  static func hasScheme(_ word: String) -> Bool {
    guard let colon = word.firstIndex(of: ":"), let first = word.first, first.isASCII, first.isLetter else {
      return false
    }
    return word[..<colon].allSatisfy {
      $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".")
    }
  }

  /// Whether `path` is a directory holding `flake.nix` (not a path into the store).
  static func isFlakeDirectory(_ path: String) -> Bool {
    guard !path.hasPrefix("/nix/store/") else { return false }
    var status = stat()
    guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else { return false }
    return access(path + "/flake.nix", F_OK) == 0
  }
}
