/**
  The SwiftPM workspace for the dependencies pinned in Package.resolved, as SwiftPM 6 leaves it
  after resolving them: where each checkout goes and `.build/workspace-state.json`.

  Input: `resolved` — Package.resolved, parsed.

  Returns: `checkoutName pin` (the directory under `.build/checkouts`: the repository's name, e.g.
  `Rainbow`, where the pin's identity is `rainbow`) and `state` (the workspace state).
  Plain builtins, so it evaluates without nixpkgs (PackagingTests compares it with SwiftPM's own).
*/
{ resolved }:
let
  checkoutName =
    pin:
    let
      base = baseNameOf pin.location;
      withoutGit = builtins.match "(.*)\\.git" base;
    in
    if withoutGit == null then base else builtins.head withoutGit;
in
{
  inherit checkoutName;
  state = {
    version = 7;
    object = {
      artifacts = [ ];
      prebuilts = [ ];
      dependencies = map (pin: {
        basedOn = null;
        packageRef = {
          inherit (pin) identity kind location;
          name = checkoutName pin;
        };
        state = {
          name = "sourceControlCheckout";
          checkoutState = { inherit (pin.state) revision version; };
        };
        subpath = checkoutName pin;
      }) resolved.pins;
    };
  };
}
