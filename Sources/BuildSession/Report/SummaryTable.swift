import Basics
import Foundation

/// The human summary printed after a build: a table of segments, then outputs or the failure.
public enum SummaryTable {
  /// The table text (ends with a newline). With `width` (a terminal's columns), the table leaves
  /// out the PHASES column, then ARCHIVE, when its lines would not fit.
  public static func render(_ report: BuildReport, width: Int? = nil) -> String {
    var header = ["SEGMENT", "PHASES", "RESULT", "TIME", "ARCHIVE"]
    var rows = report.segments.map { row in
      [
        row.segment,
        row.phases.isEmpty ? "-" : row.phases.joined(separator: " "),
        row.failedPhase.map { "failed (\($0))" } ?? row.status,
        row.status == "built" || row.status == "failed" ? DurationText.format(row.seconds) : "-",
        row.archiveBytes.map(ByteCountText.format) ?? "-",
      ]
    }
    func columnWidths() -> [Int] {
      header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
    }
    for dropped in ["PHASES", "ARCHIVE"] {
      let current = columnWidths()
      guard let width, current.reduce(0, +) + 2 * (current.count - 1) >= width,
        let column = header.firstIndex(of: dropped)
      else { break }
      header.remove(at: column)
      for index in rows.indices { rows[index].remove(at: column) }
    }
    let widths = columnWidths()
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { column, cell in
        column == cells.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
      }.joined(separator: "  ")
    }
    var text = line(header) + "\n" + rows.map(line).joined(separator: "\n") + "\n"
    if !report.dependencies.isEmpty {
      let groups = Dictionary(grouping: report.dependencies, by: \.status)
      text +=
        "dependencies (not segments): "
        + groups.keys.sorted().map { status in
          let members = groups[status] ?? []
          let seconds = members.map(\.seconds).reduce(0, +)
          return "\(members.count) \(status)" + (seconds > 0 ? " (\(DurationText.format(seconds)))" : "")
        }.joined(separator: ", ") + "\n"
    }
    if let incremental = report.incremental { text += incrementalLine(incremental) }
    let built = report.segments.filter { $0.status == "built" }.count
    let reused = report.segments.filter { $0.status == "reused" }.count
    text += "\(report.package): \(reused) reused, \(built) built"
    text += report.success ? " in \(DurationText.format(report.seconds))\n" : ", FAILED\n"
    for name in report.outputs.keys.sorted() {
      text += "  \(name): \(report.outputs[name] ?? "")\n"
    }
    if let roots = report.segmentRoots, let first = roots.first {
      let directory = (first as NSString).deletingLastPathComponent
      text += "segments kept from garbage collection by \(roots.count) roots in \(directory) "
      text += "(drop them: rm -r \(ShellQuoting.quote(directory)))\n"
    }
    if let failure = report.failure {
      text += failureText(failure, package: report.package)
    }
    return text
  }

  /// One line on how an incremental build's segment built: on the older build segment with
  /// the source changes (the first three named), or from scratch and why; nothing before it ran.
  static func incrementalLine(_ incremental: IncrementalExplanation) -> String {
    guard let changes = incremental.sourceChanges else { return "" }
    switch changes.mode {
    case "incremental":
      let paths = changes.changed + changes.added + changes.deleted
      let named = paths.prefix(3).joined(separator: ", ") + (paths.count > 3 ? ", …" : "")
      let count = paths.count == 1 ? "1 source path changed" : "\(paths.count) source paths changed"
      return "\(incremental.segment): incremental on \(incremental.base) (\(count)"
        + (paths.isEmpty ? ")\n" : ": \(named))\n")
    case "clean":
      return "\(incremental.segment): built from scratch, not incrementally: \(changes.reason ?? "")\n"
    default:
      return ""
    }
  }

  static func failureText(_ failure: BuildFailureReport, package: String) -> String {
    var text = "\n"
    if failure.interrupted {
      text +=
        failure.signal.map { "nix-build was killed by signal \($0) (\(signalName($0)))" }
        ?? "nix-build was interrupted by a signal"
      if let segment = failure.segment {
        text += " while segment \(segment) of \(package) was building"
        text += failure.phase.map { " (in \($0))" } ?? ""
      }
      text += "; no build failed by itself.\n"
    } else if let segment = failure.segment {
      text += "segment \(segment) of \(package) failed in \(failure.phase ?? "an unknown phase")"
      text += failure.logTail.isEmpty ? ".\n" : "; last \(failure.logTail.count) log lines:\n"
    } else if let dependency = failure.dependency {
      text += "dependency \(dependency) of \(package) (not a segment) failed"
      text += failure.logTail.isEmpty ? ".\n" : "; last \(failure.logTail.count) log lines:\n"
    } else {
      text += "nix-build failed without naming a failed build.\n"
    }
    for line in failure.logTail { text += "  | \(line)\n" }
    for error in failure.nixErrors { text += "nix: \(error)\n" }
    if let log = failure.logCommand {
      text += "Full log:\n  \(log)\n"
    }
    if let enter = failure.enterCommand {
      text += "\nEnter a shell at the last good segment (its phases done, the failed ones not yet run):\n"
      text += "  \(enter)\n"
    }
    text += "Resume after fixing (segments already built are reused):\n  \(failure.resumeCommand)\n"
    return text
  }

  /// The conventional name of a signal number (Linux numbering).
  static func signalName(_ signal: Int32) -> String {
    let names: [Int32: String] = [
      1: "SIGHUP", 2: "SIGINT", 3: "SIGQUIT", 6: "SIGABRT", 9: "SIGKILL", 13: "SIGPIPE", 14: "SIGALRM",
      15: "SIGTERM",
    ]
    return names[signal] ?? "signal \(signal)"
  }
}
