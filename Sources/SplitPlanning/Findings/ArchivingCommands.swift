/// Commands that store their input in a form relocation cannot rewrite in place: compressed,
/// archived or re-encoded (the stand-in scan of the final segment looks for these forms).
enum ArchivingCommands {
  /// The command names.
  static let names: Set<String> = [
    "gzip", "pigz", "bzip2", "pbzip2", "xz", "lzma", "lzip", "zstd", "pzstd", "lz4", "compress", "zip", "jar",
    "tar", "cpio", "7z", "7za", "base64", "iconv",
  ]

  /// The archiving commands among `commands`, sorted.
  static func called(in commands: Set<String>) -> [String] {
    commands.intersection(names).sorted()
  }
}
