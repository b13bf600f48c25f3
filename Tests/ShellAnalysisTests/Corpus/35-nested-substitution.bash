echo "$(echo "$(basename "$(dirname "$out")")" | tr a-z A-Z)" > name.txt
size=$(stat -c %s "$(readlink -f "$out/lib/lib${pname}.so")")
