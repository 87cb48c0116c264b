extension Diagnostic {
    /// The diagnostic as a JSON object: file, line, column, severity, code, message (English),
    /// message_zh (Chinese), notes (each with message, message_zh and location).
    public var json: String {
        typealias J = JSONWriter
        return J.object([
            ("file", J.quoted(location.file)), ("line", String(location.line)), ("column", String(location.column)),
            ("severity", J.quoted(level.rawValue)), ("code", J.quoted(code)), ("message", J.quoted(message)),
            ("message_zh", J.quoted(messageZH)),
            ("notes", J.array(notes.map {
                J.object([("message", J.quoted($0.message)), ("message_zh", J.quoted($0.messageZH)), ("location", J.quoted($0.location.description))])
            })),
        ])
    }
}
