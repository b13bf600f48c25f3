import ArgumentParser
import NixInterface

extension NixArgument {
  /// The arguments that repeated `--arg NAME EXPR` and `--argstr NAME VALUE` options give (each
  /// value a word joined by ``TwoWordOptions``), the `--arg` ones first.
  ///
  /// - Throws: `ValidationError` naming the option when a VALUE is missing.
  static func fromOptionWords(
    expressions: [String], strings: [String], expressionOption: String = "--arg",
    stringOption: String = "--argstr"
  ) throws -> [NixArgument] {
    func pairs(_ words: [String], option: String, value: String) throws -> [(name: String, value: String)] {
      try words.map { word in
        guard let pair = TwoWordOptions.split(word) else {
          throw ValidationError(
            "\(option) takes two words, NAME and \(value) (as in nix-build); got only `\(word)`")
        }
        return pair
      }
    }
    return try pairs(expressions, option: expressionOption, value: "EXPR").map {
      NixArgument(name: $0.name, value: .expression($0.value))
    }
      + pairs(strings, option: stringOption, value: "VALUE").map {
        NixArgument(name: $0.name, value: .string($0.value))
      }
  }
}
