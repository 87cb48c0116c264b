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
    /// When the hazard must be rectified, counted from the inspection date.
    public var deadline: Deadline
    /// The section of the seed document the rule comes from (`二(三)6`).
    public var source: String
    public var location: SourceLocation
    /// Where `source:` and `departments:` are written (the rule's start when absent), for lint messages.
    public var sourceLocation: SourceLocation
    public var departmentsLocation: SourceLocation
    /// The overlay file that last changed this rule, if any.
    public var overriddenIn: String? = nil
}
