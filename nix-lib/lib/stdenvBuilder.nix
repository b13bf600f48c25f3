{ }:
/**
  How a derivation's `args` run the stdenv's `genericBuild`, or `null` when they do not look
  like a stdenv build.

  Accepted shapes (what nixpkgs' `mkDerivation` has produced over time):
    [ "-e" .../default-builder.sh ]                       — older nixpkgs
    [ "-e" .../source-stdenv.sh .../default-builder.sh ]  — today's nixpkgs
    [ "-e" .../source-stdenv.sh BUILDER ]                  — a custom `builder` script, which
      `source-stdenv.sh` sources after `$stdenv/setup`; it must call `genericBuild` (the
      segment runner checks that at build time: a builder may be a derivation output, which
      pure evaluation cannot read).

  Inputs: `args` (a derivation's `args`; elements are strings or paths).

  Type: stdenvBuilder :: [String|Path] -> null | { custom :: Bool; builder :: String|Path|null; }

  Example:
    stdenvBuilder [ "-e" ./source-stdenv.sh ./default-builder.sh ]  => { custom = false; builder = null; }
    stdenvBuilder [ "-e" ./source-stdenv.sh ./builder.sh ]          => { custom = true; builder = ./builder.sh; }
    stdenvBuilder [ "-c" "echo hi" ]                                => null
*/
args:
let
  endsWith = suffix: value: builtins.match ".*${suffix}" (toString value) != null;
  isDefaultBuilder = endsWith "default-builder\\.sh";
  count = if builtins.isList args then builtins.length args else 0;
  element = builtins.elemAt args;
in
if count == 2 && element 0 == "-e" && isDefaultBuilder (element 1) then
  {
    custom = false;
    builder = null;
  }
else if count == 3 && element 0 == "-e" && endsWith "source-stdenv\\.sh" (element 1) then
  if isDefaultBuilder (element 2) then
    {
      custom = false;
      builder = null;
    }
  else
    {
      custom = true;
      builder = element 2;
    }
else
  null
