for prog in $out/bin/*; do
  wrapProgram "$prog" \
    --prefix PATH : "${binPath}" \
    --set-default LOCALE_ARCHIVE "$localeArchive"
done
