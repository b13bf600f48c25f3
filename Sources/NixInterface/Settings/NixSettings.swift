/// Nix configuration options phasesplit adds to every Nix command it runs, in `nix.conf` syntax.
///
/// By default there are none: Nix runs with the machine's configuration (`nix.conf`, the
/// caller's `NIX_CONFIG`), passed on unchanged. Options come only from the user (`--option NAME
/// VALUE`) or from a feature that needs one, which adds to the user's value with an `extra-`
/// option (``addingExperimentalFeature(_:)``) rather than replacing it. The options reach Nix
/// through the `NIX_CONFIG` environment variable, appended to any `NIX_CONFIG` the caller already
/// has, so that they take precedence as `--option` does for `nix-build`.
public struct NixSettings: Sendable, Equatable {
  /// One `name = value` option.
  public struct Option: Sendable, Equatable {
    /// The option's name, e.g. `sandbox`.
    public var name: String
    /// The option's value, e.g. `true`.
    public var value: String

    /// Creates an option.
    public init(name: String, value: String) {
      self.name = name
      self.value = value
    }
  }

  /// The options, in the order they are written.
  public var options: [Option]

  /// Creates settings from options.
  public init(options: [Option]) {
    self.options = options
  }

  /// No options: Nix runs with the machine's own configuration.
  public static let machineConfiguration = NixSettings(options: [])

  /// Parses `nix.conf` text: `name = value` lines; blank lines and `#` comments are ignored.
  ///
  /// - Throws: ``NixSettingsError`` for a line without `=`.
  public init(parsingConfiguration text: String, origin: String) throws(NixSettingsError) {
    var options: [Option] = []
    for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = rawLine.prefix { $0 != "#" }.trimmingWhitespace()
      if line.isEmpty { continue }
      guard let equals = line.firstIndex(of: "=") else {
        throw NixSettingsError(origin: origin, line: index + 1, text: String(rawLine))
      }
      let name = line[..<equals].trimmingWhitespace()
      guard !name.isEmpty else {
        throw NixSettingsError(origin: origin, line: index + 1, text: String(rawLine))
      }
      options.append(Option(name: name, value: line[line.index(after: equals)...].trimmingWhitespace()))
    }
    self.options = options
  }

  /// The value of option `name` (the last one set), if set.
  public func value(of name: String) -> String? {
    options.last { $0.name == name }?.value
  }

  /// Returns the settings with option `name` set to `value` (replacing earlier values).
  public func setting(_ name: String, to value: String) -> NixSettings {
    var copy = self
    copy.options.removeAll { $0.name == name }
    copy.options.append(Option(name: name, value: value))
    return copy
  }

  /// Returns the settings with the experimental feature `feature` added to the user's features
  /// (`extra-experimental-features`, which Nix adds to `experimental-features`), once.
  public func addingExperimentalFeature(_ feature: String) -> NixSettings {
    let name = "extra-experimental-features"
    if options.contains(where: { $0.name == name && $0.value.split(separator: " ").contains(feature[...]) }) {
      return self
    }
    var copy = self
    copy.options.append(Option(name: name, value: feature))
    return copy
  }

  /// The options as `nix.conf` text, one `name = value` line each.
  public var configurationText: String {
    options.map { "\($0.name) = \($0.value)" }.joined(separator: "\n")
  }

  /// The `NIX_CONFIG` value for a child process: `inherited` (the caller's `NIX_CONFIG`) followed
  /// by these options, so these win. `nil` when there is nothing to set.
  public func nixConfigValue(inheriting inherited: String?) -> String? {
    let own = configurationText
    switch (inherited?.isEmpty == false ? inherited : nil, own.isEmpty) {
    case (nil, true): return nil
    case (nil, false): return own
    case (let inherited?, true): return inherited
    case (let inherited?, false): return inherited + "\n" + own
    }
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces and tabs.
  fileprivate func trimmingWhitespace() -> String {
    let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
    guard let first = firstIndex(where: { !isBlank($0) }) else { return "" }
    let last = lastIndex(where: { !isBlank($0) })!
    return String(self[first...last])
  }
}
