import AnjianCore
import Testing
@testable import AnjianYAML

private func load(_ text: String, limits: YAMLLimits = .default) -> YAMLDocument {
    YAMLLoader(limits: limits).load(Array(text.utf8), path: "t.yaml")
}

private func load(bytes: [UInt8], limits: YAMLLimits = .default) -> YAMLDocument {
    YAMLLoader(limits: limits).load(bytes, path: "t.yaml")
}

/// The first error as `line:col code`, the way a user sees where it points.
private func firstError(_ doc: YAMLDocument) -> String? {
    doc.diagnostics.first { $0.level == .error }.map { "\($0.location.line):\($0.location.column) \($0.code)" }
}

@Suite struct YAMLLoaderTests {
    @Test("scalars resolve by the YAML 1.2 core schema: yes/no/on/off stay strings")
    func coreSchema() throws {
        let doc = load("a: yes\nb: no\nc: on\nd: off\ne: true\nf: 12\ng: -3.5\nh: ~\ni: '12'\nj: 0x1F\nk: .inf\nl: 2021-04-12\nm: 99999999999999999999\n")
        #expect(doc.diagnostics.isEmpty)
        let pairs = try #require(doc.root?.mapping)
        let values = Dictionary(uniqueKeysWithValues: pairs.map { ($0.key.value, $0.value.scalar!.resolved) })
        #expect(values["a"] == .string("yes"))
        #expect(values["b"] == .string("no"))
        #expect(values["c"] == .string("on"))
        #expect(values["d"] == .string("off"))
        #expect(values["e"] == .bool(true))
        #expect(values["f"] == .int(12))
        #expect(values["g"] == .float(-3.5))
        #expect(values["h"] == .null)
        #expect(values["i"] == .string("12"))
        #expect(values["j"] == .int(31))
        #expect(values["k"] == .float(.infinity))
        #expect(values["l"] == .string("2021-04-12"))
        #expect(values["m"] == .intOutOfRange)
    }

    @Test("integers are read to the edges of 64 bits, with a sign and leading zeros")
    func integerEdges() throws {
        let doc = load("a: -9223372036854775808\nb: 9223372036854775807\nc: 9223372036854775808\nd: -9223372036854775809\ne: +007\nf: -0\ng: '-'\nh: +\ni: 1_000\nj: 12a\n")
        let pairs = try #require(doc.root?.mapping)
        let values = Dictionary(uniqueKeysWithValues: pairs.map { ($0.key.value, $0.value.scalar!.resolved) })
        #expect(values["a"] == .int(Int.min))
        #expect(values["b"] == .int(Int.max))
        #expect(values["c"] == .intOutOfRange)
        #expect(values["d"] == .intOutOfRange)
        #expect(values["e"] == .int(7))
        #expect(values["f"] == .int(0))
        #expect(values["g"] == .string("-"))
        #expect(values["h"] == .string("+"))
        #expect(values["i"] == .string("1_000"))
        #expect(values["j"] == .string("12a"))
    }

    @Test("every node keeps its 1-based line and column, counted in characters")
    func locations() throws {
        let doc = load("名称: 燃气站\nlist:\n  - 甲\n  - {k: 值}\n")
        let pairs = try #require(doc.root?.mapping)
        #expect(pairs[0].keyLocation == AnjianCore.SourceLocation(file: "t.yaml", line: 1, column: 1))
        #expect(pairs[0].value.location == AnjianCore.SourceLocation(file: "t.yaml", line: 1, column: 5))
        let items = try #require(pairs[1].value.sequence)
        #expect(items[0].location.line == 3 && items[0].location.column == 5)
        let inner = try #require(items[1].mapping)
        #expect(inner[0].value.location.column == 9)
    }

    @Test("a duplicate key is an error at the second key, with a note at the first")
    func duplicateKey() throws {
        let doc = load("a: 1\nb: 2\na: 3\n")
        let d = try #require(doc.diagnostics.first)
        #expect(d.code == "yaml.duplicate-key")
        #expect(d.location.line == 3 && d.location.column == 1)
        #expect(d.notes.first?.location.line == 1)
    }

    @Test("bad input gets a located error", arguments: [
        ("a:\n\tb: 1\n", "2:1 yaml.tab-indent"),
        ("a: !!python/object x\n", "1:4 yaml.custom-tag"),
        ("a: !custom x\n", "1:4 yaml.custom-tag"),
        ("a: 1\n---\nb: 2\n", "2:1 yaml.multiple-documents"),
        ("a: *nope\n", "1:4 yaml.undefined-alias"),
        ("base: &b {x: 1}\nother:\n  <<: *b\n", "3:3 yaml.merge-key"),
        ("[a, b]: 1\n", "1:1 yaml.non-string-key"),
        ("answers: [unclosed\n", "2:1 yaml.syntax"),
        ("a: \"unterminated\n", "2:1 yaml.syntax"),
    ])
    func badInput(text: String, expected: String) {
        #expect(firstError(load(text)) == expected)
    }

    @Test("invalid UTF-8 is located at its line and column")
    func invalidUTF8() {
        let doc = load(bytes: Array("a: 1\nb: 好".utf8) + [0xFF, 0x0A])
        #expect(firstError(doc) == "2:5 yaml.encoding")
    }

    @Test("UTF-16 with a byte-order mark is rejected with advice to save as UTF-8")
    func utf16() {
        let doc = load(bytes: [0xFF, 0xFE, 0x61, 0x00, 0x3A, 0x00])
        #expect(firstError(doc) == "1:1 yaml.encoding")
        #expect(doc.diagnostics[0].message.contains("UTF-8"))
    }

    @Test("a NUL byte is an error")
    func nul() {
        #expect(firstError(load(bytes: Array("a: x".utf8) + [0, 0x0A])) == "1:5 yaml.control-character")
    }

    @Test("an empty file has no root and no error; the decoder says what to write")
    func empty() {
        let doc = load("")
        #expect(doc.root == nil && doc.diagnostics.isEmpty)
    }

    @Test("nesting 100k deep stops at the depth limit quickly")
    func deepNesting() {
        let doc = load(String(repeating: "[", count: 100_000))
        #expect(firstError(doc) == "1:101 yaml.too-deep")
    }

    @Test("billion laughs stops at the alias expansion limit")
    func billionLaughs() {
        var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
            previous = name
        }
        let doc = load(text)
        #expect(doc.diagnostics.first?.code == "yaml.alias-expansion")
    }

    @Test("aliases within the limit expand to copies of the anchored node")
    func aliases() throws {
        let doc = load("a: &x [1, 2]\nb: *x\n")
        #expect(doc.diagnostics.isEmpty)
        let b = try #require(doc.root?.mapping?[1].value.sequence)
        #expect(b.count == 2)
    }

    @Test("a duplicate key's value is dropped, yet an anchor in it still serves later aliases; an alias key is located at the alias")
    func anchorInDroppedValue() throws {
        let doc = load("a: 1\na: &x {k: [v, w]}\nb: *x\n&y c: 2\n*y : 3\nd: [*x, *x]\n")
        #expect(doc.diagnostics.map(\.code) == ["yaml.duplicate-key", "yaml.duplicate-key"])
        #expect(doc.diagnostics.last?.location == AnjianCore.SourceLocation(file: "t.yaml", line: 5, column: 1))
        let pairs = try #require(doc.root?.mapping)
        #expect(pairs.map(\.key.value) == ["a", "b", "c", "d"])
        let b = try #require(pairs[1].value.mapping)
        #expect(b.map(\.key.value) == ["k"])
        #expect(b[0].value.sequence?.compactMap(\.scalar?.value) == ["v", "w"])
        // The copy keeps the anchored node's own location (libyaml starts it at its anchor).
        #expect(pairs[1].value.location == AnjianCore.SourceLocation(file: "t.yaml", line: 2, column: 4))
        #expect(pairs[3].value.sequence?.compactMap { $0.mapping?.first?.key.value } == ["k", "k"])
    }

    @Test("files past the size limit are rejected before parsing")
    func fileSize() {
        let doc = load(String(repeating: "a", count: 200), limits: YAMLLimits(maxFileSize: 100))
        #expect(firstError(doc) == "1:1 yaml.file-too-large")
    }

    @Test("scalars keep NUL-free text exactly, including escapes")
    func scalarText() throws {
        let doc = load("a: \"x\\ty\"\nb: |\n  line1\n  line2\n")
        let pairs = try #require(doc.root?.mapping)
        #expect(pairs[0].value.scalar?.value == "x\ty")
        #expect(pairs[1].value.scalar?.value == "line1\nline2\n")
        #expect(pairs[1].value.scalar?.style == .literal)
    }
}
