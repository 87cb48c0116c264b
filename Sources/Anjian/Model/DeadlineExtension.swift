import AnjianCore

/// An approved extension of a rectification deadline (整改延期), recorded in the answer file.
public struct DeadlineExtension: Sendable, Hashable {
    public var newDeadline: CivilDate
    /// Who approved it (department and person).
    public var approver: String
    public var reason: String
    public var location: SourceLocation
}
