import AnjianCore

/// Checks made on the raw bytes before libyaml sees them: size and encoding, so that each is
/// reported at a line and column rather than as a byte offset. Tab indentation is looked for only
/// to explain a syntax error libyaml reports: tabs inside quoted or block scalars are legal.
enum YAMLPreflight {
    static func check(_ bytes: [UInt8], path: String, limits: YAMLLimits) -> [Diagnostic] {
        let start = SourceLocation(file: path, line: 1, column: 1)
        if bytes.count > limits.maxFileSize {
            return [.fileTooLarge(bytes: bytes.count, limit: limits.maxFileSize, at: start)]
        }
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) {
            return [.utf16File(at: start)]
        }
        // NOTE: the usual file is valid and NUL-free, which whole-buffer checks confirm far faster
        // than the walk below, which is only needed to say where a problem is.
        if !bytes.contains(0), String(validating: bytes, as: UTF8.self) != nil { return [] }
        var diagnostics: [Diagnostic] = []
        var line = 1, column = 1
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" {
                    line += 1; column = 1
                    continue
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

    /// The last tab used for indentation (a tab in a line's leading white space, before content)
    /// on or before `line`, if any: the likely cause of a syntax error there.
    static func tabIndentation(_ bytes: [UInt8], path: String, upTo lastLine: Int) -> SourceLocation? {
        var found: SourceLocation?
        var line = 1, column = 1
        var atLineStart = true
        var tabColumn: Int?
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            if line > lastLine { break }
            if scalar == "\n" {
                line += 1; column = 1; atLineStart = true; tabColumn = nil
                continue
            }
            if atLineStart {
                if scalar == "\t" {
                    tabColumn = tabColumn ?? column
                } else if scalar != " " && scalar != "\r" {
                    atLineStart = false
                    if let tabColumn { found = SourceLocation(file: path, line: line, column: tabColumn) }
                }
            }
            column += 1
        }
        return found
    }
}
