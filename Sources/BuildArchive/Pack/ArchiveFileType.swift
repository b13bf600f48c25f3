/// libarchive's file type values (`AE_IFREG` etc.; the C macros do not import into Swift).
enum ArchiveFileType {
  static let mask: UInt32 = 0o170000
  static let regularFile: UInt32 = 0o100000
  static let directory: UInt32 = 0o040000
  static let symlink: UInt32 = 0o120000
  static let characterDevice: UInt32 = 0o020000
  static let blockDevice: UInt32 = 0o060000
  static let fifo: UInt32 = 0o010000
  static let socket: UInt32 = 0o140000
}
