/// What building some derivations would do, from `nix-store --realise --dry-run`.
public struct DryRunReport: Sendable, Equatable {
  /// The `.drv` paths that would be built.
  public var derivationsToBuild: [String]
  /// The store paths that would be fetched from substituters.
  public var pathsToFetch: [String]

  /// Creates a report.
  public init(derivationsToBuild: [String] = [], pathsToFetch: [String] = []) {
    self.derivationsToBuild = derivationsToBuild
    self.pathsToFetch = pathsToFetch
  }

  /// Parses the messages of `nix-store --realise --dry-run` / `nix-build --dry-run`: a header line
  /// such as `these 2 derivations will be built:` or `this path will be fetched (…):` followed by
  /// paths indented by two spaces. Other lines are ignored.
  public init(parsingDryRunOutput text: String) {
    enum Section { case build, fetch, other }
    var section = Section.other
    var report = DryRunReport()
    for line in text.split(separator: "\n") {
      if line.hasPrefix("  /") {
        let path = String(line.dropFirst(2))
        switch section {
        case .build: report.derivationsToBuild.append(path)
        case .fetch: report.pathsToFetch.append(path)
        case .other: break
        }
      } else if line.contains("will be built") {
        section = .build
      } else if line.contains("will be fetched") {
        section = .fetch
      } else {
        section = .other
      }
    }
    self = report
  }
}
