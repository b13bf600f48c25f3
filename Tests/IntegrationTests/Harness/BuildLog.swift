import Foundation

/// Reading what Nix printed about a build: which derivations it planned or built, and which
/// lines of a build log invoke a compiler.
enum BuildLog {
  /// The .drv paths listed under "will be built" in `nix-store --realise --dry-run` output.
  static func plannedDerivations(in text: String) -> [String] {
    var planned: [String] = []
    var inBuildList = false
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.contains("will be built") {
        inBuildList = true
        continue
      }
      let entry = line.trimmingCharacters(in: .whitespaces)
      if inBuildList, line.hasPrefix(" "), entry.hasSuffix(".drv") {
        planned.append(entry)
      } else {
        inBuildList = false
      }
    }
    return planned
  }

  /// The .drv paths of the "building '…drv'..." lines Nix prints as it starts each build.
  static func builtDerivations(in text: String) -> [String] {
    text.split(separator: "\n").compactMap { line -> String? in
      guard let start = line.range(of: "building '"),
        let end = line.range(of: ".drv'", range: start.upperBound..<line.endIndex)
      else { return nil }
      return String(line[start.upperBound..<end.lowerBound]) + ".drv"
    }
  }

  /// The lines of a build log that run a C/C++ compiler or linker: a command line starting
  /// with cc/gcc/c++/g++/clang (make echoing its recipe), or the progress lines of cmake's
  /// Makefiles, ninja and meson (`Building C object …`, `Compiling C object …`, `Linking C …`).
  static func compilerInvocations(in log: String) -> [String] {
    let compilers: Set<String> = ["cc", "gcc", "c++", "g++", "clang", "clang++"]
    let progressMarkers = [
      "Building C object", "Building CXX object", "Compiling C object", "Compiling C++ object",
      "Linking C executable", "Linking C static library", "Linking C shared library", "Linking target",
    ]
    return log.split(separator: "\n").map(String.init).filter { line in
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      let command = trimmed.split(separator: " ").first.map(String.init) ?? ""
      let program = command.split(separator: "/").last.map(String.init) ?? command
      return compilers.contains(program) || progressMarkers.contains { trimmed.contains($0) }
    }
  }
}
