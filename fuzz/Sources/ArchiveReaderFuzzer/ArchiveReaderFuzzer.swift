import BuildArchive
import CZstd

#if canImport(Glibc)
  import Glibc
#endif

// libFuzzer target for the archive reader: `ArchiveLister` and `ArchiveUnpacker` on one archive file.
//
// Input: byte 0 chooses the layer the rest is for.
// - odd: the rest is the archive file as is (zstd frames, checksums, trailing data);
// - even: the rest is `HEADER\0TAR` (no NUL in the first 256 bytes: no header), written as pack
//   writes archives — a skippable frame holding HEADER, then TAR compressed in one checksummed
//   zstd frame — so mutations reach the header and tar layers, not only zstd's.

/// The scratch directory for the archive file and the unpack target: `$PHASESPLIT_FUZZ_SCRATCH`
/// (scripts/fuzz.sh makes one on tmpfs and removes it; libFuzzer exits without `atexit` handlers),
/// else a new directory in /dev/shm.
private let scratch: String = {
  if let configured = getenv("PHASESPLIT_FUZZ_SCRATCH") { return String(cString: configured) }
  var template = Array("/dev/shm/phasesplit-fuzz-XXXXXX".utf8CString)
  guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
    fatalError("cannot create a scratch directory in /dev/shm")
  }
  return String(cString: made)
}()

private func littleEndian(_ value: UInt32) -> [UInt8] {
  (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
}

private func compressed(_ bytes: [UInt8]) -> [UInt8] {
  let context = ZSTD_createCCtx()
  defer { ZSTD_freeCCtx(context) }
  ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, 1)
  ZSTD_CCtx_setParameter(context, ZSTD_c_checksumFlag, 1)
  var output = [UInt8](repeating: 0, count: ZSTD_compressBound(bytes.count))
  let count = output.withUnsafeMutableBytes { out in
    bytes.withUnsafeBytes { ZSTD_compress2(context, out.baseAddress, out.count, $0.baseAddress, $0.count) }
  }
  return ZSTD_isError(count) != 0 ? [] : Array(output[0..<count])
}

private func archiveFile(from input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
  let rest = input.dropFirst()
  if input[0] & 1 == 1 { return Array(rest) }
  guard let separator = rest.prefix(256).firstIndex(of: 0) else { return compressed(Array(rest)) }
  let header = Array(rest[rest.startIndex..<separator])
  let tar = Array(rest[(separator + 1)...])
  return littleEndian(0x184D_2A5E) + littleEndian(UInt32(header.count)) + header + compressed(tar)
}

/// Removes `path` and everything below it, making directories accessible first.
private func removeTree(_ path: String) {
  var info = stat()
  guard lstat(path, &info) == 0 else { return }
  if info.st_mode & S_IFMT == S_IFDIR {
    chmod(path, 0o700)
    if let handle = opendir(path) {
      var names: [String] = []
      while let record = readdir(handle) {
        let name = withUnsafePointer(to: record.pointee.d_name) {
          $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
        }
        if name != "." && name != ".." { names.append(name) }
      }
      closedir(handle)
      for name in names { removeTree(path + "/" + name) }
    }
    rmdir(path)
  } else {
    unlink(path)
  }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func archiveReaderFuzzer(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  guard size > 0 else { return 0 }
  let file = archiveFile(from: UnsafeBufferPointer(start: data, count: size))
  let archive = scratch + "/archive.pst"
  let descriptor = open(archive, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  guard descriptor >= 0 else { fatalError("cannot write \(archive)") }
  _ = file.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
  close(descriptor)
  _ = try? ArchiveLister.entries(of: RawPath(archive))
  let target = scratch + "/target"
  _ = try? ArchiveUnpacker.unpack(
    archive: RawPath(archive), into: RawPath(target), now: 1_800_000_000_000_000_000)
  removeTree(target)
  return 0
}
