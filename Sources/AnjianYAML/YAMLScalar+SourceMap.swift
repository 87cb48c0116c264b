public import AnjianCore

extension YAMLScalar {
    /// How far ahead an unmatched value character is looked for: past an escape (`\U0001F600`)
    /// or a folded line's indentation, never further, so mapping stays linear in the scalar's length.
    static let lookahead = 64

    /// The file location of each Unicode scalar of ``value`` (plus one past the end), found by
    /// walking the scalar's source text alongside its value. Quotes, escapes, block indentation
    /// and folded line breaks are skipped, so an offset inside an expression maps to the exact
    /// column the editor shows.
    ///
    /// - Parameter lines: the file's lines, as Unicode scalars.
    public func valueLocations(in lines: [[Unicode.Scalar]]) -> [SourceLocation] {
        valueLocations(in: lines, firstLine: 1, lineCount: lines.count)
    }

    /// The same, given only some of the file's lines: `lines[0]` is line `firstLine` and the file
    /// has `lineCount` lines. The walk reads lines `start.line` through `end.line` only, so those
    /// are all a caller needs to decode.
    public func valueLocations(in lines: [[Unicode.Scalar]], firstLine: Int, lineCount: Int) -> [SourceLocation] {
        let chars = Array(value.unicodeScalars)
        var result: [SourceLocation] = []
        result.reserveCapacity(chars.count + 1)
        var line = start.line, column = start.column  // 1-based file line; `lines[line - firstLine]`
        func text(_ line: Int) -> [Unicode.Scalar]? {
            guard line >= 1, line <= lineCount, lines.indices.contains(line - firstLine) else { return nil }
            return lines[line - firstLine]
        }
        func rawChar() -> Unicode.Scalar? {
            guard let l = text(line) else { return nil }
            if column - 1 < l.count { return l[column - 1] }
            return "\n"
        }
        func step() {
            guard let l = text(line) else { return }
            if column - 1 >= l.count { line += 1; column = 1 } else { column += 1 }
        }
        func beyondEnd() -> Bool { (line, column) > (end.line, end.column) || line > lineCount }
        switch style {
        case .singleQuoted, .doubleQuoted: step()
        case .literal, .folded: line += 1; column = 1
        case .plain: break
        }
        for ch in chars {
            var probeLine = line, probeColumn = column
            var found = false
            // NOTE: search a short way ahead without moving, so an unmatched value character (an
            // escape's result) neither drags the position to the end nor makes the walk quadratic.
            let saved = (line, column)
            var budget = Self.lookahead
            while !beyondEnd(), budget > 0 {
                budget -= 1
                if let raw = rawChar(), raw == ch || (ch == " " && raw == "\n") {
                    probeLine = line; probeColumn = column; found = true
                    break
                }
                step()
            }
            if found {
                result.append(SourceLocation(file: start.file, line: probeLine, column: probeColumn))
                step()
            } else {
                (line, column) = saved
                result.append(SourceLocation(file: start.file, line: line, column: column))
            }
        }
        result.append(SourceLocation(file: start.file, line: line, column: column))
        return result
    }
}
