import Derivations

extension InstallableResolver {
  /// Resolves a flake installable as `nix build` does: locks the flake (`nix flake metadata`),
  /// looks the attribute path up in its outputs in `nix build`'s order (see
  /// ``FlakeInstallable/attributePathCandidates(system:)``) and instantiates the derivation
  /// found there, evaluating purely unless the installable is impure.
  ///
  /// - Throws: ``InstallableError/flakesNotEnabled(feature:)`` when the configuration lacks
  ///   `nix-command` or `flakes`; ``InstallableError/flakeUnusable(reference:_:)``,
  ///   ``InstallableError/flakeAttributeMissing(installable:_:)``,
  ///   ``InstallableError/flakeEvaluationFailed(installable:_:)``,
  ///   ``InstallableError/notADerivation(installable:attributePath:)``.
  public func resolve(flake: FlakeInstallable) async throws(InstallableError) -> LockedFlakeAttribute {
    let locked = try await lock(flake)
    let system: String
    do {
      system = try await runner.currentSystem()
    } catch {
      throw Self.flakeError(error) ?? .flakeEvaluationFailed(installable: flake.word, error)
    }
    let candidates = flake.attributePathCandidates(system: system)
    let found: JSONValue
    do {
      found = try await runner.evaluateWritingDerivations(
        expression: Self.lookupExpression,
        arguments: [
          NixArgument(name: "reference", value: .string(locked.reference)),
          NixArgument(
            name: "candidates",
            value: .string(JSONValue.array(candidates.map { .array($0.map { .string($0) }) }).serialized())),
        ],
        pure: !flake.impure)
    } catch {
      throw Self.flakeError(error) ?? .flakeEvaluationFailed(installable: flake.word, error)
    }
    guard case .array(let pathValues)? = found["attributePath"] else {
      // Nothing at any candidate: Nix's own lookup gives the message (with its suggestions).
      do {
        try await runner.lookUpFlakeOutput(flake.word, impure: flake.impure)
      } catch {
        throw Self.flakeError(error) ?? .flakeAttributeMissing(installable: flake.word, error)
      }
      throw .flakeAttributeMissing(
        installable: flake.word,
        NixCommandError(
          commandLine: ["nix", "eval", flake.word],
          reason: .unexpectedOutput("Nix finds it, phasesplit does not"),
          standardErrorTail: []))
    }
    let attributePath = pathValues.compactMap(\.stringValue)
    guard let derivationPath = found["drvPath"]?.stringValue else {
      throw .notADerivation(installable: flake.word, attributePath: attributePath.joined(separator: "."))
    }
    return LockedFlakeAttribute(
      lockedReference: locked.reference, attributePath: attributePath, derivationPath: derivationPath,
      fromStoreCopy: locked.fromStoreCopy)
  }

  /// The locked reference of the flake `flake` names (see ``LockedFlakeAttribute``).
  private func lock(_ flake: FlakeInstallable) async throws(InstallableError) -> (
    reference: String, fromStoreCopy: Bool
  ) {
    let metadata: JSONValue
    do {
      metadata = try await runner.flakeMetadata(reference: flake.reference)
    } catch {
      throw Self.flakeError(error) ?? .flakeUnusable(reference: flake.reference, error)
    }
    if let url = metadata["url"]?.stringValue, Self.isLocked(url) {
      return (url, false)
    }
    guard let source = metadata["path"]?.stringValue,
      let narHash = metadata["locked"]?["narHash"]?.stringValue
    else {
      throw .flakeUnusable(
        reference: flake.reference,
        NixCommandError(
          commandLine: ["nix", "flake", "metadata", "--json", flake.reference],
          reason: .unexpectedOutput("no locked reference, nor a store path with its NAR hash"),
          standardErrorTail: []))
    }
    var reference = "path:\(source)?narHash=\(Self.queryEscaped(narHash))"
    if let directory = metadata["locked"]?["dir"]?.stringValue ?? metadata["original"]?["dir"]?.stringValue {
      reference += "&dir=\(Self.queryEscaped(directory))"
    }
    return (reference, true)
  }

  /// Whether a flake URL names one fixed source: a revision or a NAR hash.
  static func isLocked(_ url: String) -> Bool {
    guard let query = url.split(separator: "?", maxSplits: 1).dropFirst().first else {
      // `github:OWNER/REPO/REV` and the like carry the revision in the path.
      return url.split(separator: "/").last.map { $0.count == 40 && $0.allSatisfy(\.isHexDigit) } ?? false
    }
    return query.split(separator: "&").contains { $0.hasPrefix("rev=") || $0.hasPrefix("narHash=") }
  }

  /// The Nix function of `reference` (a locked flake reference) and `candidates` (a JSON list of
  /// attribute paths) that finds the first candidate in the flake's outputs, as `nix build` does
  /// (forcing nothing beyond the paths it walks), and gives `{ attributePath; drvPath; }`,
  /// `drvPath` null when the value there is no derivation, or `null` when no candidate exists.
  static let lookupExpression = """
    { reference, candidates }:
    let
      outputs = (builtins.getFlake reference).outputs;
      step = state: name:
        if state.found && builtins.isAttrs state.value && builtins.hasAttr name state.value
        then { found = true; value = state.value.${name}; }
        else { found = false; value = null; };
      lookup = path: builtins.foldl' step { found = true; value = outputs; } path;
      first = paths:
        if paths == [ ] then null
        else if (lookup (builtins.head paths)).found then builtins.head paths
        else first (builtins.tail paths);
      path = first (builtins.fromJSON candidates);
      value = (lookup path).value;
      isDerivation = builtins.isAttrs value && (value.type or null) == "derivation";
    in
    if path == null then null
    else { attributePath = path; drvPath = if isDerivation then value.drvPath else null; }
    """

  /// The error for a Nix command that failed because flakes are not enabled, if that is why.
  static func flakeError(_ error: NixCommandError) -> InstallableError? {
    for feature in ["nix-command", "flakes"]
    where error.standardErrorTail.contains(where: {
      $0.contains("experimental Nix feature '\(feature)' is disabled")
    }) {
      return .flakesNotEnabled(feature: feature)
    }
    return nil
  }

  private static func queryEscaped(_ text: String) -> String {
    var escaped = ""
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
        UInt8(ascii: "~"), UInt8(ascii: "/"):
        escaped.append(Character(Unicode.Scalar(byte)))
      default:
        escaped += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
      }
    }
    return escaped
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: Swift.max(0, width - count)) + self
  }
}
