{ }:
/**
  Whether an attribute name matches an entry of `attribute-phases.json`. An entry is an exact
  name, or a prefix pattern ending in `*` (`NIX_*` matches `NIX_CFLAGS_COMPILE`).

  Inputs: `entries` (list of names or patterns), `name` (the attribute name).

  Type: attributeMatches :: [String] -> String -> Bool

  Example:
    attributeMatches [ "src" "NIX_*" ] "NIX_LDFLAGS" => true
    attributeMatches [ "src" "NIX_*" ] "srcs"        => false
*/
entries: name:
builtins.any (
  entry:
  let
    length = builtins.stringLength entry;
    prefix = builtins.substring 0 (length - 1) entry;
  in
  if length > 0 && builtins.substring (length - 1) 1 entry == "*" then
    builtins.substring 0 (length - 1) name == prefix
  else
    entry == name
) entries
