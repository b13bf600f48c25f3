import Basics

/// The number of online processors, for sizing compression worker pools.
enum ProcessorCount {
  /// Online processors, at least 1.
  static var online: Int32 {
    Int32(max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))))
  }
}
