import Basics
import Foundation
import Testing

@Suite struct JSONOutputTests {
  struct Sample: Codable, Equatable {
    var zeta: String
    var alpha: [Int]
    var path: String?
  }

  @Test func keysAreSortedPrettyPrintedAndSlashesLeftAlone() throws {
    let sample = Sample(zeta: "z", alpha: [1, 2], path: "/nix/store/abc-hello")
    let text = try JSONOutput.text(sample)
    #expect(
      text == """
        {
          "alpha" : [
            1,
            2
          ],
          "path" : "/nix/store/abc-hello",
          "zeta" : "z"
        }
        """)
    #expect(try JSONDecoder().decode(Sample.self, from: JSONOutput.data(sample)) == sample)
  }

}
