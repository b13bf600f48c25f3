export CFLAGS="$CFLAGS -O2 -fno-strict-aliasing"
configureFlagsArray+=("--with-extra=$extra" "--docdir=$doc/share/doc")
NIX_CFLAGS_COMPILE+=" -DNDEBUG"
