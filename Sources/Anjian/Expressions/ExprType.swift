/// The static type of an expression, checked when the catalog is loaded.
indirect enum ExprType: Sendable, Hashable, CustomStringConvertible {
    case bool, int, double, string, date, null
    /// A string that must be one of these choices.
    case choice([String])
    /// A list of strings drawn from these choices.
    case multi([String])
    case list(ExprType)
    /// A part that already failed to check; suppresses follow-on errors.
    case error

    var description: String {
        switch self {
        case .bool: "bool"
        case .int: "int"
        case .double: "number"
        case .string: "text"
        case .date: "date"
        case .null: "null"
        case .choice: "choice"
        case .multi: "multi"
        case .list(let e): "list of \(e)"
        case .error: "error"
        }
    }

    var isNumeric: Bool { self == .int || self == .double }
    var isStringLike: Bool { if case .choice = self { return true }; return self == .string }
    var isListLike: Bool {
        switch self {
        case .list, .multi: true
        default: false
        }
    }
    var elementType: ExprType? {
        switch self {
        case .list(let e): e
        case .multi(let c): .choice(c)
        default: nil
        }
    }

    init(_ question: QuestionType) {
        switch question {
        case .bool: self = .bool
        case .int: self = .int
        case .number: self = .double
        case .text: self = .string
        case .date: self = .date
        case .choice(let c): self = .choice(c)
        case .multi(let c): self = .multi(c)
        }
    }

    /// Whether values of the two types may be compared with == and !=.
    func isComparable(with other: ExprType) -> Bool {
        if self == .error || other == .error { return true }
        if isNumeric && other.isNumeric { return true }
        if isStringLike && other.isStringLike { return true }
        if let a = elementType, let b = other.elementType { return a.isComparable(with: b) || a == .null || b == .null }
        return self == other
    }

    /// The common type of the branches of `c ? a : b`.
    func joined(with other: ExprType) -> ExprType? {
        if self == .error || other == .error { return .error }
        if self == other { return self }
        if isStringLike && other.isStringLike { return .string }
        if isListLike && other.isListLike, let a = elementType, let b = other.elementType, let e = a.joined(with: b) { return .list(e) }
        if self == .null { return other }
        if other == .null { return self }
        return nil
    }
}
