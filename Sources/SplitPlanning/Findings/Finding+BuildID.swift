extension Finding {
  /// Linker options in any attribute that ask for build IDs relocation cannot recompute: GNU ld
  /// and gold hash the file (`--build-id`, `=sha1`, `=md5`) and relocation computes the hash
  /// again over the relocated bytes; a `uuid`, a fixed `0x…` value or lld's styles are kept as
  /// linked over the stand-in paths (and `phasesplit relocate` says so in the build log).
  static func buildIDFindings(attributes: some AttributeSource, segmentPlan: SegmentPlan) -> [Finding] {
    let patterns: [(text: String, why: String)] = [
      ("--build-id=uuid", "a random build ID (--build-id=uuid) is no hash of the file"),
      (
        "--build-id=0x",
        "a fixed build ID (--build-id=0x…) stays as given, which is right only if it does not describe the contents"
      ),
      ("-fuse-ld=lld", "lld's build IDs are not recomputed by phasesplit"),
      ("ld.lld", "lld's build IDs are not recomputed by phasesplit"),
    ]
    let final = segmentPlan.finalSegment.name
    var findings: [Finding] = []
    for name in attributes.attributeNames {
      guard let value = attributes.shellString(name) else { continue }
      for pattern in patterns where value.contains(pattern.text) {
        findings.append(
          Finding(
            kind: .buildIDNotRecomputed, segment: final, phase: "fixupPhase", attribute: name, variables: [],
            message: "\(name) links with \(pattern.text): \(pattern.why); relocated ELF files keep the "
              + "build ID linked over the stand-in paths, so they can differ from an unsplit build "
              + "(use --build-id=sha1 with GNU ld or gold, or build this package unsplit)"))
      }
    }
    return findings
  }
}
