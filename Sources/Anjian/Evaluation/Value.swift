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
}
