runHook preBuild
make -j"${NIX_BUILD_CORES}" -l"${NIX_BUILD_CORES}" ${enableParallelBuilding:+-j$NIX_BUILD_CORES} \
  "${makeFlagsArray[@]}" $buildFlags all
runHook postBuild
