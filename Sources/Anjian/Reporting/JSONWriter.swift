import AnjianCore

/// Writes JSON text straight into a byte buffer, keys in the order given, so reports are
/// deterministic and need no intermediate tree or string per value. Separators are `", "` and
/// `": "`, as every report format since `anjian-report: 1` has them.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Whether the next value or key needs a `", "` before it.
    private var needsComma = false

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Continues writing after what `buffer` already holds (as a new value, no separator).
    init(buffer: [UInt8]) {
        bytes = buffer
    }

    /// The bytes written, with `last` after them; the writer is left empty.
    mutating func finish(appending last: UInt8) -> [UInt8] {
        bytes.append(last)
        defer { bytes = [] }
        return bytes
    }

    /// The text written so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    // MARK: Structure

    mutating func beginObject() { separate(); bytes.append(UInt8(ascii: "{")); needsComma = false }
    mutating func endObject() { bytes.append(UInt8(ascii: "}")); needsComma = true }
    mutating func beginArray() { separate(); bytes.append(UInt8(ascii: "[")); needsComma = false }
    mutating func endArray() { bytes.append(UInt8(ascii: "]")); needsComma = true }

    /// A key known to need no escaping (the format's own field names).
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        append(#"": "#)
    }

    /// A key taken from data (a department's name).
    mutating func key(_ name: String) {
        string(name)
        append(": ")
        needsComma = false
    }

    // MARK: Values

    mutating func string(_ s: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        escaped(s)
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    mutating func optional(_ s: String?) {
        if let s { string(s) } else { raw("null") }
    }

    mutating func int(_ i: Int) {
        separate()
        digits(i)
        needsComma = true
    }

    mutating func bool(_ b: Bool) { raw(b ? "true" : "false") }

    mutating func number(_ d: Double) { raw(Self.number(d)) }

    mutating func strings(_ items: [String]) {
        beginArray()
        for item in items { string(item) }
        endArray()
    }

    /// A location as `"path:line:col"`, written without building its description.
    mutating func location(_ l: SourceLocation) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        escaped(l.file)
        bytes.append(UInt8(ascii: ":"))
        digits(l.line)
        bytes.append(UInt8(ascii: ":"))
        digits(l.column)
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// Text that is already JSON (`null`, a number).
    mutating func raw(_ json: String) {
        separate()
        append(json)
        needsComma = true
    }

    // MARK: Bytes

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")); bytes.append(UInt8(ascii: " ")) }
    }

    private mutating func append(_ s: String) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }

    private mutating func digits(_ i: Int) {
        if i >= 0, i < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(i))
            return
        }
        var magnitude = i.magnitude
        var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: enough for 20 digits and a sign
        withUnsafeMutableBytes(of: &scratch) { buffer in
            var at = buffer.count
            repeat {
                at -= 1
                buffer[at] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if i < 0 { at -= 1; buffer[at] = UInt8(ascii: "-") }
            bytes.append(contentsOf: buffer[at...])
        }
    }

    /// Escapes `"`, `\`, control characters and U+2028/U+2029 (which break JavaScript string
    /// literals); everything else is copied as UTF-8, in runs.
    private mutating func escaped(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            var runStart = 0
            var i = 0
            let n = utf8.count
            while i < n {
                // NOTE: a tight scan over the bytes that need nothing; most text has none that do.
                let b = utf8[i]
                if b >= 0x20, b != UInt8(ascii: "\""), b != UInt8(ascii: "\\"), b != 0xE2 {
                    i += 1
                    continue
                }
                let escape: String
                var width = 1
                switch b {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case UInt8(ascii: "\n"): escape = "\\n"
                case UInt8(ascii: "\r"): escape = "\\r"
                case UInt8(ascii: "\t"): escape = "\\t"
                case 0..<0x20: escape = Self.unicodeEscape(UInt32(b))
                default:
                    // 0xE2: U+2028 and U+2029 are E2 80 A8 and E2 80 A9; other E2 sequences are copied.
                    guard i + 2 < n, utf8[i + 1] == 0x80, utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9 else {
                        i += 1
                        continue
                    }
                    escape = utf8[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    width = 3
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
                append(escape)
                i += width
                runStart = i
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<n]))
        }
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }

    // MARK: Text helpers (schemas, roll-ups, diagnostics, graphs)

    static func quoted(_ s: String) -> String {
        var w = JSONWriter(capacity: s.utf8.count + 2)
        w.string(s)
        return w.text
    }

    static func number(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
        return String(d)
    }

    static func object(_ fields: [(String, String)]) -> String {
        "{" + fields.map { quoted($0.0) + ": " + $0.1 }.joined(separator: ", ") + "}"
    }

    static func array(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }

    static func strings(_ items: [String]) -> String { array(items.map(quoted)) }

    static func optional(_ s: String?) -> String { s.map(quoted) ?? "null" }
}
