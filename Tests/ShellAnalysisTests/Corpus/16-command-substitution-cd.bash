root=$(cd "$(dirname "$src")" && pwd)
version=`cat VERSION`
echo "building $pname $version in $root"
