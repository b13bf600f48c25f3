import NixInterface

extension NixArgument {
  /// The arguments that repeated `--arg NAME EXPR` and `--argstr NAME VALUE` options give, the
  /// `--arg` ones first. Each list holds NAME VALUE pairs; an unpaired last word (which the
  /// options' validation rejects) is ignored.
  static func fromOptionWords(expressions: [String], strings: [String]) -> [NixArgument] {
    func pairs(_ words: [String]) -> [(name: String, value: String)] {
      stride(from: 0, to: words.count - 1, by: 2).map { (words[$0], words[$0 + 1]) }
    }
    return pairs(expressions).map { NixArgument(name: $0.name, value: .expression($0.value)) }
      + pairs(strings).map { NixArgument(name: $0.name, value: .string($0.value)) }
  }
}
