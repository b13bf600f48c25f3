case "$(uname -m)" in
  x86_64) target=amd64 ;;
  aarch64|arm64) target=arm64 ;;
  i?86) target=386 ;;
  *) echo "unsupported platform $hostPlatform"; exit 1 ;;
esac
makeFlagsArray+=(ARCH=$target)
