import AnjianCore

/// A named sub-expression shared by rules, evaluated once per answer sheet.
public struct Fact: Sendable, Hashable {
    public var id: String
    public var checklist: String
    public var expression: ExpressionSource
    public var location: SourceLocation

    public var qualifiedName: String { "\(checklist).\(id)" }
}
