/// A problem found in a rule file or an answer file, located at `file:line:col`.
///
/// Every diagnostic carries its message in English (``message``) and in Chinese (``messageZH``);
/// each stage builds them with static factories that write both side by side.
public struct Diagnostic: Hashable, Sendable, Comparable {
    /// How serious a diagnostic is.
    public enum Level: String, Hashable, Sendable {
        case error, warning, note
    }

    /// A secondary location that explains the diagnostic ("first defined here", cycle edges).
    public struct Note: Hashable, Sendable {
        /// The note in English.
        public var message: String
        /// The note in Chinese.
        public var messageZH: String
        public var location: SourceLocation

        /// A note with its English and Chinese text.
        public init(_ message: String, zh messageZH: String, at location: SourceLocation) {
            self.message = message
            self.messageZH = messageZH
            self.location = location
        }

        /// A note in English only; the Chinese text repeats the English.
        @available(*, deprecated, message: "give the Chinese text too: Note(_:zh:at:)")
        public init(_ message: String, at location: SourceLocation) {
            self.init(message, zh: message, at: location)
        }

        /// The note's text in `language`.
        public func message(in language: Language) -> String {
            language == .zh ? messageZH : message
        }
    }

    public var level: Level
    /// A stable, greppable identifier such as `yaml.duplicate-key` or `expr.type-mismatch`.
    public var code: String
    /// The message in English.
    public var message: String
    /// The message in Chinese, for policy staff; technical tokens (fields, values, files) as written.
    public var messageZH: String
    public var location: SourceLocation
    public var notes: [Note]

    /// A diagnostic with its English and Chinese message.
    public init(_ level: Level = .error, code: String, _ message: String, zh messageZH: String, at location: SourceLocation, notes: [Note] = []) {
        self.level = level
        self.code = code
        self.message = message
        self.messageZH = messageZH
        self.location = location
        self.notes = notes
    }

    /// A diagnostic in English only; the Chinese message repeats the English.
    @available(*, deprecated, message: "give the Chinese text too: init(_:code:_:zh:at:notes:)")
    public init(_ level: Level = .error, code: String, _ message: String, at location: SourceLocation, notes: [Note] = []) {
        self.init(level, code: code, message, zh: message, at: location, notes: notes)
    }

    /// An error with its English and Chinese message.
    public static func error(_ code: String, _ message: String, zh: String, at location: SourceLocation, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.error, code: code, message, zh: zh, at: location, notes: notes)
    }

    /// A warning with its English and Chinese message.
    public static func warning(_ code: String, _ message: String, zh: String, at location: SourceLocation, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.warning, code: code, message, zh: zh, at: location, notes: notes)
    }

    /// An error in English only.
    @available(*, deprecated, message: "write the message in a stage's factory with its Chinese text: error(_:_:zh:at:notes:)")
    public static func error(_ code: String, _ message: String, at location: SourceLocation, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.error, code: code, message, zh: message, at: location, notes: notes)
    }

    /// A warning in English only.
    @available(*, deprecated, message: "write the message in a stage's factory with its Chinese text: warning(_:_:zh:at:notes:)")
    public static func warning(_ code: String, _ message: String, at location: SourceLocation, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.warning, code: code, message, zh: message, at: location, notes: notes)
    }

    /// The message in `language`.
    public func message(in language: Language) -> String {
        language == .zh ? messageZH : message
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
