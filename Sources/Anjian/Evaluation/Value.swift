/// A value during evaluation, including the two states that are not values: an answer still
/// missing (unknown) and a question that does not apply.
enum Value: Sendable, Hashable {
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    /// Days since 1970-01-01.
    case date(Int)
    case list([Value])
    case null
    /// Depends on these question slots, which are not answered yet.
    case unknown(Set<Int>)
    /// A question this depends on does not apply (answered 不适用, or not asked by its `ask_if`).
    case notApplicable(slot: Int)
    /// A runtime error such as division by zero.
    case error(String)

    var isDetermined: Bool {
        switch self {
        case .unknown, .notApplicable, .error: false
        default: true
        }
    }

    /// For strict operators: the first undetermined operand decides, with unknowns merged.
    static func undetermined(_ values: Value...) -> Value? { undetermined(values) }

    /// For strict operators over any number of operands (list elements).
    static func undetermined(_ values: [Value]) -> Value? {
        var missing: Set<Int> = []
        var notApplicable: Value?
        for v in values {
            switch v {
            case .error: return v
            case .notApplicable: notApplicable = notApplicable ?? v
            case .unknown(let m): missing.formUnion(m)
            default: break
            }
        }
        // NOTE: a strict operator over a non-applicable operand can never be decided, so N/A wins over unknown.
        if let notApplicable { return notApplicable }
        return missing.isEmpty ? nil : .unknown(missing)
    }
}
