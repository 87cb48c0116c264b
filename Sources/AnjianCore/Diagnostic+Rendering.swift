extension Diagnostic {
    /// `path:line:col: error[code]: message`, followed by one line per note, in English.
    public var rendered: String {
        rendered(language: .en)
    }

    /// `path:line:col: error[code]: message`, followed by one line per note. The prefix and the
    /// severity words are the same in every language, so editors and scripts read both alike.
    public func rendered(language: Language) -> String {
        headline(language) + notesText(language)
    }

    private func headline(_ language: Language) -> String { "\(location): \(level.rawValue)[\(code)]: \(message(in: language))" }

    private func notesText(_ language: Language) -> String {
        notes.map { "\n\($0.location): note: \($0.message(in: language))" }.joined()
    }

    /// The rendered diagnostic with the offending source line and a caret under the column.
    public func rendered(source: String?, language: Language = .en) -> String {
        guard let source, location.line >= 1 else { return rendered(language: language) }
        var lineNumber = 1
        var lineText: Substring?
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            if lineNumber == location.line { lineText = line; break }
            lineNumber += 1
        }
        guard let lineText else { return rendered(language: language) }
        let trimmed = lineText.hasSuffix("\r") ? lineText.dropLast() : lineText
        let gutter = String(location.line)
        let pad = String(repeating: " ", count: gutter.count)
        let prefix = trimmed.unicodeScalars.prefix(max(0, location.column - 1))
        // NOTE: keep tabs and wide characters aligned by copying them, spaces otherwise.
        let indent = String(String.UnicodeScalarView(prefix.map { $0 == "\t" ? "\t" : ($0.isWideEastAsian ? "\u{3000}" : " ") }))
        return headline(language) + "\n \(gutter) | \(trimmed)\n \(pad) | \(indent)^" + notesText(language)
    }
}

extension Unicode.Scalar {
    /// Full-width characters take two terminal columns; a caret under them needs a full-width space.
    var isWideEastAsian: Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
             0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
