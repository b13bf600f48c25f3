import Basics

/// The entries that differ between two source trees (an old and a new unpacked source, read from
/// their segments' archives), by relative path: added, changed (kind, contents, permission bits,
/// symlink target) or deleted. Modification times are not compared: they say when a tree was
/// unpacked, not what it holds.
public struct SourceDifference: Sendable {
  /// The changes, sorted byte-wise by path.
  public var changes: [SourceChange]
  /// The new tree's modification time of each added or changed entry, for ordering them.
  var newTimes: [RawPath: FileTime]

  /// Whether nothing differs.
  public var isEmpty: Bool { changes.isEmpty }

  /// The changed, added or deleted paths that are build-description files (`BuildDescriptionFiles`).
  public var buildDescriptionChanges: [SourceChange] {
    changes.filter { !$0.isDirectory && BuildDescriptionFiles.contains($0.path) }
  }

  /// The deletions of files (not directories).
  public var deletedFiles: [SourceChange] {
    changes.filter { $0.kind == .deleted && !$0.isDirectory }
  }

  /// Compares the old source tree with the new one.
  public static func between(old: ArchivedTree, new: ArchivedTree) -> SourceDifference {
    var changes: [SourceChange] = []
    var newTimes: [RawPath: FileTime] = [:]
    for (path, entry) in new.entries {
      if let before = old.entries[path] {
        if !same(before, entry) {
          changes.append(change(path, .changed, entry))
          newTimes[path] = entry.order
        }
      } else {
        changes.append(change(path, .added, entry))
        newTimes[path] = entry.order
      }
    }
    for (path, entry) in old.entries where new.entries[path] == nil {
      changes.append(change(path, .deleted, entry))
    }
    changes.sort { $0.path < $1.path }
    return SourceDifference(changes: changes, newTimes: newTimes)
  }

  private static func change(_ path: RawPath, _ kind: SourceChange.Kind, _ entry: ArchivedTree.Entry)
    -> SourceChange
  {
    SourceChange(
      path: path, kind: kind, isDirectory: entry.kind == .directory, isRegularFile: entry.kind == .regularFile
    )
  }

  /// Whether two entries are the same: kind, permission bits, symlink target, size and contents.
  private static func same(_ old: ArchivedTree.Entry, _ new: ArchivedTree.Entry) -> Bool {
    old.kind == new.kind && old.permissions == new.permissions && old.symlinkTarget == new.symlinkTarget
      && old.size == new.size && old.digest == new.digest
  }
}
