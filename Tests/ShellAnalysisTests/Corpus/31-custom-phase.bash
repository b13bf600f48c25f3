runHook preGenerate
python3 generate.py --output "$NIX_BUILD_TOP/generated" --version "$version"
cp -r "$NIX_BUILD_TOP/generated"/* src/
runHook postGenerate
