find "$out" -name '*.la' -print0 | while IFS= read -r -d '' file; do
  rm -f "$file"
  count=$((count + 1))
done
echo "removed $count libtool archives"
