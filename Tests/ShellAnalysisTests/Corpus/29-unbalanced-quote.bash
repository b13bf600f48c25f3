echo "this never ends
make install
