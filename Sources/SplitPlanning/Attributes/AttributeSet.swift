/// An in-memory ``AttributeSource``: attributes written by hand (tests, tools that build a
/// plan from something other than a `.drv`).
public struct AttributeSet: AttributeSource, Sendable, Equatable {
  /// The attributes in order.
  public var attributes: [(name: String, value: AttributeSetValue)]
  public var builderArguments: [String]

  /// Creates an attribute set from ordered name/value pairs and the builder arguments.
  public init(_ attributes: [(name: String, value: AttributeSetValue)], builderArguments: [String]) {
    self.attributes = attributes
    self.builderArguments = builderArguments
  }

  public static func == (lhs: AttributeSet, rhs: AttributeSet) -> Bool {
    lhs.builderArguments == rhs.builderArguments
      && lhs.attributes.map(\.name) == rhs.attributes.map(\.name)
      && lhs.attributes.map(\.value) == rhs.attributes.map(\.value)
  }

  public var attributeNames: [String] { attributes.map(\.name) }

  private func value(_ name: String) -> AttributeSetValue? {
    attributes.first { $0.name == name }?.value
  }

  public func shellString(_ name: String) -> String? { value(name)?.shellString }

  public func words(_ name: String) -> [String] { value(name)?.words ?? [] }

  public func isSet(_ name: String) -> Bool { value(name)?.isSet ?? false }
}
