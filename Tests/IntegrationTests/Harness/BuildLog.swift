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

  /// The lines of a build log that run a C/C++ compiler: a command line starting with
  /// cc/gcc/c++/g++/clang (make echoing the recipe) or automake/cmake/ninja progress lines
  /// for compiling (`  CC  foo.o`, `Building C object …`, `[3/9] … -c …`).
  static func compilerInvocations(in log: String) -> [String] {
    log.split(separator: "\n").map(String.init).filter { line in
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      let firstWord = trimmed.split(separator: " ").first.map(String.init) ?? ""
      let compilers: Set<String> = [
        "cc", "gcc", "c++", "g++", "clang", "clang++", "CC", "CXX", "CCLD", "CXXLD",
      ]
      if compilers.contains(firstWord) { return true }
      if firstWord.hasSuffix("/cc") || firstWord.hasSuffix("/gcc") || firstWord.hasSuffix("/c++") {
        return true
      }
      if trimmed.contains("Building C object") || trimmed.contains("Building CXX object") {
        return true
      }
      if trimmed.hasPrefix("["), trimmed.contains(" -c ") { return true }
      return false
    }
  }
}
