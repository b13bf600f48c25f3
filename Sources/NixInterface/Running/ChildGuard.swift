/// The small bash program that `NixRunner.runStreaming` puts between phasesplit and a long-running
/// Nix command (`nix-build`), so the command never outlives phasesplit:
///
/// - its standard input is a pipe whose write end only phasesplit holds (close-on-exec) and never
///   writes to: end of file there means phasesplit is gone, also after `kill -9`; the guard then
///   sends SIGTERM to the command's process group, and SIGKILL 5 s later if it is still there;
/// - SIGTERM, SIGINT and SIGHUP sent to the guard are forwarded to the command's process group;
/// - it waits for the command and exits with its status, or is killed by the signal that killed it.
///
/// The command runs in a process group of its own (so the whole group can be signalled) with
/// standard input from `/dev/null`. `PR_SET_PDEATHSIG` is not used: it fires when the *thread* that
/// started the child exits, and Swift concurrency's worker threads come and go.
enum ChildGuard {
  /// `bash` runs the guard.
  static let shell = "/bin/bash"
  /// Seconds between SIGTERM and SIGKILL once phasesplit is gone.
  static let killDelaySeconds = 5

  /// The arguments for `shell`: the guard program, then the command line to run.
  static func arguments(running command: [String]) -> [String] {
    ["-c", script, "phasesplit-guard"] + command
  }

  static let script = """
    set -m
    exec 3<&0 0</dev/null
    "$@" &
    child=$!
    set +m
    interrupted=0
    forward() {
      interrupted=1
      kill -s "$1" -- "-$child" 2>/dev/null || kill -s "$1" "$child" 2>/dev/null || true
    }
    trap 'forward TERM' TERM
    trap 'forward INT' INT
    trap 'forward HUP' HUP
    {
      while read -r -u 3 _; do :; done
      forward TERM
      sleep \(killDelaySeconds)
      forward KILL
    } &
    watcher=$!
    exec 3<&-
    status=
    while :; do
      interrupted=0
      wait "$child"
      code=$?
      if [ "$code" = 127 ] && [ -n "$status" ]; then code=$status; fi
      status=$code
      if [ "$interrupted" = 1 ] && [ "$code" -gt 128 ]; then continue; fi
      break
    done
    kill "$watcher" 2>/dev/null
    # A command killed by a signal: end the same way, so the caller sees the signal.
    if [ "$status" -gt 128 ] && [ "$status" -lt 160 ]; then
      trap - TERM INT HUP
      kill -s "$((status - 128))" "$$"
    fi
    exit "$status"
    """
}
