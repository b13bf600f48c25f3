make 2>&1 | tee "$TMPDIR/build.log"
exec 3>"$out/nix-support/setup-hook"
echo "addToSearchPath PATH $out/bin" >&3
exec 3>&-
cmd &> "$logFile" || cat "$logFile" >&2
