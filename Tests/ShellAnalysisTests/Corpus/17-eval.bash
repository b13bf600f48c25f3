eval "$preBuildCommands"
make $makeFlags
