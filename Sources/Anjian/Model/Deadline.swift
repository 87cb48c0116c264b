/// A rectification deadline, counted from the inspection date.
public enum Deadline: Sendable, Hashable, CustomStringConvertible {
    /// Calendar days; 0 means immediately.
    case days(Int)
    /// Working days by the holiday calendar (`Rules/calendar/<year>.yaml`).
    case workdays(Int)

    public var count: Int {
        switch self {
        case .days(let n), .workdays(let n): n
        }
    }

    /// In Chinese, as a report shows it: 立即整改, 7 日内, 5 个工作日内.
    public var description: String {
        switch self {
        case .days(0), .workdays(0): "立即整改"
        case .days(let n): "\(n) 日内"
        case .workdays(let n): "\(n) 个工作日内"
        }
    }
}
