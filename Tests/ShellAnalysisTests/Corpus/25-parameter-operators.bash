name=${pname:-tool}
base=${src##*/}
stem=${base%.tar.*}
upper=${name^^}
echo "${version/-rc/~rc}" "${prefix:=$out}" "${debug:+--debug}" "${shortRev:0:$len}"
echo "${!NIX_CFLAGS*}" "${#name}"
