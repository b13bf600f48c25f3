patchelf --set-rpath "$(patchelf --print-rpath $out/bin/tool):$runtimeLibs" $out/bin/tool
wrapProgram $out/bin/tool --prefix LD_LIBRARY_PATH : "$libPath"
