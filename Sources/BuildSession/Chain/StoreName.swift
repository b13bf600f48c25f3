/// The name part of a store path: `/nix/store/<hash>-hello-2.10.drv` → `hello-2.10.drv`.
public enum StoreName {
  /// The name after the 32-character hash and its dash; the last path component when the path
  /// does not look like a store path.
  public static func of(_ path: String) -> String {
    let component = path.split(separator: "/").last.map(String.init) ?? path
    guard component.count > 33, component[component.index(component.startIndex, offsetBy: 32)] == "-" else {
      return component
    }
    return String(component.dropFirst(33))
  }
}
