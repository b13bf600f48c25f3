(cd contrib/tool && make PREFIX=$out install)
pushd docs >/dev/null
make html
popd >/dev/null
