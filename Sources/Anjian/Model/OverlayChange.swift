import AnjianCore

/// One change a county overlay makes to the catalog beneath it; `lint` lists them all.
public struct OverlayChange: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case addChecklist = "adds checklist"
        case disableRule = "disables rule"
        case overrideRule = "overrides rule"
        case addDepartments = "adds departments"
        case addCalendar = "adds calendar"

        /// In Chinese, as `lint --lang zh` lists the change.
        public var chinese: String {
            switch self {
            case .addChecklist: "新增检查表"
            case .disableRule: "停用规则"
            case .overrideRule: "调整规则"
            case .addDepartments: "新增部门"
            case .addCalendar: "新增节假日日历"
            }
        }

        /// The words for the change in `language`.
        public func text(in language: Language) -> String {
            language == .zh ? chinese : rawValue
        }
    }

    public var kind: Kind
    /// The checklist or rule id.
    public var target: String
    /// What changed, e.g. "severity major → general; reason: …".
    public var detail: String
    /// What changed, in Chinese: "隐患等级 重大隐患 → 一般隐患；理由：…".
    public var detailZH: String
    public var location: SourceLocation

    init(kind: Kind, target: String, detail: String, detailZH: String? = nil, location: SourceLocation) {
        self.kind = kind
        self.target = target
        self.detail = detail
        self.detailZH = detailZH ?? detail
        self.location = location
    }

    /// What changed, in `language`.
    public func detail(in language: Language) -> String {
        language == .zh ? detailZH : detail
    }
}
