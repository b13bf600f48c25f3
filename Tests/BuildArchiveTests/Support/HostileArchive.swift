import PhasesplitTestSupport

/// Builds archives that `unpack` must refuse, with python3's tarfile and the zstd CLI (not with
/// the code under test).
enum HostileArchive {
  /// Writes a `.tar.zst` to `path` whose members are created by `members`, Python statements run
  /// with `tar` (an open `tarfile.TarFile`), `tarfile`, `io` and the helper `add(info, data=b"")`.
  static func write(to path: String, members: String) throws {
    let script = """
      import io, sys, tarfile
      with tarfile.open(sys.argv[1], "w", format=tarfile.PAX_FORMAT) as tar:
          def add(info, data=b""):
              info.size = len(data)
              tar.addfile(info, io.BytesIO(data))
      \(members.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
      """
    let tarPath = path + ".tar"
    let python = try CommandRunner.plain.run("/usr/bin/env", ["python3", "-c", script, tarPath])
    guard python.status == 0 else { throw HostileArchiveError.python(python.standardError) }
    let zstd = try CommandRunner.plain.run("/usr/bin/zstd", ["-q", "-f", "--rm", tarPath, "-o", path])
    guard zstd.status == 0 else { throw HostileArchiveError.zstd(zstd.standardError) }
  }
}

/// Failure to build a hostile test archive.
enum HostileArchiveError: Error {
  case python(String)
  case zstd(String)
}
