/// The files a build system reads to describe the build rather than to compile: configure
/// scripts and their inputs, Makefiles, CMake and Meson files.
///
/// A change to one of them can change commands the build runs without changing any file a
/// target depends on, which make does not notice (ninja does: it records each output's command).
public enum BuildDescriptionFiles {
  /// File names that describe the build wherever they are in the tree.
  public static let names: Set<String> = [
    "configure", "configure.ac", "configure.in", "aclocal.m4", "config.h.in", "Makefile.am", "Makefile.in",
    "GNUmakefile", "Makefile", "makefile", "CMakeLists.txt", "CMakeCache.txt", "meson.build",
    "meson_options.txt", "meson.options",
  ]
  /// Name endings of files that describe the build (`.m4` macros, CMake modules, make fragments).
  public static let suffixes = [".m4", ".cmake", ".mk", ".mak"]

  /// Whether a path (relative to the source root) names a build-description file.
  public static func contains(_ path: RawPath) -> Bool {
    let name = path.lastComponent.description
    return names.contains(name) || suffixes.contains { name.hasSuffix($0) }
  }
}
