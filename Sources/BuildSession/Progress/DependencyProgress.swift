import Derivations

/// A derivation build, substitution or download of the build graph that is not a segment (a
/// dependency of the split package), as the progress display and failure report show it.
public struct DependencyProgress: Sendable, Equatable {
  /// What Nix does for it.
  public enum Kind: Sendable, Equatable {
    /// Builds a derivation.
    case build
    /// Copies a store path from a substituter (binary cache).
    case substitution
    /// Downloads a file (a fetch by Nix itself, or a binary cache's NAR).
    case download
  }

  /// What Nix does for it.
  public var kind: Kind
  /// The `.drv` path (build), store path (substitution) or URL (download).
  public var path: String
  /// Its status (`queued`, `building`, `built`, `failed`, … as for a segment).
  public var status: SegmentStatus
  /// The last lines of its build log.
  public var logTail: [String] = []

  /// Creates a dependency entry.
  public init(kind: Kind, path: String, status: SegmentStatus) {
    self.kind = kind
    self.path = path
    self.status = status
  }

  /// The name to show: the store name without hash and `.drv`, or a URL's last component.
  public var name: String {
    let name = StorePath.name(of: path)
    return name.hasSuffix(".drv") ? String(name.dropLast(4)) : name
  }

  /// The time spent, as of `now`.
  public func elapsed(now: Double) -> Double {
    SegmentProgress(segment: .placeholder, status: status).elapsed(now: now)
  }

  /// The status word for this kind: `building`/`built` for builds, `substituting`/`substituted`
  /// and `downloading`/`downloaded` for the others.
  public var word: String {
    switch (kind, status) {
    case (.substitution, .building), (.substitution, .finishing): "substituting"
    case (.substitution, .built): "substituted"
    case (.download, .building), (.download, .finishing): "downloading"
    case (.download, .built): "downloaded"
    default: status.word
    }
  }
}

extension BuiltSegment {
  /// A segment standing for none, for status arithmetic shared with dependencies.
  static let placeholder = BuiltSegment(
    name: "", derivationPath: "", phases: [], outputPaths: [:], isFinal: false)
}
