/// One dependency of the build graph in `--json`'s `dependencies`: a derivation that is not a
/// segment, built, substituted or downloaded during the build (or queued and not built).
public struct DependencyReport: Sendable, Equatable, Codable {
  /// Its name (store name without hash and `.drv`).
  public var name: String
  /// The `.drv` path, store path or URL.
  public var path: String
  /// `build`, `substitution` or `download`.
  public var kind: String
  /// `built`, `substituted`, `downloaded`, `failed`, `interrupted` or `not built`.
  public var status: String
  /// Time spent in seconds.
  public var seconds: Double

  /// Creates a row.
  public init(name: String, path: String, kind: String, status: String, seconds: Double) {
    self.name = name
    self.path = path
    self.kind = kind
    self.status = status
    self.seconds = seconds
  }
}

extension DependencyProgress.Kind {
  /// The word for the JSON report.
  var reportWord: String {
    switch self {
    case .build: "build"
    case .substitution: "substitution"
    case .download: "download"
    }
  }
}
