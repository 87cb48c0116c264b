import AnjianCore
import AnjianYAML

/// A file's lines, found once by their byte offsets and decoded to Unicode scalars only when an
/// expression on them needs its characters mapped to columns.
struct SourceLines: Sendable {
    private let bytes: [UInt8]
    /// Where each line starts. Lines end at a `\n` that does not follow a `\r` (a `\r\n` stays
    /// inside a line), as splitting the file's text at the character `\n` does.
    private let starts: [Int]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        var previous: UInt8 = 0
        for (i, b) in bytes.enumerated() {
            if b == UInt8(ascii: "\n"), previous != UInt8(ascii: "\r") { starts.append(i + 1) }
            previous = b
        }
        self.starts = starts
    }

    var count: Int { starts.count }

    /// Line `n` (1-based) without its line break or a trailing `\r`.
    func scalars(ofLine n: Int) -> [Unicode.Scalar] {
        let start = starts[n - 1]
        var end = n < starts.count ? starts[n] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return Array(String(decoding: bytes[start..<end], as: UTF8.self).unicodeScalars)
    }

    /// Where each character of `scalar`'s value is in the file (see ``YAMLScalar/valueLocations(in:)``),
    /// decoding only the scalar's own lines.
    func valueLocations(of scalar: YAMLScalar) -> [SourceLocation] {
        let first = max(1, scalar.start.line)
        let last = min(scalar.end.line, count)
        let window = first <= last ? (first...last).map(scalars(ofLine:)) : []
        return scalar.valueLocations(in: window, firstLine: first, lineCount: count)
    }
}
