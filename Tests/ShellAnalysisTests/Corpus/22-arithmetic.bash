jobs=$(( NIX_BUILD_CORES > 4 ? 4 : NIX_BUILD_CORES ))
(( retries += 1 ))
let "total = passed + failed"
for (( i = 0; i < jobs; i++ )); do
  echo "worker $i"
done
