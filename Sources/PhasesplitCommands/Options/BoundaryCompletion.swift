import ArgumentParser
import SplitPlanning

/// Shell completion of `--boundaries`, a comma-separated list: the boundaries not listed yet,
/// appended to what is typed before the last comma.
enum BoundaryCompletion {
  static let kind = CompletionKind.custom { _, _, prefix in candidates(prefix: prefix) }

  /// The completions of `prefix` (`unpack,co` → `unpack,configure`).
  static func candidates(prefix: String) -> [String] {
    let typed = prefix.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    let done = typed.dropLast()
    let head = done.isEmpty ? "" : done.joined(separator: ",") + ","
    let partial = typed.last ?? ""
    return Boundary.allCases.map(\.rawValue).filter { !done.contains($0) && $0.hasPrefix(partial) }.map {
      head + $0
    }
  }
}
