// The C library, imported once for every module: `import Basics` gives a file `open`, `stat`,
// `errno`, `posix_spawn` and the rest. phasesplit runs on Linux only (glibc; musl for a fully
// static build); there is no Darwin branch because the code uses Linux-only calls
// (`CLOCK_REALTIME_COARSE`, `st_mtim`, `/proc/self/exe`).
#if canImport(Glibc)
  @_exported import Glibc
#elseif canImport(Musl)
  @_exported import Musl
#else
  #error("phasesplit builds on Linux only (Glibc or Musl)")
#endif
