local -a flags=("${makeFlags[@]}" "PREFIX=$out")
flags[3]="DESTDIR=$destdir"
echo "${#flags[@]} flags: ${flags[*]}"
for i in "${!extraFlags[@]}"; do
  echo "$i: ${extraFlags[$i]}"
done
