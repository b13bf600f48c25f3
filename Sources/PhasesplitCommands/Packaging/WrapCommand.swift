import ArgumentParser
import NixEmission
import NixInterface

/// `phasesplit wrap`: writes a Nix file that builds a package split into segments.
public struct WrapCommand: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "wrap",
    abstract: "Write a Nix file that builds a package split into segments.",
    discussion: """
      The file imports the phasesplit Nix library and applies splitPhases to the package, with \
      the boundaries and the attributes declared late with --late (every other attribute is \
      carried from the first segment on, unless the shared table defers it). With -f FILE the \
      package is (import FILE { args }).ATTR; \
      with a flake installable it is (builtins.getFlake "LOCKED").outputs.ATTRPATH, LOCKED being \
      the locked reference of `nix flake metadata` (a revision or NAR hash: the file evaluates \
      the same package every time, or fails); with --expr the expression's text; \
      with a .drv or output path it is rebuilt from the .drv's attributes, each input store path \
      keeping its string context. With --instantiate, prints each segment's name and .drv path.
      """
  )

  @OptionGroup public var installable: InstallableOptions

  @OptionGroup var split: SplitOptions

  @Option(
    name: [.short, .customLong("output")], help: ArgumentHelp("Write the Nix file here (default: stdout)."),
    completion: .file())
  public var outputFile: String?

  @Flag(help: "Instantiate the written file and print each segment's name and .drv path.")
  public var instantiate = false

  @Flag(
    help: """
      Make earlier segments floating content-addressed derivations (adds ca-derivations to the \
      experimental features Nix runs with).
      """)
  public var contentAddressed = false

  public init() {}

  public func run() async throws {
    let spec = try installable.spec()
    let nix = installable.nix.settings
    let settings = contentAddressed ? nix.addingExperimentalFeature("ca-derivations") : nix
    let splitter = try PackageSplitter.forCurrentExecutable(runner: NixRunner(settings: settings))
    let expression = try await splitter.wrapExpression(
      of: spec, settings: try split.settings(), contentAddressed: contentAddressed)
    if instantiate {
      for segment in try await splitter.instantiateSegments(of: expression, writingTo: outputFile) {
        print("\(segment.name) \(segment.path)")
      }
    } else if let outputFile {
      try PackageSplitter.write(expression, to: outputFile)
    } else {
      print(expression.text, terminator: "")
    }
  }
}
