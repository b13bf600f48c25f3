CC=$cc CFLAGS="$NIX_CFLAGS" ./configure --prefix=$out
DESTDIR=$TMPDIR make install
