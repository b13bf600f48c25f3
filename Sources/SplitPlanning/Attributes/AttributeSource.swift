/// The attributes of a derivation as the planner needs them.
///
/// The planner reads a derivation only through this protocol, so it works the same for a
/// `.drv` read from the store (env strings or structured attributes) and for an attribute
/// set written by hand in a test.
public protocol AttributeSource {
  /// The derivation's attribute names, in a stable order. Output path variables that Nix adds
  /// to the environment (`out`, `dev`, …) are not attributes and are not listed.
  var attributeNames: [String] { get }

  /// The builder's arguments (`args` of the derivation, e.g. `-e …/default-builder.sh`).
  var builderArguments: [String] { get }

  /// The value as a shell script sees it (`$name`), or `nil` when the attribute is absent.
  /// Lists are joined with single spaces, as `${name[*]}` would.
  func shellString(_ name: String) -> String?

  /// The value as a list of words: a string split on whitespace, or a list's elements each
  /// split on whitespace (as `nix-lib/lib/wordList.nix`). Empty when the attribute is absent.
  func words(_ name: String) -> [String]

  /// The attributes the builder sees as bash associative arrays (attribute sets under
  /// structured attributes), so `${name[key]}` reads `name`, not `key`.
  var associativeArrayAttributes: Set<String> { get }

  /// stdenv truthiness: whether `[ -n "${name:-}" ]` holds in the builder — a non-empty
  /// string, `true`, a number, or a list with a non-empty element (as
  /// `nix-lib/lib/flagIsSet.nix`); `false`, `null`, `""` and absent are unset.
  func isSet(_ name: String) -> Bool
}

extension AttributeSource {
  /// The attributes the builder sees as bash associative arrays (attribute sets under
  /// structured attributes); none by default.
  public var associativeArrayAttributes: Set<String> { [] }

  /// Whether the derivation has an attribute called `name`.
  public func hasAttribute(_ name: String) -> Bool { shellString(name) != nil }
}
