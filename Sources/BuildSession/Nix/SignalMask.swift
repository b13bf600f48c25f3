#if canImport(Glibc)
  import Glibc
#endif

/// The calling thread's signal mask around starting a child process.
///
/// Swift concurrency and Dispatch worker threads block most signals, and a child process (and an
/// `exec`) inherits the mask: `nix-build` or the `enter` shell would then ignore Ctrl-C, SIGTERM
/// and SIGHUP. Children are therefore started with every signal unblocked.
enum SignalMask {
  /// Runs `body` with no signal blocked on this thread, then restores the previous mask.
  static func withAllUnblocked<Result, Failure: Error>(
    _ body: () throws(Failure) -> Result
  ) throws(Failure) -> Result {
    var empty = sigset_t()
    var previous = sigset_t()
    sigemptyset(&empty)
    pthread_sigmask(SIG_SETMASK, &empty, &previous)
    defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
    return try body()
  }

  /// Unblocks every signal on this thread for good (before `exec`).
  static func unblockAll() {
    var empty = sigset_t()
    sigemptyset(&empty)
    pthread_sigmask(SIG_SETMASK, &empty, nil)
  }
}
