import AnjianCore

/// A question an inspector answers about a subject.
public struct Question: Sendable, Hashable {
    /// The identifier within its checklist (`license_valid`).
    public var id: String { didSet { qualifiedName = Self.qualify(checklist, id) } }
    public var checklist: String { didSet { qualifiedName = Self.qualify(checklist, id) } }
    /// The question as the inspector reads it.
    public var text: String
    public var type: QuestionType
    /// Unit of an `int` or `number` answer (人, 平方米).
    public var unit: String?
    /// Skip logic: the question is asked only when this is true.
    public var askIf: ExpressionSource?
    public var location: SourceLocation

    /// `checklist.id`, the name used across checklists and in reports; kept rather than built on
    /// each use, since every answer sheet and evidence line asks for it.
    public private(set) var qualifiedName: String

    init(id: String, checklist: String, text: String, type: QuestionType, unit: String?, askIf: ExpressionSource?, location: SourceLocation) {
        self.id = id
        self.checklist = checklist
        self.text = text
        self.type = type
        self.unit = unit
        self.askIf = askIf
        self.location = location
        qualifiedName = Self.qualify(checklist, id)
    }

    private static func qualify(_ checklist: String, _ id: String) -> String { checklist + "." + id }
}
