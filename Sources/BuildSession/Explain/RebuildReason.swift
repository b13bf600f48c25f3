import Foundation

/// One reason a segment derivation differs from its counterpart in the older build.
public enum RebuildReason: Sendable, Equatable {
  /// The segment did not exist in the older build (e.g. other boundaries).
  case newSegment
  /// An attribute (environment variable) of the segment changed, was added (`old == nil`) or
  /// removed (`new == nil`).
  case attributeChanged(name: String, old: String?, new: String?)
  /// The segment's input segment was rebuilt (whose own reasons are listed with it).
  case inputSegmentRebuilt(segment: String)
  /// Another input derivation (source, tool, stdenv) changed.
  case inputDerivationChanged(name: String, old: String?, new: String?)
  /// An input source (a file added to the store) changed.
  case inputSourceChanged(name: String, old: String?, new: String?)
  /// The builder, its arguments or the system changed.
  case builderChanged
  /// The segment builds incrementally on `base`, an older build segment's output (the runner
  /// settings, name and inputs that make it so are this one reason; the source changes are in
  /// ``IncrementalExplanation``).
  case incrementalBuild(base: String)

  /// The reason as a short phrase.
  public var text: String {
    switch self {
    case .newSegment:
      return "the segment is new (the older build has no segment of this name)"
    case .attributeChanged(let name, let old, let new):
      switch (old, new) {
      case (nil, let new?): return "attribute \(name) added (\(Self.excerpt(new)))"
      case (let old?, nil): return "attribute \(name) removed (was \(Self.excerpt(old)))"
      default: return "attribute \(name) changed (\(Self.excerpt(old ?? "")) → \(Self.excerpt(new ?? "")))"
      }
    case .inputSegmentRebuilt(let segment):
      return "its input segment \(segment) rebuilt"
    case .inputDerivationChanged(let name, let old, let new):
      switch (old, new) {
      case (nil, _): return "input derivation \(name) added"
      case (_, nil): return "input derivation \(name) removed"
      default: return "input derivation \(name) changed"
      }
    case .inputSourceChanged(let name, let old, let new):
      switch (old, new) {
      case (nil, _): return "input source \(name) added"
      case (_, nil): return "input source \(name) removed"
      default: return "input source \(name) changed"
      }
    case .builderChanged:
      return "the builder, its arguments or the system changed"
    case .incrementalBuild(let base):
      return "incremental, starting from the build segment \(base) (source changes below)"
    }
  }

  /// The kind of reason, for JSON.
  public var kind: String {
    switch self {
    case .newSegment: "newSegment"
    case .attributeChanged: "attributeChanged"
    case .inputSegmentRebuilt: "inputSegmentRebuilt"
    case .inputDerivationChanged: "inputDerivationChanged"
    case .inputSourceChanged: "inputSourceChanged"
    case .builderChanged: "builderChanged"
    case .incrementalBuild: "incrementalBuild"
    }
  }

  /// The attribute, segment, derivation or source name the reason is about.
  public var subject: String? {
    switch self {
    case .newSegment, .builderChanged: nil
    case .attributeChanged(let name, _, _), .inputDerivationChanged(let name, _, _),
      .inputSourceChanged(let name, _, _):
      name
    case .inputSegmentRebuilt(let segment): segment
    case .incrementalBuild(let base): base
    }
  }

  /// A value shortened to one line of at most 60 characters, quoted.
  static func excerpt(_ value: String) -> String {
    let flat = value.replacingOccurrences(of: "\n", with: "⏎")
    let short = flat.count > 60 ? String(flat.prefix(57)) + "…" : flat
    return "\"" + short + "\""
  }
}
