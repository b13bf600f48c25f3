unset LD LDFLAGS
unset -f oldHook
export PKG_CONFIG_PATH
export -n CC
readonly stamp=$SOURCE_DATE_EPOCH
