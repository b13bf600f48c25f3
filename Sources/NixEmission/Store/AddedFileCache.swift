import Basics
import Foundation

/// The store paths of regular files phasesplit added to the store, so an unchanged file (same
/// path, device, inode, size and modification time) is not hashed again: `nix-store --add` of
/// the 60 MB static executable costs more than evaluating a split package.
///
/// One line per file, `KEY<TAB>STORE-PATH`, in `STATE/added-files`. An entry counts only while its
/// store path exists; a missing or unreadable cache means adding the file again.
public struct AddedFileCache: Sendable {
  /// The cache file.
  public var file: String

  /// A cache in `file`.
  public init(file: String) {
    self.file = file
  }

  /// The cache in the state directory (see `StateDirectory`).
  public init(stateDirectory: String) {
    self.init(file: stateDirectory + "/added-files")
  }

  /// The store path recorded for `path` as it is now, if that store path still exists.
  public func storePath(for path: String) -> String? {
    guard let key = Self.key(path), let text = try? String(contentsOfFile: file, encoding: .utf8) else {
      return nil
    }
    for line in text.split(separator: "\n") {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      if fields.count == 2, fields[0] == key, FileManager.default.fileExists(atPath: String(fields[1])) {
        return String(fields[1])
      }
    }
    return nil
  }

  /// Records that `path`, as it is now, was added as `storePath` (best effort: a cache that cannot
  /// be written only costs time).
  public func record(_ path: String, storePath: String) {
    guard let key = Self.key(path) else { return }
    let kept = ((try? String(contentsOfFile: file, encoding: .utf8)) ?? "").split(separator: "\n")
      .filter {
        !$0.hasPrefix(key + "\t")
          && $0.split(separator: "\t").last.map { FileManager.default.fileExists(atPath: String($0)) } == true
      }
    let text = (kept.map(String.init) + [key + "\t" + storePath]).joined(separator: "\n") + "\n"
    let directory = (file as NSString).deletingLastPathComponent
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let temporary = file + ".\(getpid()).tmp"
    guard (try? text.write(toFile: temporary, atomically: false, encoding: .utf8)) != nil else { return }
    if rename(temporary, file) != 0 { unlink(temporary) }
  }

  /// `path device inode size mtime` of a regular file, nil for anything else.
  static func key(_ path: String) -> String? {
    var status = stat()
    guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, !path.contains("\t"),
      !path.contains("\n")
    else { return nil }
    return
      "\(path) \(status.st_dev) \(status.st_ino) \(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
  }
}
