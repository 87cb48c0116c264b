package import AnjianCore

/// A YAML document's nodes in one contiguous buffer, each node followed by its children.
///
/// The loader composes every file into this form; ``YAMLNode`` trees are built from it only for
/// the parts a decoder walks as a tree. Answer files, read by the thousand, are decoded from the
/// buffer directly, so that reading one allocates a few arrays rather than an object per node.
package struct YAMLTree: Sendable {
    /// One node. Scalars keep their text in ``YAMLTree/strings``; collections count their
    /// children (items, or key–value pairs), and every node knows how many entries its subtree spans.
    struct Entry: Sendable {
        enum Kind: UInt8 { case scalar, sequence, mapping }
        var kind: Kind
        var style: YAMLScalar.Style = .plain
        /// Index into ``YAMLTree/tags`` plus one; 0 for none.
        var tag: UInt8 = 0
        var resolved: ResolvedKind = .null
        /// The node's location: where a key was written, for a key; else where the node starts.
        var line: Int32, column: Int32
        /// A scalar's own start and end (an aliased key keeps its anchor's).
        var startLine: Int32 = 0, startColumn: Int32 = 0
        var endLine: Int32 = 0, endColumn: Int32 = 0
        /// A scalar's index in ``YAMLTree/strings``; a collection's number of items or pairs.
        var value: Int32 = 0
        /// Entries in the subtree, this one included.
        var size: Int32 = 1
        /// The resolved value's bits: a boolean, an integer or a double.
        var payload: UInt64 = 0
        /// A key's fingerprint, so that looking for an earlier equal key rarely compares text.
        var keyHash: UInt32 = 0

        /// Records a scalar's explicit tag (one of ``YAMLTree/tags``, or none) and what it resolves to.
        mutating func describe(tag: String?, resolved: YAMLScalar.Resolved) {
            self.tag = tag.flatMap { YAMLTree.tags.firstIndex(of: $0) }.map { UInt8($0 + 1) } ?? 0
            (self.resolved, payload) = YAMLTree.flatten(resolved)
        }
    }

    /// What a scalar resolves to, without its payload.
    package enum ResolvedKind: UInt8 { case null, bool, int, intOutOfRange, float, string }

    /// The core schema tags a scalar may carry; others are rejected while composing.
    static let tags = ["!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
                       "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null"]

    /// The path locations are given in.
    package let path: String
    var entries: [Entry] = []
    var strings: [String] = []
    /// Each document's root entry, in stream order.
    package internal(set) var roots: [Int] = []

    init(path: String) {
        self.path = path
    }

    /// A tree holding one node already built, so that a node read as a tree can be decoded the
    /// same way as a file read into a buffer.
    package init(_ node: YAMLNode, path: String) {
        self.path = path
        roots = [entries.count]
        append(node)
    }

    private mutating func append(_ node: YAMLNode) {
        let index = entries.count
        switch node.content {
        case .scalar(let s):
            append(s, at: node.location)
        case .sequence(let items):
            entries.append(Entry(kind: .sequence, line: Int32(node.location.line), column: Int32(node.location.column), value: Int32(items.count)))
            for item in items { append(item) }
        case .mapping(let pairs):
            entries.append(Entry(kind: .mapping, line: Int32(node.location.line), column: Int32(node.location.column), value: Int32(pairs.count)))
            for pair in pairs {
                append(pair.key, at: pair.keyLocation)
                append(pair.value)
            }
        }
        entries[index].size = Int32(entries.count - index)
    }

    private mutating func append(_ s: YAMLScalar, at location: SourceLocation) {
        var entry = Entry(kind: .scalar, style: s.style, line: Int32(location.line), column: Int32(location.column),
                          startLine: Int32(s.start.line), startColumn: Int32(s.start.column),
                          endLine: Int32(s.end.line), endColumn: Int32(s.end.column), value: Int32(strings.count))
        entry.describe(tag: s.explicitTag, resolved: s.resolved)
        strings.append(s.value)
        entries.append(entry)
    }

    private static func flatten(_ resolved: YAMLScalar.Resolved) -> (ResolvedKind, UInt64) {
        switch resolved {
        case .null: (.null, 0)
        case .bool(let b): (.bool, b ? 1 : 0)
        case .int(let i): (.int, UInt64(bitPattern: Int64(i)))
        case .intOutOfRange: (.intOutOfRange, 0)
        case .float(let d): (.float, d.bitPattern)
        case .string: (.string, 0)
        }
    }

    // MARK: Reading

    package func isScalar(_ i: Int) -> Bool { entries[i].kind == .scalar }
    package func isSequence(_ i: Int) -> Bool { entries[i].kind == .sequence }
    package func isMapping(_ i: Int) -> Bool { entries[i].kind == .mapping }

    /// Whether the node is a scalar that resolves to null (blank, `~`, `null`).
    package func isNull(_ i: Int) -> Bool { entries[i].kind == .scalar && entries[i].resolved == .null }

    /// What a scalar resolves to and the bits of a boolean, integer or double, without building
    /// the resolved value: `nil` for a collection.
    package func resolvedKind(_ i: Int) -> (kind: ResolvedKind, payload: UInt64)? {
        let e = entries[i]
        return e.kind == .scalar ? (e.resolved, e.payload) : nil
    }

    /// A scalar's text as written (unescaped).
    package func text(_ i: Int) -> String { strings[Int(entries[i].value)] }

    package func style(_ i: Int) -> YAMLScalar.Style { entries[i].style }

    /// What a scalar means under the core schema (`.null` for a collection).
    package func resolved(_ i: Int) -> YAMLScalar.Resolved {
        let e = entries[i]
        guard e.kind == .scalar else { return .null }
        switch e.resolved {
        case .null: return .null
        case .bool: return .bool(e.payload != 0)
        case .int: return .int(Int(Int64(bitPattern: e.payload)))
        case .intOutOfRange: return .intOutOfRange
        case .float: return .float(Double(bitPattern: e.payload))
        case .string: return .string(strings[Int(e.value)])
        }
    }

    /// Where the node is: a key's own place for a key, else where the node starts.
    package func location(_ i: Int) -> SourceLocation {
        SourceLocation(file: path, line: Int(entries[i].line), column: Int(entries[i].column))
    }

    /// The children of a sequence (items) or of a mapping (keys and values alternating).
    package func children(of i: Int) -> Children {
        let e = entries[i]
        let count = e.kind == .scalar ? 0 : Int(e.value) * (e.kind == .mapping ? 2 : 1)
        return Children(entries: entries, first: i + 1, count: count)
    }

    /// The entries directly under a collection, in order, each found by skipping its predecessor's subtree.
    package struct Children: Sequence, IteratorProtocol {
        let entries: [Entry]
        var upcoming: Int
        var remaining: Int

        init(entries: [Entry], first: Int, count: Int) {
            self.entries = entries
            upcoming = first
            remaining = count
        }

        package mutating func next() -> Int? {
            guard remaining > 0 else { return nil }
            remaining -= 1
            defer { upcoming += Int(entries[upcoming].size) }
            return upcoming
        }
    }

    /// The key–value pairs of a mapping, as entry indices.
    package func pairs(of i: Int) -> [(key: Int, value: Int)] {
        var result: [(key: Int, value: Int)] = []
        var children = children(of: i)
        while let key = children.next(), let value = children.next() { result.append((key, value)) }
        return result
    }

    // MARK: Building trees

    /// The node at `i` as a ``YAMLNode`` tree.
    package func node(at i: Int) -> YAMLNode {
        let e = entries[i]
        let location = location(i)
        switch e.kind {
        case .scalar:
            return YAMLNode(.scalar(scalar(i)), at: location)
        case .sequence:
            return YAMLNode(.sequence(children(of: i).map { node(at: $0) }), at: location)
        case .mapping:
            var pairs: [YAMLPair] = []
            pairs.reserveCapacity(Int(e.value))
            var children = children(of: i)
            while let key = children.next(), let value = children.next() {
                pairs.append(YAMLPair(key: scalar(key), keyLocation: self.location(key), value: node(at: value)))
            }
            return YAMLNode(.mapping(pairs), at: location)
        }
    }

    /// The scalar at `i` with its own start and end.
    package func scalar(_ i: Int) -> YAMLScalar {
        let e = entries[i]
        return YAMLScalar(value: strings[Int(e.value)], style: e.style, explicitTag: e.tag == 0 ? nil : Self.tags[Int(e.tag) - 1],
                          start: SourceLocation(file: path, line: Int(e.startLine), column: Int(e.startColumn)),
                          end: SourceLocation(file: path, line: Int(e.endLine), column: Int(e.endColumn)),
                          resolved: resolved(i))
    }
}
