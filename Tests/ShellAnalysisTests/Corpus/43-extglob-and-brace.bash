shopt -s extglob
rm -rf $out/share/locale/!(en|de)
cp {README,NEWS,COPYING} "$doc/share/doc/"
echo ${out}/{bin,lib}
