/// The lines of the live progress display: the build graph fitted to the terminal.
///
/// A header with the counts and the elapsed time; the dependencies (derivations that are not
/// segments: built, substituted or downloaded), running ones first when they do not all fit; then
/// the package's segments, each with its status, time and current phase. Every line is cut to
/// `columns - 1` characters, so the terminal never wraps it (a wrapped line would throw the
/// redraw's cursor movements off).
public struct ProgressFrame: Sendable, Equatable {
  /// One line: its text (no escapes) and the status it shows, for colouring.
  public struct Line: Sendable, Equatable {
    /// The text, at most the frame's width.
    public var text: String
    /// The status word at the start of the text after the indent, nil for headers.
    public var status: SegmentStatus?
  }

  /// The lines, top to bottom.
  public var lines: [Line]

  /// The frame for `tracker` at `now` (monotonic seconds; `started` is when the build began) in
  /// a terminal of `size`.
  public init(
    packageName: String, tracker: BuildTracker, now: Double, started: Double, size: TerminalSize
  ) {
    let width = max(10, size.columns - 1)
    var lines: [Line] = []
    func add(_ text: String, _ status: SegmentStatus?) {
      lines.append(Line(text: Self.fitted(text, width: width), status: status))
    }
    let all = tracker.entries.map(\.status) + tracker.dependencies.map(\.status)
    let toDo = all.filter { if case .reused = $0 { return false } else { return true } }
    let done = toDo.filter { if case .built = $0 { return true } else { return false } }.count
    let running = toDo.filter { if case .building = $0 { return true } else { return false } }.count
    add(
      "\(packageName): \(done)/\(toDo.count) done, \(running) running, "
        + "\(DurationText.format(now - started))", nil)

    // Rows left for dependencies: the screen less the header, the segments and their header.
    let room = max(2, size.rows - 2 - tracker.entries.count - 1)
    let dependencies = tracker.dependencies
    if !dependencies.isEmpty {
      add("dependencies", nil)
      let shown = Self.chooseShown(dependencies, room: room)
      for index in dependencies.indices where shown.contains(index) {
        let dependency = dependencies[index]
        var name = dependency.name
        if case .building(let phase?, _) = dependency.status { name += " (\(phase))" }
        add(Self.row(dependency.word, dependency.status, now: now, name: name), dependency.status)
      }
      if shown.count < dependencies.count {
        let hidden = dependencies.indices.filter { !shown.contains($0) }.map { dependencies[$0].word }
        let counts = Dictionary(grouping: hidden, by: { $0 }).map { "\($0.value.count) \($0.key)" }.sorted()
        add("  … \(hidden.count) more: " + counts.joined(separator: ", "), nil)
      }
    }
    add("\(packageName) segments", nil)
    for entry in tracker.entries {
      var name = entry.segment.name
      if let phase = entry.phase { name += ": \(phase)" }
      add(Self.row(entry.status.word, entry.status, now: now, name: name), entry.status)
    }
    // A frame taller than the screen would scroll its top away, out of the cursor's reach.
    let maximum = max(3, size.rows - 1)
    if lines.count > maximum {
      let hidden = lines.count - maximum + 1
      lines = Array(lines.prefix(maximum - 1))
      add("  … \(hidden) more lines (the terminal is too short)", nil)
    }
    self.lines = lines
  }

  /// `  building     1.2s  name`: the status word, the time right-aligned, the name.
  static func row(_ word: String, _ status: SegmentStatus, now: Double, name: String) -> String {
    let time: String
    switch status {
    case .reused, .queued, .notBuilt: time = ""
    default:
      time = DurationText.format(SegmentProgress(segment: .placeholder, status: status).elapsed(now: now))
    }
    return "  " + word.padding(toLength: 12, withPad: " ", startingAt: 0) + " "
      + PlainProgressRenderer.pad(time, to: 6) + "  " + name
  }

  /// The indices of the dependencies to show in `room` rows (one kept for the "more" line when
  /// not all fit): running and failed ones first, then the most recent others.
  static func chooseShown(_ dependencies: [DependencyProgress], room: Int) -> Set<Int> {
    guard dependencies.count > room else { return Set(dependencies.indices) }
    func rank(_ status: SegmentStatus) -> Int {
      switch status {
      case .building, .finishing, .failed, .interrupted: 0
      case .built: 1
      default: 2
      }
    }
    let ordered = dependencies.indices.sorted {
      (rank(dependencies[$0].status), -$0) < (rank(dependencies[$1].status), -$1)
    }
    return Set(ordered.prefix(max(1, room - 1)))
  }

  /// `text` cut to `width` characters, ending in `…` when cut.
  static func fitted(_ text: String, width: Int) -> String {
    guard text.count > width else { return text }
    return String(text.prefix(width - 1)) + "…"
  }
}
