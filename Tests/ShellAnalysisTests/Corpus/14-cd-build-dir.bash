mkdir build
cd build
cmakeDir=..
