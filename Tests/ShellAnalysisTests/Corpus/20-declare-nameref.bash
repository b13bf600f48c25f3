appendFlag() {
  local -n target=$1
  target+=("$2")
}
appendFlag cmakeFlags "-DBUILD_TESTING=OFF"
