import AnjianCore

/// Builds the node buffer from parser events, enforcing the limits as it goes.
struct YAMLComposer: YAMLEventSink {
    /// What changes with every node read into an open collection, kept apart from ``Keys`` so that
    /// updating it touches no reference-counted field.
    private struct Frame {
        var isSequence: Bool
        /// The entry of a key waiting for its value, or -1.
        var pendingKey: Int32 = -1
        /// Set when the pending key is rejected, so that its value is read and dropped.
        var skipValue = false
        /// The collection's entry, patched with its counts when it ends.
        var entry: Int
        var count = 0
        /// Nodes read into this collection, dropped ones and alias expansions included (the
        /// measure of the alias expansion limit).
        var size = 1
    }

    /// The rest of an open collection's state.
    private struct Keys {
        var anchor: String?
        /// The keys, indexed only once a mapping grows past a few keys.
        var index: [String: SourceLocation] = [:]
        var indexed = 0
    }

    /// Where an anchored node is: in the document, or set aside when the value holding it was dropped.
    private struct Anchored {
        var entry: Int
        var detached: Bool
        var size: Int
    }

    let path: String
    let limits: YAMLLimits
    var diagnostics: [Diagnostic] = []
    private(set) var tree: YAMLTree
    /// Whether a stream of several documents is accepted (each with its own anchors).
    var allowsStream = false
    private var stack: [Frame] = []
    private var keys: [Keys] = []
    private var anchors: [String: Anchored] = [:]
    private var openAnchors: Set<String> = []
    /// Anchored subtrees of dropped values, kept for aliases to them.
    private var detached: [YAMLTree.Entry] = []
    private var expanded = 0
    private var documents = 0

    init(path: String, limits: YAMLLimits) {
        self.path = path
        self.limits = limits
        tree = YAMLTree(path: path)
    }

    private func location(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: path, line: line + 1, column: column + 1)
    }

    /// Takes one event; returns `false` when reading must stop.
    mutating func consume(_ event: consuming YAMLEvent) -> Bool {
        let line = Int32(event.startLine + 1), column = Int32(event.startColumn + 1)
        switch event.kind {
        case .streamStart, .streamEnd, .documentEnd:
            return true
        case .documentStart:
            documents += 1
            if allowsStream {
                anchors = [:]
                detached = []
                return true
            }
            if documents > 1 {
                diagnostics.append(.multipleDocuments(at: location(event.startLine, event.startColumn)))
                return false
            }
            return true
        case .alias(let name):
            let start = location(event.startLine, event.startColumn)
            if openAnchors.contains(name) {
                diagnostics.append(.recursiveAlias(name, at: start))
                return false
            }
            guard let anchored = anchors[name] else {
                diagnostics.append(.undefinedAlias(name, suggestion: Suggestion.nearest(to: name, in: anchors.keys), at: start))
                let entry = scalarEntry("", style: .plain, tag: nil, line: line, column: column, endLine: line, endColumn: column)
                return add(entry, size: 1, line: line, column: column)
            }
            expanded += anchored.size
            if expanded > limits.maxAliasExpansion {
                diagnostics.append(.aliasExpansion(limit: limits.maxAliasExpansion, at: start))
                return false
            }
            // NOTE: the copy keeps the anchored node's locations; only a key's place is where the alias is.
            // NOTE: copied out first, so that appending never copies the whole buffer it reads from.
            let copy = anchored.detached ? Self.subtree(at: anchored.entry, of: detached) : Self.subtree(at: anchored.entry, of: tree.entries)
            let first = tree.entries.count
            tree.entries.append(contentsOf: copy)
            return placed(first, size: anchored.size, line: line, column: column)
        case .scalar(let value, let anchor, let tag, let style):
            return scalar(value, anchor: anchor, tag: tag, style: style,
                          startLine: event.startLine, startColumn: event.startColumn, endLine: event.endLine, endColumn: event.endColumn)
        case .sequenceStart(let anchor, let tag):
            return collectionStart(sequence: true, anchor: anchor, tag: tag, line: event.startLine, column: event.startColumn)
        case .mappingStart(let anchor, let tag):
            return collectionStart(sequence: false, anchor: anchor, tag: tag, line: event.startLine, column: event.startColumn)
        case .sequenceEnd, .mappingEnd:
            return collectionEnd()
        }
    }

    /// A scalar event (marks 0-based, as libyaml gives them).
    mutating func scalar(_ value: String, anchor: String?, tag: String?, style: YAMLScalar.Style,
                         startLine: Int, startColumn: Int, endLine: Int, endColumn: Int) -> Bool {
        let line = Int32(startLine + 1), column = Int32(startColumn + 1)
        if value.utf8.count > limits.maxScalarLength {
            diagnostics.append(.scalarTooLong(bytes: value.utf8.count, limit: limits.maxScalarLength, at: location(startLine, startColumn)))
            return false
        }
        let tagName = checkTag(tag, line: startLine, column: startColumn, forScalar: true)
        let entry = scalarEntry(value, style: style, tag: tagName, line: line, column: column,
                                endLine: Int32(endLine + 1), endColumn: Int32(endColumn + 1))
        if let anchor { anchors[anchor] = Anchored(entry: tree.entries.count, detached: false, size: 1) }
        return add(entry, size: 1, line: line, column: column)
    }

    mutating func collectionStart(sequence: Bool, line: Int, column: Int, endLine: Int, endColumn: Int) -> Bool {
        collectionStart(sequence: sequence, anchor: nil, tag: nil, line: line, column: column)
    }

    mutating func collectionEnd(sequence: Bool, line: Int, column: Int, endLine: Int, endColumn: Int) -> Bool {
        collectionEnd()
    }

    /// A sequence or mapping start event.
    mutating func collectionStart(sequence isSequence: Bool, anchor: String?, tag: String?, line startLine: Int, column startColumn: Int) -> Bool {
        if let top = stack.indices.last, !stack[top].isSequence, stack[top].pendingKey < 0, !stack[top].skipValue {
            diagnostics.append(.nonStringKey(at: location(startLine, startColumn)))
            return false
        }
        if stack.count + 1 > limits.maxDepth {
            diagnostics.append(.tooDeep(limit: limits.maxDepth, at: location(startLine, startColumn)))
            return false
        }
        _ = checkTag(tag, line: startLine, column: startColumn, forScalar: false)
        if let anchor { openAnchors.insert(anchor) }
        stack.append(Frame(isSequence: isSequence, entry: tree.entries.count))
        keys.append(Keys(anchor: anchor))
        tree.entries.append(YAMLTree.Entry(kind: isSequence ? .sequence : .mapping, line: Int32(startLine + 1), column: Int32(startColumn + 1)))
        return true
    }

    /// A sequence or mapping end event.
    mutating func collectionEnd() -> Bool {
        guard let frame = stack.popLast(), let anchor = keys.popLast().map(\.anchor) else { return true }
        tree.entries[frame.entry].value = Int32(frame.count)
        tree.entries[frame.entry].size = Int32(tree.entries.count - frame.entry)
        if let anchor {
            openAnchors.remove(anchor)
            anchors[anchor] = Anchored(entry: frame.entry, detached: false, size: frame.size)
        }
        let entry = tree.entries[frame.entry]
        return placed(frame.entry, size: frame.size, line: entry.line, column: entry.column)
    }

    private mutating func scalarEntry(_ value: String, style: YAMLScalar.Style, tag: String?, line: Int32, column: Int32,
                                      endLine: Int32, endColumn: Int32) -> YAMLTree.Entry {
        var entry = YAMLTree.Entry(kind: .scalar, style: style, line: line, column: column, startLine: line, startColumn: column,
                                   endLine: endLine, endColumn: endColumn, value: Int32(tree.strings.count))
        entry.describe(tag: tag, resolved: CoreSchema.resolve(value, style: style, tag: tag))
        tree.strings.append(value)
        return entry
    }

    /// Accepts the core schema's own tags; any other tag is an error.
    private mutating func checkTag(_ tag: String?, line: Int, column: Int, forScalar: Bool) -> String? {
        guard let tag else { return nil }
        if forScalar ? YAMLTree.tags.contains(tag) : (tag == "tag:yaml.org,2002:seq" || tag == "tag:yaml.org,2002:map") { return tag }
        let shown = tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst("tag:yaml.org,2002:".count) : tag
        diagnostics.append(.customTag(shown, negation: forScalar && !tag.hasPrefix("tag:"), at: location(line, column)))
        return nil
    }

    private mutating func add(_ entry: YAMLTree.Entry, size: Int, line: Int32, column: Int32) -> Bool {
        tree.entries.append(entry)
        return placed(tree.entries.count - 1, size: size, line: line, column: column)
    }

    /// Places the node just completed at `first` (the last subtree of the buffer) in the open
    /// collection: as an item, a key, a value, or dropped. `line`/`column` is where it was written.
    private mutating func placed(_ first: Int, size: Int, line: Int32, column: Int32) -> Bool {
        // NOTE: the open collection is changed in place; popping and pushing it copied its arrays.
        let top = stack.count - 1
        guard top >= 0 else {
            tree.roots.append(first)
            return true
        }
        stack[top].size += size
        if stack[top].isSequence {
            stack[top].count += 1
            return true
        }
        if stack[top].skipValue {
            stack[top].skipValue = false
            drop(from: first)
        } else if stack[top].pendingKey >= 0 {
            stack[top].pendingKey = -1
            stack[top].count += 1
        } else if tree.entries[first].kind == .scalar {
            let key = tree.text(first)
            var keyLocation: SourceLocation { SourceLocation(file: path, line: Int(line), column: Int(column)) }
            // NOTE: hashed over the key's contiguous bytes; walking a String's UTF-8 view byte by byte cost more.
            var bytes = key
            let hash = bytes.withUTF8 { utf8 in
                var hash: UInt32 = 2_166_136_261
                for byte in utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
                return hash
            }
            tree.entries[first].keyHash = hash
            if tree.entries[first].style == .plain && key.utf8.count == 2 && key == "<<" {
                diagnostics.append(.mergeKey(at: keyLocation))
                stack[top].skipValue = true
                drop(from: first)
            } else if let firstLocation = firstLocation(ofKey: key, hash: hash, in: top) {
                diagnostics.append(.duplicateKey(key, at: keyLocation, first: firstLocation))
                stack[top].skipValue = true
                drop(from: first)
            } else {
                // A key is located where it was written, which for an alias is not its anchor's place.
                tree.entries[first].line = line
                tree.entries[first].column = column
                stack[top].pendingKey = Int32(first)
            }
        } else {
            diagnostics.append(.nonStringKey(at: SourceLocation(file: path, line: Int(line), column: Int(column))))
            stack[top].skipValue = true
            drop(from: first)
        }
        return true
    }

    /// Where `key` was first defined in the mapping open at `top`, if it was.
    private mutating func firstLocation(ofKey key: String, hash: UInt32, in top: Int) -> SourceLocation? {
        let count = stack[top].count
        // NOTE: most mappings have a handful of keys, where a scan of fingerprints beats hashing every key.
        if count <= 16 {
            let found: Int? = tree.entries.withUnsafeBufferPointer { entries in
                var k = stack[top].entry + 1
                for _ in 0..<count {
                    if entries[k].keyHash == hash, tree.strings[Int(entries[k].value)] == key { return k }
                    k += 1 + Int(entries[k + 1].size)
                }
                return nil
            }
            return found.map { tree.location($0) }
        }
        if keys[top].indexed < count {
            var children = tree.children(of: stack[top].entry)
            children.remaining = count * 2
            var n = 0
            while let k = children.next(), children.next() != nil {
                if n >= keys[top].indexed { keys[top].index[tree.text(k)] = tree.location(k) }
                n += 1
            }
            keys[top].indexed = count
        }
        return keys[top].index[key]
    }

    private static func subtree(at entry: Int, of entries: [YAMLTree.Entry]) -> [YAMLTree.Entry] {
        Array(entries[entry..<entry + Int(entries[entry].size)])
    }

    /// Removes the entries from `first` on (a rejected key or its value), setting aside any
    /// anchored node among them so that later aliases still find it.
    private mutating func drop(from first: Int) {
        for (name, anchored) in anchors where !anchored.detached && anchored.entry >= first {
            anchors[name] = Anchored(entry: detached.count, detached: true, size: anchored.size)
            detached.append(contentsOf: Self.subtree(at: anchored.entry, of: tree.entries))
        }
        tree.entries.removeSubrange(first...)
    }
}
