extension Diagnostic {
    /// The diagnostic as a JSON object: file, line, column, severity, code, message, notes.
    public var json: String {
        typealias J = JSONWriter
        return J.object([
            ("file", J.quoted(location.file)), ("line", String(location.line)), ("column", String(location.column)),
            ("severity", J.quoted(level.rawValue)), ("code", J.quoted(code)), ("message", J.quoted(message)),
            ("notes", J.array(notes.map { J.object([("message", J.quoted($0.message)), ("location", J.quoted($0.location.description))]) })),
        ])
    }
}
