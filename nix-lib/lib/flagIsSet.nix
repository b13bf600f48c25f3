{ }:
/**
  Whether a stdenv flag attribute counts as "set" the way the stdenv's bash reads it.

  Nix turns `true` into "1" and `false`/`null` into "" in a derivation's environment
  (with `__structuredAttrs`, `.attrs.sh` writes true as 1 and false as ""); stdenv
  tests flags with `[ -n "$flag" ]`, so a flag is set when its string is non-empty.
  An absent attribute is not set.

  Inputs: `attrs` (a derivation's `drvAttrs`), `name` (the flag's attribute name).

  Type: flagIsSet :: AttrSet -> String -> Bool

  Example:
    flagIsSet { dontBuild = true; doCheck = ""; } "dontBuild"  => true
    flagIsSet { dontBuild = true; doCheck = ""; } "doCheck"    => false
    flagIsSet { } "dontFixup"                                 => false
*/
attrs: name:
let
  value = attrs.${name} or null;
  kind = builtins.typeOf value;
in
if value == null then
  false
else if kind == "bool" then
  value
else if kind == "string" then
  value != ""
else if kind == "list" then
  builtins.any (element: element != "" && element != null) value
else
  # ints, floats, paths and derivations all render to non-empty strings
  true
