import AnjianCore

/// One change a county overlay makes to the catalog beneath it; `lint` lists them all.
public struct OverlayChange: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case addChecklist = "adds checklist"
        case disableRule = "disables rule"
        case overrideRule = "overrides rule"
        case addDepartments = "adds departments"
        case addCalendar = "adds calendar"
    }

    public var kind: Kind
    /// The checklist or rule id.
    public var target: String
    /// What changed, e.g. "severity major → general; reason: …".
    public var detail: String
    public var location: SourceLocation
}
