libs=$(pkg-config --libs foo
make LIBS="$libs"
