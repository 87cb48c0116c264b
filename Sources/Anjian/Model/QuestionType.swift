/// What kind of answer a question takes.
public enum QuestionType: Sendable, Hashable {
    case bool
    case int
    case number
    case text
    case date
    /// One of the given choices.
    case choice([String])
    /// Any subset of the given choices.
    case multi([String])

    /// The name written in rule files (`type: bool`).
    public var name: String {
        switch self {
        case .bool: "bool"
        case .int: "int"
        case .number: "number"
        case .text: "text"
        case .date: "date"
        case .choice: "choice"
        case .multi: "multi"
        }
    }

    static let names = ["bool", "int", "number", "text", "date", "choice", "multi"]

    public var choices: [String]? {
        switch self {
        case .choice(let c), .multi(let c): c
        default: nil
        }
    }
}
