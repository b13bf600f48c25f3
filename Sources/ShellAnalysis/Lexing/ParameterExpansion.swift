/// A parameter expansion such as `$x`, `${x:-default}`, `${#x}`, `${x[@]}` or `${!x}`.
public struct ParameterExpansion: Sendable, Equatable {
  /// Which value of the parameter the expansion produces.
  public enum Form: Sendable, Equatable {
    /// `$x`, `${x}`, `${x[i]}`, `${x:-…}`: the value itself.
    case value
    /// `${#x}`: the length of the value (or number of array elements).
    case length
    /// `${!x}`: the value of the variable whose name is the value of `x`.
    case indirect
    /// `${!x[@]}` / `${!x[*]}`: the keys of array `x`.
    case keys
    /// `${!prefix*}` / `${!prefix@}`: the names of the variables starting with the prefix.
    case namesWithPrefix
  }

  /// The operator after the name inside braces, e.g. `:-` in `${x:-y}`.
  public enum Operation: String, Sendable, Equatable, CaseIterable {
    case defaultIfUnsetOrNull = ":-"
    case defaultIfUnset = "-"
    case assignIfUnsetOrNull = ":="
    case assignIfUnset = "="
    case errorIfUnsetOrNull = ":?"
    case errorIfUnset = "?"
    case alternativeIfSetAndNotNull = ":+"
    case alternativeIfSet = "+"
    case removeLongestPrefix = "##"
    case removeShortestPrefix = "#"
    case removeLongestSuffix = "%%"
    case removeShortestSuffix = "%"
    case replaceAll = "//"
    case replacePrefix = "/#"
    case replaceSuffix = "/%"
    case replaceFirst = "/"
    case uppercaseAll = "^^"
    case uppercaseFirst = "^"
    case lowercaseAll = ",,"
    case lowercaseFirst = ","
    case transform = "@"
    case substring = ":"

    /// Whether the operation assigns the parameter (`${x:=…}`, `${x=…}`).
    public var assigns: Bool { self == .assignIfUnsetOrNull || self == .assignIfUnset }

    /// Operations in the order the lexer must try them (longest spelling first among shared prefixes).
    static let matchingOrder: [Operation] = [
      .defaultIfUnsetOrNull, .assignIfUnsetOrNull, .errorIfUnsetOrNull, .alternativeIfSetAndNotNull,
      .substring, .defaultIfUnset, .assignIfUnset, .errorIfUnset, .alternativeIfSet,
      .removeLongestPrefix, .removeShortestPrefix, .removeLongestSuffix, .removeShortestSuffix,
      .replaceAll, .replacePrefix, .replaceSuffix, .replaceFirst, .uppercaseAll, .uppercaseFirst,
      .lowercaseAll, .lowercaseFirst, .transform,
    ]
  }

  /// The parameter name: a variable name, a positional parameter (`1`, `10`) or a special
  /// parameter (`@`, `*`, `#`, `?`, `-`, `$`, `!`, `0`).
  public var name: String
  /// Whether the expansion was written with braces.
  public var isBraced: Bool
  /// Which value the expansion produces.
  public var form: Form
  /// The array subscript, `x[subscript]`, when present.
  public var arrayIndex: ShellWord?
  /// The operator after the name, when present.
  public var operation: Operation?
  /// The word after the operator (default value, pattern, replacement, offset:length, …).
  public var argument: ShellWord?
  /// UTF-8 byte offset of the `$`.
  public var offset: Int

  /// Creates a parameter expansion.
  public init(
    name: String, isBraced: Bool, form: Form = .value, arrayIndex: ShellWord? = nil,
    operation: Operation? = nil, argument: ShellWord? = nil, at offset: Int
  ) {
    self.name = name
    self.isBraced = isBraced
    self.form = form
    self.arrayIndex = arrayIndex
    self.operation = operation
    self.argument = argument
    self.offset = offset
  }

  /// Whether the name is a shell variable name (not a positional or special parameter).
  public var isVariableName: Bool { ShellName.isValidVariableName(name) }

  /// Whether the subscript is `@` or `*` (all elements).
  public var indexIsAllElements: Bool {
    guard let text = arrayIndex?.unquotedText else { return false }
    return text == "@" || text == "*"
  }
}
