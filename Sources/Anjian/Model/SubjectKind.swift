/// What is inspected: an enterprise, or under the campaign's supervision items a town, a county
/// department or an event.
public enum SubjectKind: String, Sendable, Hashable, CaseIterable {
    case enterprise, town, department, event

    /// In Chinese, as a report labels the subject.
    public var chinese: String {
        switch self {
        case .enterprise: "被检查单位"
        case .town: "被督导乡镇（街道）"
        case .department: "被督导部门"
        case .event: "活动"
        }
    }
}
