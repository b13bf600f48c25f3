runHook preCheck
if [ "$doCheck" = 1 ]; then
  HOME=$TMPDIR LC_ALL=C.UTF-8 make check ${checkFlags:-}
fi
runHook postCheck
