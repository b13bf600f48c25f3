if [[ -z "${dontInstallDocs-}" && -d doc ]]; then
  cp -r doc "$doc/share/doc/$pname"
elif [[ $stdenv == *darwin* ]]; then
  echo skipping
fi
[ -f "$out/lib/libfoo.a" ] && rm "$out/lib/libfoo.a"
test -v NIX_ENFORCE_PURITY && echo pure
