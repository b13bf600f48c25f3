addPhaseNote install
if [ "$configAnswer" != 42 ] || [ "${makeFlagsArray[*]}" != "TAG=$buildTag" ]; then
  echo "checkStatePhase: the state of the earlier custom phases is lost" >&2
  exit 1
fi
