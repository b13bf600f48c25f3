import Foundation

/// Turns lines of `nix-build --log-format internal-json` stderr into ``NixLogEvent``s.
///
/// Lines without the `@nix ` prefix (plain text Nix prints anyway) are returned as `nil` so the
/// caller can pass them through; a malformed JSON payload is reported as `.other` rather than
/// failing the build, because a log stream must never stop a build from being observed.
public enum NixLogLineParser {
  static let prefix = "@nix "

  /// Parses one stderr line (without its newline).
  /// - Returns: the event, or `nil` when the line is not an internal-json line.
  public static func parse(_ line: Substring) -> NixLogEvent? {
    guard line.hasPrefix(prefix) else { return nil }
    let payload = line.dropFirst(prefix.count)
    guard let object = try? JSONSerialization.jsonObject(with: Data(payload.utf8)) as? [String: Any],
      let action = object["action"] as? String
    else { return .other }
    let activity = unsignedInteger(object["id"])
    let fields = object["fields"] as? [Any] ?? []
    switch action {
    case "start":
      let type = integer(object["type"]) ?? -1
      if type == NixLogEvent.substitutionActivityType || type == NixLogEvent.downloadActivityType,
        let activity, let subject = fields.first as? String
      {
        return .startTransfer(
          activity: activity, kind: type == NixLogEvent.downloadActivityType ? .download : .substitution,
          subject: subject, parent: unsignedInteger(object["parent"]) ?? 0)
      }
      let derivationPath = type == NixLogEvent.buildActivityType ? fields.first as? String : nil
      return .start(
        activity: activity ?? 0, type: type, text: object["text"] as? String ?? "",
        derivationPath: derivationPath)
    case "stop":
      return .stop(activity: activity ?? 0)
    case "result":
      let type = integer(object["type"])
      guard let activity, let text = fields.first as? String else { return .other }
      if type == NixLogEvent.logLineResultType { return .buildLogLine(activity: activity, line: text) }
      if type == NixLogEvent.setPhaseResultType { return .setPhase(activity: activity, phase: text) }
      return .other
    case "msg":
      let text = object["msg"] as? String ?? ""
      return .message(level: integer(object["level"]) ?? 0, text: removingANSIEscapes(text))
    default:
      return .other
    }
  }

  /// Parses one stderr line (without its newline).
  public static func parse(_ line: String) -> NixLogEvent? { parse(line[...]) }

  /// Removes ANSI CSI sequences (`ESC [ … letter`), which Nix puts into error messages.
  public static func removingANSIEscapes(_ text: String) -> String {
    guard text.contains("\u{1B}") else { return text }
    var result = ""
    var iterator = text.unicodeScalars.makeIterator()
    while let scalar = iterator.next() {
      guard scalar == "\u{1B}" else {
        result.unicodeScalars.append(scalar)
        continue
      }
      guard let next = iterator.next() else { break }
      guard next == "[" else { continue }
      while let code = iterator.next(), !(("@"..."~").contains(code)) {}
    }
    return result
  }

  private static func integer(_ value: Any?) -> Int? {
    (value as? NSNumber)?.intValue
  }

  private static func unsignedInteger(_ value: Any?) -> UInt64? {
    (value as? NSNumber)?.uint64Value
  }
}
