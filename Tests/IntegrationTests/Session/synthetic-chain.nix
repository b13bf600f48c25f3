# A split package built without nix-lib: segments named and described as nix-lib's splitPhases
# names them (NAME-seg-SEGMENT, phasesplitSegment, phasesplitPhases, phasesplitPrevious), each
# printing the stdenv's setPhase markers. It lets the build/explain tests run real Nix builds
# quickly. `salt` gives each test its own store paths; `failIn` (final segment only) names a
# phase that fails; `dependency` gives the first segment a dependency that is not a segment:
# "slow" (a derivation that runs a buildPhase for `dependencySeconds`) or "badHash" (a
# fixed-output derivation whose hash does not match); `sleepIn` names a phase of the final
# segment that takes `dependencySeconds`.
{
  salt,
  failIn ? "",
  sleepIn ? "",
  dependency ? "",
  dependencySeconds ? "2",
  configureFlags ? "",
  postInstall ? "",
}:
let
  slow = derivation {
    name = "demo-${salt}-tool";
    system = builtins.currentSystem;
    builder = "/bin/bash";
    args = [
      "-c"
      ''
        echo "@nix { \"action\": \"setPhase\", \"phase\": \"buildPhase\" }" >&$NIX_LOG_FD
        echo "tool: building"
        /bin/sleep ${dependencySeconds}
        echo tool > $out
      ''
    ];
  };
  badHash = derivation {
    name = "demo-${salt}-src";
    system = builtins.currentSystem;
    builder = "/bin/bash";
    args = [
      "-c"
      "/bin/sleep 0.3; echo source > $out"
    ];
    outputHashMode = "flat";
    outputHashAlgo = "sha256";
    outputHash = "0000000000000000000000000000000000000000000000000000";
  };
  dependencies = {
    "" = { };
    slow = {
      tool = slow;
    };
    badHash = {
      src = badHash;
    };
  };
  segment =
    {
      segment,
      phases,
      previous ? null,
      final ? false,
      extra ? { },
    }:
    derivation (
      {
        name = if final then "demo-${salt}" else "demo-${salt}-seg-${segment}";
        system = builtins.currentSystem;
        builder = "/bin/bash";
        phasesplitSegment = segment;
        phasesplitPhases = phases;
        phasesplitPrevious = if previous == null then "" else previous;
        args = [
          "-c"
          ''
            # A moment's pause: Nix now and then kills builders that exit at once (NixOS/nix#2176).
            /bin/sleep 0.3
            for phase in $phasesplitPhases; do
              echo "@nix { \"action\": \"setPhase\", \"phase\": \"$phase\" }" >&$NIX_LOG_FD
              echo "running $phase"
              if [ "$phase" = "$failIn" ]; then echo "$phase: simulated failure"; exit 2; fi
              if [ "$phase" = "''${sleepIn:-}" ]; then /bin/sleep ${dependencySeconds}; fi
            done
            /bin/mkdir -p $out
            ${if final then "echo done > $out/result" else "/bin/head -c 3000 /dev/zero > $out/tree.pst"}
          ''
        ];
      }
      // extra
    );
  unpack = segment {
    segment = "unpack";
    phases = [ "unpackPhase" "patchPhase" ];
    extra = dependencies.${dependency};
  };
  configure = segment {
    segment = "configure";
    phases = [ "configurePhase" ];
    previous = unpack;
    extra = { inherit configureFlags; };
  };
  build = segment {
    segment = "build";
    phases = [ "buildPhase" ];
    previous = configure;
  };
in
segment {
  segment = "install";
  phases = [ "installPhase" "fixupPhase" ];
  previous = build;
  final = true;
  extra = { inherit postInstall failIn sleepIn; };
}
