import Foundation

/// The human summary printed after a build: a table of segments, then outputs or the failure.
public enum SummaryTable {
  /// The table text (ends with a newline).
  public static func render(_ report: BuildReport) -> String {
    let header = ["SEGMENT", "PHASES", "RESULT", "TIME", "ARCHIVE"]
    let rows = report.segments.map { row in
      [
        row.segment,
        row.phases.isEmpty ? "-" : row.phases.joined(separator: " "),
        row.failedPhase.map { "failed (\($0))" } ?? row.status,
        row.status == "built" || row.status == "failed" ? DurationText.format(row.seconds) : "-",
        row.archiveBytes.map(ByteCountText.format) ?? "-",
      ]
    }
    let widths = header.indices.map { column in
      ([header] + rows).map { $0[column].count }.max() ?? 0
    }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { column, cell in
        column == cells.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
      }.joined(separator: "  ")
    }
    var text = line(header) + "\n" + rows.map(line).joined(separator: "\n") + "\n"
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

  static func failureText(_ failure: BuildFailureReport, package: String) -> String {
    var text = "\nsegment \(failure.segment) of \(package) failed in \(failure.phase ?? "an unknown phase")"
    text += failure.logTail.isEmpty ? ".\n" : "; last \(failure.logTail.count) log lines:\n"
    for line in failure.logTail { text += "  | \(line)\n" }
    for error in failure.nixErrors { text += "nix: \(error)\n" }
    if let enter = failure.enterCommand {
      text += "\nEnter a shell at the last good segment (its phases done, the failed ones not yet run):\n"
      text += "  \(enter)\n"
    }
    text += "Resume after fixing (segments already built are reused):\n  \(failure.resumeCommand)\n"
    return text
  }
}
