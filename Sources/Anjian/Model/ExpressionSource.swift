import AnjianCore

/// The text of an expression as written in a YAML scalar, with the file location of every character,
/// so that errors inside it point at the exact column.
public struct ExpressionSource: Sendable, Hashable {
    public var text: String
    /// `locations[i]` is where the i-th Unicode scalar of `text` sits in the file; one extra for the end.
    var locations: [SourceLocation]

    public init(text: String, locations: [SourceLocation]) {
        self.text = text
        self.locations = locations
    }

    /// The location of the scalar at `offset`, clamped to the expression.
    public func location(at offset: Int) -> SourceLocation {
        locations[max(0, min(offset, locations.count - 1))]
    }

    public var start: SourceLocation { locations[0] }
}
