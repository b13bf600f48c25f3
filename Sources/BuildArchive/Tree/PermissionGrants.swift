import Basics

/// Modes `TreeScanner` widened so the packing user can read its own files and directories, and
/// the original modes to give back (the archive stores the originals).
final class PermissionGrants {
  private var grants: [(path: RawPath, permissions: UInt32)] = []

  /// Records that `path` had `originalPermissions` before it was opened up.
  func record(_ path: RawPath, originalPermissions: UInt32) {
    grants.append((path, originalPermissions))
  }

  /// Restores every original mode, deepest first (the scan records parents before children); the
  /// first failure is thrown after all were tried.
  func restore() throws {
    var failure: ArchiveError?
    for grant in grants.reversed() where grant.path.withCString({ chmod($0, mode_t(grant.permissions)) }) != 0
    {
      failure =
        failure ?? .cannotAccess(path: grant.path.description, operation: "restore the mode of", errno: errno)
    }
    grants.removeAll()
    if let failure { throw failure }
  }
}
