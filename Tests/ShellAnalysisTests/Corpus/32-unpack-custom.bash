runHook preUnpack
mkdir source
tar -xf "$src" -C source --strip-components=1
for s in $srcs; do cp "$s" source/; done
sourceRoot=source
runHook postUnpack
