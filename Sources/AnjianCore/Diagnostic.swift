/// A problem found in a rule file or an answer file, located at `file:line:col`.
public struct Diagnostic: Hashable, Sendable, Comparable {
    /// How serious a diagnostic is.
    public enum Level: String, Hashable, Sendable {
        case error, warning, note
    }

    /// A secondary location that explains the diagnostic ("first defined here", cycle edges).
    public struct Note: Hashable, Sendable {
        public var message: String
        public var location: SourceLocation
        public init(_ message: String, at location: SourceLocation) {
            self.message = message
            self.location = location
        }
    }

    public var level: Level
    /// A stable, greppable identifier such as `yaml.duplicate-key` or `expr.type-mismatch`.
    public var code: String
    public var message: String
    public var location: SourceLocation
    public var notes: [Note]

    public init(_ level: Level = .error, code: String, _ message: String, at location: SourceLocation, notes: [Note] = []) {
        self.level = level
        self.code = code
        self.message = message
        self.location = location
        self.notes = notes
    }

    public static func error(_ code: String, _ message: String, at location: SourceLocation, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.error, code: code, message, at: location, notes: notes)
    }

    public static func warning(_ code: String, _ message: String, at location: SourceLocation, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.warning, code: code, message, at: location, notes: notes)
    }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.location, a.code, a.message) < (b.location, b.code, b.message)
    }
}

/// The error thrown when input is invalid: every diagnostic of the run, sorted by location.
public struct Diagnostics: Error, Sendable, CustomStringConvertible {
    public var all: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.all = diagnostics.sorted()
    }

    public var errors: [Diagnostic] { all.filter { $0.level == .error } }

    public var description: String { all.map(\.rendered).joined(separator: "\n") }
}

extension Array where Element == Diagnostic {
    /// Whether any of these diagnostics is an error (warnings do not stop a run).
    public var hasErrors: Bool { contains { $0.level == .error } }
}
