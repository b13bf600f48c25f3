import Foundation

/// phasesplit's state directory: the segments' garbage-collector roots (`gcroots/`) and the
/// store paths of executables it added to the store (`added-files`).
///
/// `$PHASESPLIT_STATE_DIR`, else `$XDG_STATE_HOME/phasesplit`, else `$HOME/.local/state/phasesplit`.
public enum StateDirectory {
  /// The environment variable that names the state directory.
  public static let variable = "PHASESPLIT_STATE_DIR"

  /// The state directory for `environment`.
  public static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
    if let explicit = environment[variable], !explicit.isEmpty { return explicit }
    if let state = environment["XDG_STATE_HOME"], !state.isEmpty { return state + "/phasesplit" }
    return (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state/phasesplit"
  }
}
