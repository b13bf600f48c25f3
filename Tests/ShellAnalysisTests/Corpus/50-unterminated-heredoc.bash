cat > config <<EOF
prefix=$out
