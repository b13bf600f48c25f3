import Foundation

/// Fresh directories for one test under the system temporary directory; the caller removes them.
public enum TemporaryDirectory {
  /// Creates `phasesplit-LABEL-UUID` under the system temporary directory and returns it.
  public static func make(_ label: String) throws -> URL {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("phasesplit-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory
  }
}
