import AnjianCore

/// A question an inspector answers about a subject.
public struct Question: Sendable, Hashable {
    /// The identifier within its checklist (`license_valid`).
    public var id: String
    public var checklist: String
    /// The question as the inspector reads it.
    public var text: String
    public var type: QuestionType
    /// Unit of an `int` or `number` answer (人, 平方米).
    public var unit: String?
    /// Skip logic: the question is asked only when this is true.
    public var askIf: ExpressionSource?
    public var location: SourceLocation

    /// `checklist.id`, the name used across checklists and in reports.
    public var qualifiedName: String { "\(checklist).\(id)" }
}
