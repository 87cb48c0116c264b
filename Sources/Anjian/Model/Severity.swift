/// How serious a hazard is, as the campaign classifies it.
public enum Severity: String, Sendable, Hashable, CaseIterable, Comparable {
    /// 重大隐患: a major hazard, as a national 重大事故隐患判定标准 or the seed defines it.
    case major
    /// 一般隐患: any other hazard.
    case general

    /// The Chinese term inspectors use.
    public var chinese: String {
        switch self {
        case .major: "重大隐患"
        case .general: "一般隐患"
        }
    }

    /// Major sorts first.
    public static func < (a: Severity, b: Severity) -> Bool { a == .major && b == .general }
}
