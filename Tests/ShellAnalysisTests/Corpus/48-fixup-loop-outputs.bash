for output in $(getAllOutputNames); do
  if [ -d "${!output}/share/man" ]; then
    compressManPages "${!output}"
  fi
done
