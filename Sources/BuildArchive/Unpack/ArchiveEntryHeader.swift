/// The metadata of one archive entry, as read from the tar stream.
struct ArchiveEntryHeader {
  /// The entry's path exactly as stored.
  var path: RawPath
  /// libarchive file type bits (`ArchiveFileType`); 0 for a hard link whose type is unset.
  var fileType: UInt32
  /// Permission bits including setuid/setgid/sticky.
  var permissions: UInt32
  /// Size of the entry's data.
  var size: Int64
  /// Stored modification time.
  var modificationTime: FileTime
  /// Symlink target, for symlinks.
  var symlinkTarget: RawPath?
  /// Hard-link target path, for hard links.
  var hardLinkTarget: RawPath?
}
