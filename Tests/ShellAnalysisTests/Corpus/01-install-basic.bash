runHook preInstall
mkdir -p $out/bin
cp hello $out/bin/
runHook postInstall
