for var in CC CXX LD; do
  export "$var"="${var,,}"
  declare "${var}_FOR_BUILD=$var"
done
