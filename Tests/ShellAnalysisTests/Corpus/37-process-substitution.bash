diff <(sort "$expected") <(sort "$out/share/list") > /dev/null
tee >(gzip > "$out/log.gz") < build.log
