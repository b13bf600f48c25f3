cat > src/version.h <<EOF
#define VERSION "$version"
#define PREFIX "$out"
#define BUILD_DATE "$(date -u -d @$SOURCE_DATE_EPOCH +%F)"
EOF
