import AnjianCore

/// A department or body named in the seed, to which findings are routed.
public struct Department: Sendable, Hashable {
    /// The canonical name used in reports (`县住建局`).
    public var name: String
    public var fullName: String?
    /// Other spellings rule files may use (`住建局`).
    public var aliases: [String]
    public var location: SourceLocation
}

extension Department {
    /// Departments as a report lists them: the lead marked, the others after it (县住建局（牵头）、市场监管局).
    public static func withLead(_ names: [String]) -> String {
        names.enumerated().map { $0.offset == 0 ? "\($0.element)（牵头）" : $0.element }.joined(separator: "、")
    }
}

/// Every known department, looked up by name or alias.
public struct DepartmentDirectory: Sendable {
    public private(set) var departments: [Department] = []
    private var canonical: [String: String] = [:]

    init() {}

    /// Adds a department; returns the name that clashes with an earlier one, if any.
    mutating func add(_ department: Department) -> (name: String, previous: String)? {
        for name in [department.name] + department.aliases {
            if let previous = canonical[name] { return (name, previous) }
        }
        departments.append(department)
        for name in [department.name] + department.aliases { canonical[name] = department.name }
        return nil
    }

    /// The canonical name for a name or alias.
    public func canonicalName(_ name: String) -> String? { canonical[name] }

    var allNames: [String] { canonical.keys.sorted() }
}
