runHook preInstall
install -Dm755 build/tool "$out/bin/tool"
install -Dm644 include/*.h -t "$dev/include"
install -Dm644 docs/tool.1 "$man/share/man/man1/tool.1"
runHook postInstall
