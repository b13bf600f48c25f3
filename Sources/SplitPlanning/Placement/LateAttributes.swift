/// Attributes a package author declares late: first read in a later segment than the first
/// one (`splitPhases { lateAttributes = …; }`, `--late NAME[=SEGMENT]`).
///
/// Narrowing an attribute is the author's explicit choice: every attribute is an environment
/// variable of every process of the build, so only the author can know that nothing before
/// `SEGMENT` (configure, make, compilers, setup hooks) reads it.
public struct LateAttributes: Sendable, Equatable {
  /// Each declared attribute with the segment that first reads it (`nil`: the final segment),
  /// in declaration order.
  public var declarations: [(name: String, segment: String?)]

  /// Creates declarations.
  public init(_ declarations: [(name: String, segment: String?)] = []) {
    self.declarations = declarations
  }

  public static func == (lhs: LateAttributes, rhs: LateAttributes) -> Bool {
    lhs.declarations.elementsEqual(rhs.declarations) { $0.name == $1.name && $0.segment == $1.segment }
  }

  /// Whether nothing is declared.
  public var isEmpty: Bool { declarations.isEmpty }

  /// Parses `NAME` or `NAME=SEGMENT` words (the `--late` option).
  /// - Throws: ``PlanningError/invalidLateAttribute(name:problem:)`` for a malformed word or a
  ///   name declared twice.
  public static func parse(_ words: [String]) throws(PlanningError) -> LateAttributes {
    var declarations: [(name: String, segment: String?)] = []
    for word in words {
      let parts = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
      let name = parts[0]
      let segment = parts.count == 2 ? parts[1] : nil
      guard ShellWords.isVariableName(name) else {
        throw .invalidLateAttribute(
          name: word, problem: "write NAME or NAME=SEGMENT, with NAME a shell variable name")
      }
      if segment?.isEmpty == true {
        throw .invalidLateAttribute(name: name, problem: "the segment after '=' is empty")
      }
      if declarations.contains(where: { $0.name == name }) {
        throw .invalidLateAttribute(name: name, problem: "it is declared twice")
      }
      declarations.append((name, segment))
    }
    return LateAttributes(declarations)
  }

  /// The declarations as `--late` words.
  public var words: [String] {
    declarations.map { declaration in
      declaration.segment.map { "\(declaration.name)=\($0)" } ?? declaration.name
    }
  }
}
