{ }:
/**
  The words of a phase-list attribute, which may be a list of strings or one
  whitespace-separated string (how stdenv accepts `phases`, `prePhases`, ...).

  Inputs: `value` (a string, a list of strings, or null).

  Type: wordList :: (String | [String] | Null) -> [String]

  Example:
    wordList " unpackPhase  buildPhase\n" => [ "unpackPhase" "buildPhase" ]
    wordList [ "a" "b c" ]                => [ "a" "b" "c" ]
    wordList null                         => [ ]
*/
value:
let
  splitString =
    string:
    builtins.filter (word: builtins.isString word && word != "") (builtins.split "[[:space:]]+" string);
in
if value == null then
  [ ]
else if builtins.isList value then
  builtins.concatMap (element: splitString (toString element)) value
else
  splitString (toString value)
