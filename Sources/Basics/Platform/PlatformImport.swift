// The C library, imported once for every module: `import Basics` gives a file `open`, `stat`,
// `errno`, `posix_spawn` and the rest. phasesplit runs on Linux only: glibc is what is built and
// tested (scripts/build.sh links it statically); Musl (the Swift static Linux SDK) is accepted but
// untested. There is no Darwin branch: the code uses Linux-only calls (`CLOCK_REALTIME_COARSE`,
// `st_mtim`).
#if canImport(Glibc)
  @_exported import Glibc
#elseif canImport(Musl)
  @_exported import Musl
#else
  #error("phasesplit builds on Linux only (Glibc or Musl)")
#endif
