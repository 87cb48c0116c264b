/// A pure-Swift reader for the plain block subset of YAML that answer files (and most rule files)
/// are written in: it returns exactly the event sequence libyaml would give, marks included, or
/// `nil` for anything outside the subset, which then goes to libyaml (and libyaml reports every
/// error). Declining is always safe; a different event never is.
///
/// The subset: one document, optionally opened by `---`; comment and blank lines; block mappings
/// with plain or single-line quoted keys; block sequences (also at the indentation of their key);
/// single-line plain, single-quoted and double-quoted scalars (libyaml's escapes); flow sequences
/// and mappings on one line, nested or not (`{date: 2021-04-12, checklists: [gas]}`); empty
/// values. Declined: BOM, `\r`, tabs outside comments, control characters, anchors, aliases,
/// tags, directives, complex keys, `...`, a second document, block scalars, multi-line scalars
/// and flow collections, flow keys, `{a}`, `{a: }`, trailing commas and `:` in flow scalars, keys
/// of more than 1000 bytes, a root scalar or flow collection, and any indentation that is not
/// exactly that of an open collection.
enum YAMLBlockScanner {
    /// The events libyaml would give for `bytes`, or `nil` if the input is outside the subset.
    static func events(_ bytes: [UInt8]) -> [YAMLEvent]? {
        var list = EventList()
        return scan(bytes, into: &list) ? list.events : nil
    }

    /// Hands `sink` the events libyaml would give for `bytes`, one by one as they are read, and
    /// says whether the input was within the subset. When it was not, `sink` has been given the
    /// events up to where the scanner declined, which the caller must discard.
    static func scan<Sink: YAMLEventSink>(_ bytes: [UInt8], into sink: inout Sink) -> Bool {
        // NOTE: events go straight to the sink (the composer), never through an array: copying
        // each event in and out of one cost as much as scanning.
        bytes.withUnsafeBufferPointer { input in
            var scanner = Scanner(input, sink)
            defer { sink = scanner.sink }
            do throws(Decline) {
                try scanner.stream()
                return true
            } catch {
                return false
            }
        }
    }

    /// Collects the events, for the differential checks against libyaml.
    private struct EventList: YAMLEventSink {
        var events: [YAMLEvent] = []
        mutating func consume(_ event: consuming YAMLEvent) -> Bool {
            events.append(event)
            return true
        }
    }

    /// Thrown wherever the input leaves the subset; carries nothing, costs nothing.
    private struct Decline: Error {}

    /// One scalar read on the current line, not yet emitted (it may turn out to be a key).
    private struct ScalarToken {
        var value: String
        var style: YAMLScalar.Style
        var startIndex: Int
        var startColumn: Int
        var endColumn: Int
    }

    private struct Scanner<Sink: YAMLEventSink> {
        private let buf: UnsafeBufferPointer<UInt8>
        private let end: Int
        /// Byte offset and 0-based line of the read position.
        private var i = 0
        private var line = 0
        /// NOTE: the character column is `i - lineBase`: `lineBase` is the line's first byte, moved
        /// on by the extra bytes of each multi-byte character, so ASCII costs nothing to count.
        private var lineBase = 0
        private var col: Int { i - lineBase }
        /// Set once the read position has reached the end while looking for the next content line.
        private var eof = false
        private var depth = 0
        /// Where the events go; once it has said stop, it is given no more.
        private(set) var sink: Sink
        private var stopped = false

        /// NOTE: deeper nesting is declined, so that hostile input cannot exhaust the stack.
        private static var maxDepth: Int { 100 }
        /// NOTE: libyaml forgets a simple key 1024 characters (or bytes) after it starts; keys
        /// longer than this are declined rather than modelled.
        private static var maxKeyBytes: Int { 1000 }

        init(_ buffer: UnsafeBufferPointer<UInt8>, _ sink: Sink) {
            buf = buffer
            end = buffer.count
            self.sink = sink
        }

        // MARK: - Structure

        mutating func stream() throws(Decline) {
            emit(.streamStart, 0, 0, 0, 0)
            try nextContentLine(documentStartAllowed: true)
            if eof {
                let m = endLine
                emit(.streamEnd, m, 0, m, 0)
                return
            }
            if col == 0 && isDocumentMarker(UInt8(ascii: "-")) {
                let l = line
                i &+= 3
                emit(.documentStart(implicit: false, hasDirectives: false), l, 0, l, 3)
                try finishLine()
                // NOTE: an empty explicit document is rare; libyaml's marks for it are not modelled.
                if eof { throw Decline() }
            } else {
                emit(.documentStart(implicit: true, hasDirectives: false), line, col, line, col)
            }
            try blockNode(parentIndent: -1)
            // The root collection ended on a line indented less than itself.
            if !eof { throw Decline() }
            let m = endLine
            emit(.documentEnd, m, 0, m, 0)
            emit(.streamEnd, m, 0, m, 0)
        }

        /// A block collection starting at the current content line, deeper than `parentIndent`.
        private mutating func blockNode(parentIndent: Int) throws(Decline) {
            if isBlockEntry(i) {
                try blockSequence(indentless: false)
                return
            }
            // NOTE: a scalar or flow collection alone on its line (root or nested) is declined.
            let key = try scalar(flow: false)
            guard isValueIndicator(i) else { throw Decline() }
            try blockMapping(firstKey: key)
        }

        /// A block mapping whose first key has been read; the read position is at its `:`.
        private mutating func blockMapping(firstKey: ScalarToken) throws(Decline) {
            depth &+= 1
            if depth > Self.maxDepth { throw Decline() }
            let indent = firstKey.startColumn
            emit(.mappingStart(anchor: nil, tag: nil), line, indent, line, indent)
            var key = firstKey
            while true {
                if i - key.startIndex > Self.maxKeyBytes { throw Decline() }
                emitScalar(key)
                i &+= 1
                try value(indent: indent, inMapping: true)
                if eof || col < indent {
                    emitEnd(.mappingEnd, indent: indent)
                    depth &-= 1
                    return
                }
                if col > indent || isBlockEntry(i) { throw Decline() }
                key = try scalar(flow: false)
                guard isValueIndicator(i) else { throw Decline() }
            }
        }

        /// A block sequence whose first `-` is at the read position. An indentless sequence (at
        /// its key's indentation) ends at the first line of that indentation that is no entry.
        private mutating func blockSequence(indentless: Bool) throws(Decline) {
            depth &+= 1
            if depth > Self.maxDepth { throw Decline() }
            let indent = col
            // NOTE: libyaml marks an indentless sequence with its first `-` token, others with an
            // empty mark before it.
            emit(.sequenceStart(anchor: nil, tag: nil), line, indent, line, indentless ? indent + 1 : indent)
            while true {
                i &+= 1
                try value(indent: indent, inMapping: false)
                if eof || col < indent || (indentless && col == indent && !isBlockEntry(i)) {
                    emitEnd(.sequenceEnd, indent: indent)
                    depth &-= 1
                    return
                }
                if col > indent || !isBlockEntry(i) { throw Decline() }
            }
        }

        /// The value after a key's `:` or an entry's `-` (the read position is just past it), up
        /// to the next content line. `indent` is that of the mapping or sequence it belongs to.
        private mutating func value(indent: Int, inMapping: Bool) throws(Decline) {
            let emptyLine = line, emptyColumn = col
            skipSpaces()
            if i < end && buf[i] == UInt8(ascii: "#") { try skipComment() }
            if i >= end || buf[i] == UInt8(ascii: "\n") {
                try nextContentLine()
                if !eof && col > indent {
                    try blockNode(parentIndent: indent)
                } else if inMapping && !eof && col == indent && isBlockEntry(i) {
                    try blockSequence(indentless: true)
                } else {
                    // NOTE: libyaml gives an empty value the mark just past its `:` or `-`.
                    emit(.scalar(value: "", anchor: nil, tag: nil, style: .plain), emptyLine, emptyColumn, emptyLine, emptyColumn)
                }
                return
            }
            // NOTE: a block sequence or mapping cannot start on the line of a key's value, and a
            // sequence's entry `- - x` is declined.
            if isBlockEntry(i) { throw Decline() }
            if buf[i] == UInt8(ascii: "[") || buf[i] == UInt8(ascii: "{") {
                try flowCollection()
            } else {
                let token = try scalar(flow: false)
                if isValueIndicator(i) {
                    // `- key: value`: a mapping whose indentation is that of its first key.
                    if inMapping { throw Decline() }
                    try blockMapping(firstKey: token)
                    return
                }
                emitScalar(token)
            }
            try finishLine()
        }

        // MARK: - Flow collections (on one line)

        /// A flow sequence or mapping at the read position, emitted, and the spaces after it.
        private mutating func flowCollection() throws(Decline) {
            depth &+= 1
            if depth > Self.maxDepth { throw Decline() }
            let isMapping = buf[i] == UInt8(ascii: "{")
            let close = isMapping ? UInt8(ascii: "}") : UInt8(ascii: "]")
            emit(isMapping ? .mappingStart(anchor: nil, tag: nil) : .sequenceStart(anchor: nil, tag: nil), line, col, line, col + 1)
            i &+= 1
            skipSpaces()
            if i >= end || buf[i] != close {
                while true {
                    if isMapping {
                        // NOTE: `{a: b}` only: a key needs `: ` and a value (no `{a}`, `{a:b}`, `{a: }`).
                        let key = try scalar(flow: true)
                        guard i < end, buf[i] == UInt8(ascii: ":"), i + 1 < end, buf[i + 1] == UInt8(ascii: " "),
                              i - key.startIndex <= Self.maxKeyBytes else { throw Decline() }
                        emitScalar(key)
                        i &+= 1
                        skipSpaces()
                    }
                    if i < end && (buf[i] == UInt8(ascii: "[") || buf[i] == UInt8(ascii: "{")) {
                        try flowCollection()
                    } else {
                        emitScalar(try scalar(flow: true))
                    }
                    guard i < end else { throw Decline() }
                    if buf[i] == close { break }
                    // NOTE: `:` after a sequence item (a single-pair mapping), a comment (the
                    // collection would go on past the line) and a trailing comma are declined.
                    guard buf[i] == UInt8(ascii: ",") else { throw Decline() }
                    i &+= 1
                    skipSpaces()
                    if i < end && buf[i] == close { throw Decline() }
                }
            }
            emit(isMapping ? .mappingEnd : .sequenceEnd, line, col, line, col + 1)
            i &+= 1
            skipSpaces()
            depth &-= 1
        }

        /// A quoted or plain scalar at the read position (not emitted: it may be a key), and the
        /// spaces after it.
        @inline(__always)
        private mutating func scalar(flow: Bool) throws(Decline) -> ScalarToken {
            guard i < end else { throw Decline() }
            let token: ScalarToken
            switch buf[i] {
            case UInt8(ascii: "\""): token = try doubleQuoted()
            case UInt8(ascii: "'"): token = try singleQuoted()
            default:
                guard startsPlain(flow: flow) else { throw Decline() }
                return try plain(flow: flow)
            }
            skipSpaces()
            return token
        }

        // MARK: - Scalars

        /// Whether a plain scalar may start at the read position (YAML 1.2 as libyaml reads it):
        /// not at an indicator, except `-`, `?` and `:` followed by a non-space in block context.
        @inline(__always)
        private func startsPlain(flow: Bool) -> Bool {
            switch buf[i] {
            case UInt8(ascii: "-"):
                return !isBlankOrEnd(i + 1)
            case UInt8(ascii: "?"), UInt8(ascii: ":"):
                // NOTE: in flow context libyaml's rules for these differ between versions.
                return !flow && !isBlankOrEnd(i + 1)
            case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
                 UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"),
                 UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
                 UInt8(ascii: "`"), UInt8(ascii: " "), UInt8(ascii: "\n"):
                return false
            default:
                return true
            }
        }

        /// A single-line plain scalar: it ends at `: `, at ` #`, at the end of the line, and in flow
        /// context at `,[]{}`; trailing spaces are not part of it but are skipped.
        private mutating func plain(flow: Bool) throws(Decline) -> ScalarToken {
            let startIndex = i, startColumn = col
            var endIndex = i, endColumn = col
            // NOTE: the hot loop of the scanner: it keeps the position in a local.
            var j = i
            while true {
                while j < end {
                    let b = buf[j]
                    if b &- 0x21 < 0x5E {  // printable ASCII but space
                        if b == UInt8(ascii: ":") {
                            if j + 1 >= end || buf[j + 1] == UInt8(ascii: " ") || buf[j + 1] == UInt8(ascii: "\n") { break }
                            // NOTE: libyaml's handling of `:` inside flow scalars differs between versions.
                            if flow { throw Decline() }
                        } else if flow && Self.isFlowIndicator(b) {
                            break
                        }
                        j &+= 1
                    } else if b >= 0x80 {
                        i = j
                        try advanceMultiByte(b)
                        j = i
                    } else if b == UInt8(ascii: " ") || b == UInt8(ascii: "\n") {
                        break
                    } else {
                        throw Decline()  // tab, `\r`, control characters
                    }
                }
                endIndex = j
                endColumn = j - lineBase
                while j < end && buf[j] == UInt8(ascii: " ") { j &+= 1 }
                guard j < end else { break }
                let b = buf[j]
                if b == UInt8(ascii: "\n") || b == UInt8(ascii: "#") || (flow && Self.isFlowIndicator(b)) { break }
                // `:` ends the scalar only before a space, a line break or the end.
                if b == UInt8(ascii: ":") && (j + 1 >= end || buf[j + 1] == UInt8(ascii: " ") || buf[j + 1] == UInt8(ascii: "\n")) { break }
                if j == endIndex { break }
            }
            i = j
            if endIndex == startIndex { throw Decline() }
            return ScalarToken(value: string(startIndex, endIndex), style: .plain,
                               startIndex: startIndex, startColumn: startColumn, endColumn: endColumn)
        }

        /// A single-line single-quoted scalar; `''` is a quote.
        private mutating func singleQuoted() throws(Decline) -> ScalarToken {
            let startIndex = i, startColumn = col
            i &+= 1
            var unescaped: [UInt8]?
            var run = i
            while true {
                guard i < end else { throw Decline() }
                let b = buf[i]
                if b == UInt8(ascii: "'") {
                    guard i + 1 < end, buf[i + 1] == UInt8(ascii: "'") else { break }
                    unescaped = append(run, i + 1, to: unescaped)
                    i &+= 2
                    run = i
                    continue
                }
                // NOTE: a line break would fold; multi-line quoted scalars are declined.
                if b == UInt8(ascii: "\n") { throw Decline() }
                try advanceCharacter()
            }
            let value = unescaped.map { String(decoding: append(run, i, to: $0), as: UTF8.self) } ?? string(run, i)
            i &+= 1
            return ScalarToken(value: value, style: .singleQuoted, startIndex: startIndex, startColumn: startColumn, endColumn: col)
        }

        /// A single-line double-quoted scalar with libyaml's escapes.
        private mutating func doubleQuoted() throws(Decline) -> ScalarToken {
            let startIndex = i, startColumn = col
            i &+= 1
            var unescaped: [UInt8]?
            var run = i
            while true {
                guard i < end else { throw Decline() }
                let b = buf[i]
                if b == UInt8(ascii: "\"") { break }
                if b == UInt8(ascii: "\n") { throw Decline() }
                if b != UInt8(ascii: "\\") {
                    try advanceCharacter()
                    continue
                }
                var bytes = append(run, i, to: unescaped)
                let e = i + 1 < end ? buf[i + 1] : 0
                var length = 2
                switch e {
                case UInt8(ascii: "0"): bytes.append(0)
                case UInt8(ascii: "a"): bytes.append(7)
                case UInt8(ascii: "b"): bytes.append(8)
                case UInt8(ascii: "t"): bytes.append(9)
                case UInt8(ascii: "n"): bytes.append(10)
                case UInt8(ascii: "v"): bytes.append(11)
                case UInt8(ascii: "f"): bytes.append(12)
                case UInt8(ascii: "r"): bytes.append(13)
                case UInt8(ascii: "e"): bytes.append(0x1B)
                case UInt8(ascii: " "), UInt8(ascii: "\""), UInt8(ascii: "/"), UInt8(ascii: "\\"): bytes.append(e)
                case UInt8(ascii: "N"): bytes.append(contentsOf: [0xC2, 0x85])
                case UInt8(ascii: "_"): bytes.append(contentsOf: [0xC2, 0xA0])
                case UInt8(ascii: "L"): bytes.append(contentsOf: [0xE2, 0x80, 0xA8])
                case UInt8(ascii: "P"): bytes.append(contentsOf: [0xE2, 0x80, 0xA9])
                case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
                    let digits = e == UInt8(ascii: "x") ? 2 : e == UInt8(ascii: "u") ? 4 : 8
                    var code: UInt32 = 0
                    for k in 0..<digits {
                        guard let d = Self.hexValue(i + 2 + k < end ? buf[i + 2 + k] : 0) else { throw Decline() }
                        code = code << 4 | d
                    }
                    // NOTE: libyaml rejects surrogates and values past U+10FFFF, so does Unicode.Scalar.
                    guard let scalar = Unicode.Scalar(code) else { throw Decline() }
                    bytes.append(contentsOf: String(scalar).utf8)
                    length += digits
                default:
                    // `\` before a line break, a tab, or an unknown escape.
                    throw Decline()
                }
                unescaped = bytes
                i &+= length
                run = i
            }
            let value = unescaped.map { String(decoding: append(run, i, to: $0), as: UTF8.self) } ?? string(run, i)
            i &+= 1
            return ScalarToken(value: value, style: .doubleQuoted, startIndex: startIndex, startColumn: startColumn, endColumn: col)
        }

        // MARK: - Lines and characters

        /// Skips blank and comment lines from the start of a line (or the end): afterwards either
        /// `eof` is set or the read position is at the first character of a content line, and `col`
        /// is its indentation.
        private mutating func nextContentLine(documentStartAllowed: Bool = false) throws(Decline) {
            while true {
                skipSpaces()
                guard i < end else {
                    eof = true
                    return
                }
                switch buf[i] {
                case UInt8(ascii: "\n"):
                    newLine()
                case UInt8(ascii: "#"):
                    try skipComment()
                    guard i < end else {
                        eof = true
                        return
                    }
                    newLine()
                default:
                    if col == 0 {
                        // A document marker, or a directive.
                        if isDocumentMarker(UInt8(ascii: ".")) || buf[i] == UInt8(ascii: "%") { throw Decline() }
                        if !documentStartAllowed && isDocumentMarker(UInt8(ascii: "-")) { throw Decline() }
                    }
                    return
                }
            }
        }

        /// After a value: spaces, an optional comment, the line break, then on to the next content line.
        @inline(__always)
        private mutating func finishLine() throws(Decline) {
            skipSpaces()
            guard i < end else {
                eof = true
                return
            }
            if buf[i] == UInt8(ascii: "#") {
                // NOTE: a comment needs a space before it here; libyaml's `"x"#c` is declined.
                guard i > 0 && buf[i - 1] == UInt8(ascii: " ") else { throw Decline() }
                try skipComment()
                guard i < end else {
                    eof = true
                    return
                }
            }
            guard buf[i] == UInt8(ascii: "\n") else { throw Decline() }
            newLine()
            try nextContentLine()
        }

        /// From `#` up to (not past) the line break; tabs are fine in a comment.
        private mutating func skipComment() throws(Decline) {
            while i < end {
                let b = buf[i]
                if b == UInt8(ascii: "\n") { return }
                if b == UInt8(ascii: "\t") {
                    i &+= 1
                } else {
                    try advanceCharacter()
                }
            }
        }

        @inline(__always)
        private mutating func skipSpaces() {
            var j = i
            // NOTE: eight bytes at a time: indentation is most of the bytes of an answer file.
            while j + 8 <= end {
                let word = UInt64(littleEndian: UnsafeRawPointer(buf.baseAddress! + j).loadUnaligned(as: UInt64.self)) ^ 0x2020_2020_2020_2020
                if word != 0 {
                    i = j + word.trailingZeroBitCount >> 3
                    return
                }
                j += 8
            }
            while j < end && buf[j] == UInt8(ascii: " ") { j &+= 1 }
            i = j
        }

        @inline(__always)
        private mutating func newLine() {
            i &+= 1
            line &+= 1
            lineBase = i
        }

        /// Steps over one character that is not a line break, declining what libyaml's reader
        /// rejects (invalid UTF-8, control characters, U+FFFE/U+FFFF) or treats specially (tab,
        /// `\r`, NEL, U+2028/U+2029 line breaks, BOM).
        @inline(__always)
        private mutating func advanceCharacter() throws(Decline) {
            let b = buf[i]
            if b < 0x80 {
                if b < 0x20 || b == 0x7F { throw Decline() }
                i &+= 1
                return
            }
            try advanceMultiByte(b)
        }

        private mutating func advanceMultiByte(_ b: UInt8) throws(Decline) {
            let b1 = i + 1 < end ? buf[i + 1] : 0
            guard b1 & 0xC0 == 0x80 else { throw Decline() }
            if b < 0xC2 {
                throw Decline()
            } else if b < 0xE0 {
                // C1 controls, NEL among them.
                if b == 0xC2 && b1 < 0xA0 { throw Decline() }
                i &+= 2
                lineBase &+= 1
            } else if b < 0xF0 {
                let b2 = i + 2 < end ? buf[i + 2] : 0
                guard b2 & 0xC0 == 0x80 else { throw Decline() }
                if b == 0xE0 && b1 < 0xA0 { throw Decline() }  // overlong
                if b == 0xED && b1 >= 0xA0 { throw Decline() }  // surrogate
                if b == 0xE2 && b1 == 0x80 && (b2 == 0xA8 || b2 == 0xA9) { throw Decline() }  // LS, PS
                if b == 0xEF && ((b1 == 0xBB && b2 == 0xBF) || (b1 == 0xBF && b2 >= 0xBE)) { throw Decline() }  // BOM, U+FFFE/F
                i &+= 3
                lineBase &+= 2
            } else if b < 0xF5 {
                let b2 = i + 2 < end ? buf[i + 2] : 0
                let b3 = i + 3 < end ? buf[i + 3] : 0
                guard b2 & 0xC0 == 0x80, b3 & 0xC0 == 0x80 else { throw Decline() }
                if b == 0xF0 && b1 < 0x90 { throw Decline() }  // overlong
                if b == 0xF4 && b1 >= 0x90 { throw Decline() }  // past U+10FFFF
                i &+= 4
                lineBase &+= 3
            } else {
                throw Decline()
            }
        }

        // MARK: - Tests on the input

        /// End of input, space or line break at `j`. (A tab would be blank to libyaml too, but
        /// every tab outside a comment is declined when it is read.)
        @inline(__always)
        private func isBlankOrEnd(_ j: Int) -> Bool {
            j >= end || buf[j] == UInt8(ascii: " ") || buf[j] == UInt8(ascii: "\n")
        }

        /// A block sequence entry: `-` followed by a space, a line break or the end.
        @inline(__always)
        private func isBlockEntry(_ j: Int) -> Bool {
            j < end && buf[j] == UInt8(ascii: "-") && isBlankOrEnd(j + 1)
        }

        /// A mapping value indicator: `:` followed by a space, a line break or the end.
        @inline(__always)
        private func isValueIndicator(_ j: Int) -> Bool {
            j < end && buf[j] == UInt8(ascii: ":") && isBlankOrEnd(j + 1)
        }

        /// `---` or `...` (by `c`) at the read position, followed by a space, a line break or the end.
        private func isDocumentMarker(_ c: UInt8) -> Bool {
            i + 2 < end && buf[i] == c && buf[i + 1] == c && buf[i + 2] == c && isBlankOrEnd(i + 3)
        }

        private static func isFlowIndicator(_ b: UInt8) -> Bool {
            b == UInt8(ascii: ",") || b == UInt8(ascii: "[") || b == UInt8(ascii: "]") || b == UInt8(ascii: "{") || b == UInt8(ascii: "}")
        }

        private static func hexValue(_ b: UInt8) -> UInt32? {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(b - UInt8(ascii: "A") + 10)
            default: return nil
            }
        }

        // MARK: - Output

        /// The line of libyaml's stream-end mark: it moves to a new line unless already at column 0.
        private var endLine: Int { col == 0 ? line : line + 1 }

        private func string(_ from: Int, _ to: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: buf[from..<to]), as: UTF8.self)
        }

        private func append(_ from: Int, _ to: Int, to bytes: [UInt8]?) -> [UInt8] {
            var bytes = bytes ?? []
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[from..<to]))
            return bytes
        }

        @inline(__always)
        private mutating func emit(_ kind: consuming YAMLEvent.Kind, _ startLine: Int, _ startColumn: Int, _ endLine: Int, _ endColumn: Int) {
            guard !stopped else { return }
            // NOTE: scalars and collections go to the sink without an event being built (the
            // cases are known where this is inlined); only the stream's and document's are events.
            switch kind {
            case .scalar(let value, nil, nil, let style):
                stopped = !sink.scalar(value, anchor: nil, tag: nil, style: style, startLine: startLine, startColumn: startColumn, endLine: endLine, endColumn: endColumn)
            case .mappingStart(nil, nil), .sequenceStart(nil, nil):
                var sequence = false
                if case .sequenceStart = kind { sequence = true }
                stopped = !sink.collectionStart(sequence: sequence, line: startLine, column: startColumn, endLine: endLine, endColumn: endColumn)
            case .mappingEnd, .sequenceEnd:
                var sequence = false
                if case .sequenceEnd = kind { sequence = true }
                stopped = !sink.collectionEnd(sequence: sequence, line: startLine, column: startColumn, endLine: endLine, endColumn: endColumn)
            default:
                stopped = !sink.consume(YAMLEvent(kind: kind, startLine: startLine, startColumn: startColumn, endLine: endLine, endColumn: endColumn))
            }
        }

        /// A scalar read on the current line.
        @inline(__always)
        private mutating func emitScalar(_ s: consuming ScalarToken) {
            emit(.scalar(value: s.value, anchor: nil, tag: nil, style: s.style), line, s.startColumn, line, s.endColumn)
        }

        /// A block collection's end: at the next token, or at the stream's end.
        private mutating func emitEnd(_ kind: YAMLEvent.Kind, indent: Int) {
            // NOTE: at the end, libyaml first closes the collections indented deeper than the
            // last line's column (where the reading stopped) there, then the rest on a new line.
            if eof && indent <= col {
                let m = endLine
                emit(kind, m, 0, m, 0)
            } else {
                emit(kind, line, col, line, col)
            }
        }
    }
}
