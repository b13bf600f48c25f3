moveToOutput bin/tool-config "$dev"
substituteInPlace "$dev/bin/tool-config" --replace "$out/include" "$dev/include"
remove-references-to -t "$dev" "$out/lib/libtool.so"
