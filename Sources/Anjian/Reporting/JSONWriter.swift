import AnjianCore

/// Writes JSON text straight into a byte buffer, keys in the order given, so reports are
/// deterministic and need no intermediate tree or string per value. Separators are `", "` and
/// `": "`, as every report format since `anjian-report: 1` has them.
///
/// NOTE: noncopyable and written through a raw pointer: a batch report is some 40 KB in about
/// 1,500 pieces, and an `Array.append` per piece cost more than copying the bytes.
struct JSONWriter: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    /// Bytes written.
    private(set) var count: Int
    private var capacity: Int
    /// Whether `base` was allocated here, rather than lent by ``write(appendingTo:reserving:_:)``.
    private var owned: Bool
    /// Whether the next value or key needs a `", "` before it.
    private var needsComma = false
    /// The file of the last location written and where its escaped bytes were written, copied
    /// from there rather than escaped again: every piece of evidence names the report's own file.
    private var locationFile = ""
    private var locationFileBytes = 0..<0

    init(capacity: Int = 256) {
        self.capacity = max(16, capacity)
        base = .allocate(capacity: self.capacity)
        count = 0
        owned = true
    }

    /// Writes into `buffer` until it is full.
    private init(lending buffer: UnsafeMutableBufferPointer<UInt8>) {
        base = buffer.baseAddress!
        capacity = buffer.count
        count = 0
        owned = false
    }

    deinit {
        if owned { base.deallocate() }
    }

    /// Appends what `body` writes to `bytes` (as a new value, no separator). An empty `bytes` is
    /// written in place when what `body` writes fits in `reserving` bytes, as it does when the
    /// estimate holds; a buffer that holds something already is appended to, so that a caller
    /// collecting many reports in one buffer sees it grow as arrays do, not copied each time.
    static func write(appendingTo bytes: inout [UInt8], reserving extra: Int, _ body: (inout JSONWriter) -> Void) {
        guard bytes.isEmpty else {
            var w = JSONWriter(capacity: extra)
            body(&w)
            w.withBytes { bytes.append(contentsOf: $0) }
            return
        }
        var spilled: [UInt8]?
        bytes = [UInt8](unsafeUninitializedCapacity: max(16, extra)) { buffer, initialized in
            var w = JSONWriter(lending: buffer)
            body(&w)
            if w.owned {
                spilled = w.withBytes { Array($0) }
                initialized = 0
            } else {
                initialized = w.count
            }
        }
        if let spilled { bytes = spilled }
    }

    /// The text written so far.
    var text: String { withBytes { String(decoding: $0, as: UTF8.self) } }

    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        body(UnsafeBufferPointer(start: base, count: count))
    }

    // MARK: Structure

    @inline(__always) mutating func beginObject() { separate(); byte(UInt8(ascii: "{")); needsComma = false }
    @inline(__always) mutating func endObject() { byte(UInt8(ascii: "}")); needsComma = true }
    @inline(__always) mutating func beginArray() { separate(); byte(UInt8(ascii: "[")); needsComma = false }
    @inline(__always) mutating func endArray() { byte(UInt8(ascii: "]")); needsComma = true }

    /// A key known to need no escaping (the format's own field names).
    @inline(__always) mutating func key(_ name: StaticString) {
        // NOTE: inlined, so that the name's length is a constant and its copy a few moves.
        let length = name.utf8CodeUnitCount
        var out = room(length + 6)
        if needsComma { out[0] = UInt8(ascii: ","); out[1] = UInt8(ascii: " "); out += 2 }
        out[0] = UInt8(ascii: "\"")
        (out + 1).update(from: name.utf8Start, count: length)
        out[length + 1] = UInt8(ascii: "\"")
        out[length + 2] = UInt8(ascii: ":")
        out[length + 3] = UInt8(ascii: " ")
        count = out - base &+ length &+ 4
        needsComma = false
    }

    /// A key taken from data (a department's name).
    mutating func dataKey(_ name: String) {
        string(name)
        append(": ")
        needsComma = false
    }

    /// Ends a line of NDJSON; the next value starts a new one.
    mutating func lineBreak() { byte(UInt8(ascii: "\n")); needsComma = false }

    // MARK: Values

    @inline(__always) mutating func string(_ s: String) {
        separate()
        byte(UInt8(ascii: "\""))
        escaped(s)
        byte(UInt8(ascii: "\""))
        needsComma = true
    }

    mutating func optional(_ s: String?) {
        if let s { string(s) } else { raw("null") }
    }

    @inline(__always) mutating func int(_ i: Int) {
        separate()
        count &+= i.writeDecimal(to: room(Int.maxDecimalLength))
        needsComma = true
    }

    @inline(__always) mutating func bool(_ b: Bool) { raw(b ? "true" : "false") }

    mutating func number(_ d: Double) {
        // NOTE: as `number(_:) -> String` writes it, without building a string for integral values.
        if let i = Self.integral(d) { int(i); return }
        separate()
        var text = Self.number(d)
        text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
        needsComma = true
    }

    /// A date as `"YYYY-MM-DD"`, written without building its description.
    @inline(__always) mutating func date(_ d: CivilDate) {
        separate()
        let out = room(CivilDate.maxTextLength + 2)
        out[0] = UInt8(ascii: "\"")
        let length = d.writeText(to: out + 1)
        out[length + 1] = UInt8(ascii: "\"")
        count &+= length &+ 2
        needsComma = true
    }

    mutating func strings(_ items: [String]) {
        beginArray()
        items.withUnsafeBufferPointer { items in
            for i in items.indices { string(items[i]) }
        }
        endArray()
    }

    /// A location as `"path:line:col"`, written without building its description.
    @inline(__always) mutating func location(_ l: SourceLocation) {
        location(file: l.file, line: l.line, column: l.column)
    }

    /// The location `file:line:column`.
    mutating func location(file: String, line: Int, column: Int) {
        separate()
        byte(UInt8(ascii: "\""))
        if file == locationFile {
            let out = room(locationFileBytes.count)
            out.update(from: base + locationFileBytes.lowerBound, count: locationFileBytes.count)
            count &+= locationFileBytes.count
        } else {
            let start = count
            escaped(file)
            locationFile = file
            locationFileBytes = start..<count
        }
        let out = room(2 * Int.maxDecimalLength + 3)
        out[0] = UInt8(ascii: ":")
        var length = 1 + line.writeDecimal(to: out + 1)
        out[length] = UInt8(ascii: ":")
        length += 1 + column.writeDecimal(to: out + length + 1)
        out[length] = UInt8(ascii: "\"")
        count &+= length &+ 1
        needsComma = true
    }

    /// Text that is already JSON (`null`, a number).
    @inline(__always) mutating func raw(_ json: StaticString) {
        separate()
        append(UnsafeRawBufferPointer(start: json.utf8Start, count: json.utf8CodeUnitCount))
        needsComma = true
    }

    // MARK: Fragments

    /// Writes what `body` writes as a fragment of its own, to be copied into other writers by
    /// ``fragment(_:)`` once ``takeStorage(padding:)`` hands over the bytes. It must start with a key or a
    /// value, so that whatever goes before it where it is copied is separated as usual.
    mutating func record(_ body: (inout JSONWriter) -> Void) -> JSONFragment.Recorded {
        let start = count
        needsComma = false
        body(&self)
        return JSONFragment.Recorded(range: start..<count, endsWithValue: needsComma)
    }

    /// The bytes written followed by `padding` zeros, which the caller now owns (and
    /// deallocates); the writer is left empty.
    mutating func takeStorage(padding: Int) -> UnsafeMutableBufferPointer<UInt8> {
        let taken = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, count + padding))
        _ = taken.initialize(from: UnsafeBufferPointer(start: base, count: count))
        (taken.baseAddress! + count).initialize(repeating: 0, count: taken.count - count)
        count = 0
        needsComma = false
        locationFile = ""
        locationFileBytes = 0..<0
        return taken
    }

    /// Copies a fragment, exactly as if what recorded it were written here.
    @inline(__always) mutating func fragment(_ f: JSONFragment) {
        separate()
        let n = f.bytes.count
        let out = room(n + JSONFragment.padding)
        if n <= JSONFragment.padding {
            // NOTE: a short fragment (a quoted id) is copied as sixteen bytes at once, which its
            // storage's padding and the room made here allow; a call to copy a few bytes cost more.
            UnsafeMutableRawPointer(out).storeBytes(of: f.bytes.baseAddress!.loadUnaligned(as: SIMD16<UInt8>.self), as: SIMD16<UInt8>.self)
        } else {
            UnsafeMutableRawPointer(out).copyMemory(from: f.bytes.baseAddress!, byteCount: n)
        }
        count &+= n
        needsComma = f.endsWithValue
    }

    // MARK: Bytes

    @inline(__always) private mutating func separate() {
        if needsComma { append(", ") }
    }

    /// Makes room for `n` more bytes and returns where they go; `count` is left to the caller.
    @inline(__always) private mutating func room(_ n: Int) -> UnsafeMutablePointer<UInt8> {
        // NOTE: wrapping arithmetic: counts are far from overflowing, and the checks showed.
        if count &+ n > capacity { grow(n) }
        return base + count
    }

    @inline(never) private mutating func grow(_ n: Int) {
        let newCapacity = max(capacity * 2, count + n)
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        bigger.initialize(from: base, count: count)
        if owned { base.deallocate() }
        base = bigger
        capacity = newCapacity
        owned = true
    }

    @inline(__always) private mutating func byte(_ b: UInt8) {
        room(1).pointee = b
        count &+= 1
    }

    @inline(__always) private mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress else { return }
        UnsafeMutableRawPointer(room(bytes.count)).copyMemory(from: source, byteCount: bytes.count)
        count &+= bytes.count
    }

    @inline(__always) private mutating func append(_ s: StaticString) {
        append(UnsafeRawBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// Escapes `"`, `\`, control characters and U+2028/U+2029 (which break JavaScript string
    /// literals); everything else is copied as UTF-8, in runs.
    private mutating func escaped(_ s: String) {
        // NOTE: the bytes are read in place where the string has them so (native strings do); a
        // copy to make them contiguous (`withUTF8`) is only for the others.
        if s.utf8.withContiguousStorageIfAvailable({ escaped(utf8: $0) }) == nil {
            var s = s
            s.withUTF8 { escaped(utf8: $0) }
        }
    }

    private mutating func escaped(utf8: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        var i = 0
        let n = utf8.count
        while i < n {
            // NOTE: eight bytes at a time while none of them needs a look (see `needsLook`).
            if i + 8 <= n, !Self.needsLook(UnsafeRawPointer(utf8.baseAddress! + i).loadUnaligned(as: UInt64.self)) {
                i += 8
                continue
            }
            // NOTE: a tight scan over the bytes that need nothing; most text has none that do.
            let b = utf8[i]
            if b >= 0x20, b != UInt8(ascii: "\""), b != UInt8(ascii: "\\"), b != 0xE2 {
                i += 1
                continue
            }
            var width = 1
            let escape: StaticString
            switch b {
            case UInt8(ascii: "\""): escape = "\\\""
            case UInt8(ascii: "\\"): escape = "\\\\"
            case UInt8(ascii: "\n"): escape = "\\n"
            case UInt8(ascii: "\r"): escape = "\\r"
            case UInt8(ascii: "\t"): escape = "\\t"
            case 0..<0x20: escape = ""
            default:
                // 0xE2: U+2028 and U+2029 are E2 80 A8 and E2 80 A9; other E2 sequences are copied.
                guard i + 2 < n, utf8[i + 1] == 0x80, utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9 else {
                    i += 1
                    continue
                }
                escape = utf8[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                width = 3
            }
            append(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(utf8)[runStart..<i]))
            if escape.utf8CodeUnitCount > 0 { append(escape) } else { unicodeEscape(b) }
            i += width
            runStart = i
        }
        append(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(utf8)[runStart..<n]))
    }

    /// Whether any of eight bytes is a control character, `"`, `\` or 0xE2 (which may start
    /// U+2028 or U+2029): the bytes that `escaped` looks at one by one.
    @inline(__always) private static func needsLook(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        /// High bit set in each byte of `v` that is zero (and maybe in bytes above one that is).
        @inline(__always) func zeros(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
        let control = (word &- ones &* 0x20) & ~word & highs
        return (control | zeros(word ^ (ones &* 0x22)) | zeros(word ^ (ones &* 0x5C)) | zeros(word ^ (ones &* 0xE2))) != 0
    }

    /// `\u00XX` for a control character.
    private mutating func unicodeEscape(_ b: UInt8) {
        let hex: StaticString = "0123456789abcdef"
        append("\\u00")
        byte(hex.utf8Start[Int(b >> 4)])
        byte(hex.utf8Start[Int(b & 15)])
    }

    // MARK: Text helpers (schemas, roll-ups, diagnostics, graphs)

    static func quoted(_ s: String) -> String {
        var w = JSONWriter(capacity: s.utf8.count + 2)
        w.string(s)
        return w.text
    }

    /// A number as reports write it: integral values without a fraction, others as Swift prints them.
    static func number(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if let i = integral(d) { return String(i) }
        return String(d)
    }

    private static func integral(_ d: Double) -> Int? {
        d.isFinite && d == d.rounded() && abs(d) < 1e15 ? Int(d) : nil
    }

    static func object(_ fields: [(String, String)]) -> String {
        "{" + fields.map { quoted($0.0) + ": " + $0.1 }.joined(separator: ", ") + "}"
    }

    static func array(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }

    static func strings(_ items: [String]) -> String { array(items.map(quoted)) }

    static func optional(_ s: String?) -> String { s.map(quoted) ?? "null" }
}
