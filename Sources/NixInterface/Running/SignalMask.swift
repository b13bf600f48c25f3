import Basics

/// The calling thread's signal mask before starting a child process or `exec`.
///
/// Swift concurrency and Dispatch worker threads block most signals, and a child process (and an
/// `exec`) inherits the mask: `nix-build` or the `enter` shell would then ignore Ctrl-C, SIGTERM
/// and SIGHUP. Children are therefore started with every signal unblocked: ``NixRunner``'s
/// children get an empty mask from Subprocess (its spawn resets the mask in the child); `enter`,
/// which `exec`s the shell, unblocks them first.
public enum SignalMask {
  /// Unblocks every signal on this thread for good (before `exec`).
  public static func unblockAll() {
    var empty = sigset_t()
    sigemptyset(&empty)
    pthread_sigmask(SIG_SETMASK, &empty, nil)
  }
}
