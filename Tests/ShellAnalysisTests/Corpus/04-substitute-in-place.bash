substituteInPlace Makefile \
  --replace "/usr/local" "$out" \
  --replace-fail 'CC = gcc' "CC = $CC" \
  --subst-var-by version "$version"
substituteInPlace src/config.h --replace-warn "@datadir@" "$out/share"
