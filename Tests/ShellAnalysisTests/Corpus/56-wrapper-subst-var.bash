mkdir -p $out/bin
substitute ./wrapper.sh.in $out/bin/tool-wrapper \
  --subst-var shell \
  --subst-var-by toolPath "$out/libexec/tool"
chmod +x $out/bin/tool-wrapper
