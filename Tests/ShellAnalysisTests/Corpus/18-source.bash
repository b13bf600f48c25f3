source ./build-env.sh
. "$stdenv/setup-extra"
make
