/// Why the corpus could not be loaded.
enum CorpusError: Error, CustomStringConvertible {
  case missingDirectory

  var description: String {
    "the Corpus resource folder is missing from the test bundle; check `resources: [.copy(\"Corpus\")]` in Package.swift"
  }
}
