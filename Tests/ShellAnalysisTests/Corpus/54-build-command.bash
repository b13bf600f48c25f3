mkdir -p "$out/bin"
printf '#!/bin/sh\necho "built by buildCommand"\n' > "$out/bin/build-command-hello"
chmod +x "$out/bin/build-command-hello"
runHook postInstall
