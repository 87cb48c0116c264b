/// The differential check of ``YAMLBlockScanner`` against libyaml, shared by the tests and the
/// `scanner` fuzz target: the scanner may decline any input, but whatever it accepts must be
/// exactly libyaml's event sequence, marks included.
@_spi(Testing) public enum YAMLScannerCheck {
    /// Whether the scanner reads `bytes` itself (rather than leaving them to libyaml).
    public static func accepts(_ bytes: [UInt8]) -> Bool {
        YAMLBlockScanner.events(bytes) != nil
    }

    /// `nil` when the scanner declines `bytes` or gives libyaml's events; otherwise what differs.
    public static func mismatch(_ bytes: [UInt8]) -> String? {
        // NOTE: libyaml runs only on what the scanner accepted, which is valid, NUL-free UTF-8:
        // the loader's preflight guarantees the same to libyaml.
        guard let scanned = YAMLBlockScanner.events(bytes) else { return nil }
        let parser = LibYAMLEventParser(bytes: bytes)
        var expected: [YAMLEvent] = []
        do {
            while let event = try parser.next() { expected.append(event) }
        } catch {
            return "the scanner accepted what libyaml rejects at \(error.line + 1):\(error.column + 1): \(error.problem)"
        }
        if scanned == expected { return nil }
        let index = zip(scanned, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(scanned.count, expected.count)
        let mine = index < scanned.count ? describe(scanned[index]) : "nothing"
        let theirs = index < expected.count ? describe(expected[index]) : "nothing"
        return "event \(index): the scanner gives \(mine), libyaml \(theirs)"
    }

    static func describe(_ e: YAMLEvent) -> String {
        "\(e.kind) \(e.startLine):\(e.startColumn)-\(e.endLine):\(e.endColumn)"
    }
}
