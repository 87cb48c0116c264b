import AnjianCore

/// A hazard: the condition over answers that reveals it, and what must be done about it.
public struct Rule: Sendable, Hashable {
    /// Upper-case with dashes, unique across the catalog (`GAS-001`).
    public var id: String
    public var checklist: String
    public var title: String
    public var condition: ExpressionSource
    public var severity: Severity
    /// Responsible departments, canonical names, the lead first.
    public var departments: [String]
    /// The legal basis (law, regulation, standard and article).
    public var basis: String
    public var remedy: String
    /// Calendar days after the inspection date; 0 means immediately.
    public var deadlineDays: Int
    /// The section of the seed document the rule comes from (`二(三)6`).
    public var source: String
    public var location: SourceLocation
}
