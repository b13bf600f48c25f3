/// A flake installable as `nix build` takes it: a flake reference and an attribute path after
/// `#` (`.#hello`, `path:/src/proj#lib.foo`, `nixpkgs#hello`, `/src/proj` for the default package).
///
/// The attribute path is looked up as `nix build` (Nix 2.8) looks it up: with a fragment `NAME`,
/// the first of `packages.SYSTEM.NAME`, `legacyPackages.SYSTEM.NAME` and `NAME` that exists in the
/// flake's outputs; without one, `packages.SYSTEM.default`, then `defaultPackage.SYSTEM`.
public struct FlakeInstallable: Sendable, Equatable {
  /// The flake reference as written, without the fragment (`.`, `path:/src/proj`, `nixpkgs`).
  public var reference: String
  /// The attribute path after `#`, percent-decoded; empty for the default package.
  public var fragment: String
  /// Whether the flake is evaluated impurely (`--impure`); `nix build` evaluates flakes purely.
  public var impure: Bool

  /// Creates a flake installable.
  public init(reference: String, fragment: String, impure: Bool = false) {
    self.reference = reference
    self.fragment = fragment
    self.impure = impure
  }

  /// Splits `word` at its first `#` into reference and (percent-decoded) fragment, as Nix does.
  public init(word: String, impure: Bool = false) {
    if let hash = word.firstIndex(of: "#") {
      self.init(
        reference: String(word[..<hash]), fragment: Self.percentDecoded(word[word.index(after: hash)...]),
        impure: impure)
    } else {
      self.init(reference: word, fragment: "", impure: impure)
    }
  }

  /// The installable as typed: `REFERENCE#FRAGMENT`, or the reference alone.
  public var word: String {
    fragment.isEmpty ? reference : reference + "#" + fragment
  }

  /// The attribute paths tried in order, as `nix build` tries them on `system`.
  public func attributePathCandidates(system: String) -> [[String]] {
    if fragment.isEmpty {
      return [["packages", system, "default"], ["defaultPackage", system]]
    }
    let path = Self.attributePath(fragment)
    return [["packages", system] + path, ["legacyPackages", system] + path, path]
  }

  /// Splits an attribute path at dots outside double quotes, dropping the quotes (Nix's
  /// `parseAttrPath`): `a."b.c".d` is `a`, `b.c`, `d`.
  public static func attributePath(_ text: String) -> [String] {
    var parts: [String] = []
    var current = ""
    var quoted = false
    for character in text {
      if quoted {
        if character == "\"" { quoted = false } else { current.append(character) }
      } else if character == "\"" {
        quoted = true
      } else if character == "." {
        parts.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    if !current.isEmpty { parts.append(current) }
    return parts
  }

  /// `text` with `%XX` escapes decoded (an invalid escape is kept as written).
  static func percentDecoded(_ text: Substring) -> String {
    var bytes: [UInt8] = []
    var utf8 = Array(text.utf8)[...]
    while let byte = utf8.first {
      if byte == UInt8(ascii: "%"), utf8.count >= 3,
        let value = UInt8(String(decoding: utf8.dropFirst().prefix(2), as: UTF8.self), radix: 16)
      {
        bytes.append(value)
        utf8 = utf8.dropFirst(3)
      } else {
        bytes.append(byte)
        utf8 = utf8.dropFirst()
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
