import Foundation
import NixInterface

/// Indirect garbage-collector roots for the earlier segments of a split package, so that what a
/// build made (or reused) survives `nix-collect-garbage` until the user drops it.
///
/// The roots of one package are the symlinks in `STATE/gcroots/NAME/` (NAME: the package name),
/// one per earlier segment output (`unpack`, `configure`, …), each registered with
/// `nix-store --realise PATH --add-root LINK`. The final segment is the package itself; its
/// outputs are rooted by the out-link (`--out-link`), or not at all with `--no-out-link`.
/// Registering replaces the package's previous roots; `rm -r STATE/gcroots/NAME` drops them.
public struct SegmentRoots: Sendable {
  /// The directory that holds every package's roots (`STATE/gcroots`).
  public var rootsDirectory: String

  /// Roots under `stateDirectory/gcroots` (see ``StateDirectory``).
  public init(stateDirectory: String) {
    rootsDirectory = stateDirectory + "/gcroots"
  }

  /// The directory of `packageName`'s roots.
  public func directory(forPackage packageName: String) -> String {
    rootsDirectory + "/" + packageName
  }

  /// Replaces `chain`'s package roots by roots for each earlier segment whose outputs are in the
  /// store; returns the links made.
  ///
  /// - Throws: ``BuildSessionError/cannotRegisterRoots(directory:detail:)`` or a Nix error.
  public func register(_ chain: SegmentChain, runner: NixRunner) async throws(BuildSessionError) -> [String] {
    let directory = directory(forPackage: chain.packageName)
    let files = FileManager.default
    do {
      try files.createDirectory(atPath: directory, withIntermediateDirectories: true)
      for name in try files.contentsOfDirectory(atPath: directory) {
        let path = directory + "/" + name
        if (try? files.destinationOfSymbolicLink(atPath: path)) != nil { try files.removeItem(atPath: path) }
      }
    } catch {
      throw .cannotRegisterRoots(directory: directory, detail: error.localizedDescription)
    }
    var links: [String] = []
    for segment in chain.segments where !segment.isFinal {
      let outputs = segment.outputPaths.sorted { $0.key < $1.key }
      guard !outputs.isEmpty, outputs.allSatisfy({ files.fileExists(atPath: $0.value) }) else { continue }
      for (output, path) in outputs {
        let link = directory + "/" + segment.name + (output == "out" ? "" : "-" + output)
        do {
          try await runner.addRoot(path, link: link)
        } catch {
          throw .nix(error)
        }
        links.append(link)
      }
    }
    return links
  }
}
