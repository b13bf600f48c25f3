parseArgs() {
  while getopts "vo:" opt; do
    case $opt in
      v) verbose=1 ;;
      o) outFile=$OPTARG ;;
    esac
  done
}
