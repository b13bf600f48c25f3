for o in $outputs; do
  echo "output $o is ${!o}"
done
