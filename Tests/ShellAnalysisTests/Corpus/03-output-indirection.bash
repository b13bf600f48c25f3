moveToOutput "lib/pkgconfig" "${!outputDev}"
mkdir -p "${!outputBin}/bin" "${!outputMan}/share/man"
ln -s "${!outputLib}/lib/libfoo.so.1" "${!outputLib}/lib/libfoo.so"
