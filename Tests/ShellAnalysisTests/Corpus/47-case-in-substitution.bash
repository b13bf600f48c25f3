kind=$(case "$src" in
  *.zip) echo zip ;;
  *) echo tar ;;
esac)
echo "$kind"
