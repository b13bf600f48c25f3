read -r major minor patch <<< "${version//./ }"
mapfile -t sources < <(find src -name '*.c')
readarray files < filelist
printf -v joined '%s,' "${sources[@]}"
IFS=: read -ra dirs <<< "$PATH"
