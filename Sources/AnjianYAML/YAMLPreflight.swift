import AnjianCore

/// Checks made on the raw bytes before libyaml sees them: size, encoding and tab indentation,
/// so that each is reported at a line and column rather than as a byte offset.
enum YAMLPreflight {
    static func check(_ bytes: [UInt8], path: String, limits: YAMLLimits) -> [Diagnostic] {
        let start = SourceLocation(file: path, line: 1, column: 1)
        if bytes.count > limits.maxFileSize {
            return [.fileTooLarge(bytes: bytes.count, limit: limits.maxFileSize, at: start)]
        }
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) {
            return [.utf16File(at: start)]
        }
        var diagnostics: [Diagnostic] = []
        var line = 1, column = 1
        var atLineStart = true, tabInIndent: Int? = nil
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" {
                    line += 1; column = 1; atLineStart = true; tabInIndent = nil
                    continue
                }
                if atLineStart {
                    if scalar == "\t" {
                        tabInIndent = tabInIndent ?? column
                    } else if scalar != " " && scalar != "\r" {
                        atLineStart = false
                        if let tabColumn = tabInIndent, diagnostics.count < 20 {
                            diagnostics.append(.tabIndent(at: SourceLocation(file: path, line: line, column: tabColumn)))
                        }
                    }
                }
                if scalar == "\0" {
                    diagnostics.append(.nulByte(at: SourceLocation(file: path, line: line, column: column)))
                    break loop
                }
                column += 1
            case .emptyInput:
                break loop
            case .error:
                diagnostics.append(.invalidUTF8(at: SourceLocation(file: path, line: line, column: column)))
                break loop
            }
        }
        return diagnostics
    }
}
