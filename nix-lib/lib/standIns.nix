{ }:
/**
  The stand-in store path of each output of a package, used by every segment in place of
  the real output path (which no segment but the final one can know).

  For output `o` of a package named `NAME` the stand-in is `<storeDir>/<H>-NAME` for `out`
  and `<storeDir>/<H>-NAME-o` otherwise, where `<H>` is the first 32 characters of the
  lowercase hex SHA-256 of `phasesplit-stand-in:NAME:o` with every `e` replaced by `z`
  (hex digits plus `z` are all nix-base32 characters). The stand-in has the length of the
  real path, so rewriting the 32-character hash part keeps binaries valid.

  Inputs: `{ name, outputs }` — the package name and its output names.

  Type: standIns :: { name :: String; outputs :: [String]; } -> AttrSet String

  Example:
    standIns { name = "hello-2.10"; outputs = [ "out" ]; }
      => { out = "/nix/store/<32 chars>-hello-2.10"; }
*/
{ name, outputs }:
let
  hashPart =
    output:
    builtins.replaceStrings [ "e" ] [ "z" ] (
      builtins.substring 0 32 (builtins.hashString "sha256" "phasesplit-stand-in:${name}:${output}")
    );
  pathOf =
    output:
    "${builtins.storeDir}/${hashPart output}-${name}${if output == "out" then "" else "-${output}"}";
in
builtins.listToAttrs (
  map (output: {
    name = output;
    value = pathOf output;
  }) outputs
)
