patchShebangs ./build-aux
autoreconf -fi
sed -i -e "s|/bin/pwd|pwd|g" configure
