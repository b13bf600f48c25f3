installDoc() {
  local name=$1
  install -Dm644 "doc/$name" "$doc/share/doc/$pname/$name"
}
function installExample {
  cp -r "examples/$1" "$out/share/examples/"
}
installDoc README
installExample basic
