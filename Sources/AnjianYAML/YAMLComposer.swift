import AnjianCore

/// Builds the node tree from parser events, enforcing the limits as it goes.
struct YAMLComposer {
    private struct Frame {
        enum Kind { case sequence, mapping }
        var kind: Kind
        var location: SourceLocation
        var anchor: String?
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: (YAMLScalar, SourceLocation)?
        /// Set when the pending key is rejected, so that its value is read and dropped.
        var skipValue = false
        /// The keys of `pairs`, indexed only once a mapping grows past a few keys.
        var keyIndex: [String: SourceLocation] = [:]
        var size = 1

        /// Where `key` was first defined in this mapping, if it was.
        mutating func firstLocation(ofKey key: String) -> SourceLocation? {
            // NOTE: most mappings have a handful of keys, where a scan beats hashing every key.
            if pairs.count <= 16 {
                return pairs.first { $0.key.value == key }?.keyLocation
            }
            for pair in pairs[keyIndex.count...] { keyIndex[pair.key.value] = pair.keyLocation }
            return keyIndex[key]
        }
    }

    let path: String
    let limits: YAMLLimits
    var diagnostics: [Diagnostic] = []
    private(set) var root: YAMLNode?
    /// Every document's root, in stream mode.
    private(set) var roots: [YAMLNode] = []
    /// Whether a stream of several documents is accepted (each with its own anchors).
    var allowsStream = false
    private var stack: [Frame] = []
    private var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    private var openAnchors: Set<String> = []
    private var expanded = 0
    private var documents = 0

    init(path: String, limits: YAMLLimits) {
        self.path = path
        self.limits = limits
    }

    private func location(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: path, line: line + 1, column: column + 1)
    }

    /// Takes one event; returns `false` when reading must stop.
    mutating func consume(_ event: YAMLEvent) -> Bool {
        let start = location(event.startLine, event.startColumn)
        switch event.kind {
        case .streamStart, .streamEnd, .documentEnd:
            return true
        case .documentStart:
            documents += 1
            if allowsStream {
                anchors = [:]
                return true
            }
            if documents > 1 {
                diagnostics.append(.multipleDocuments(at: start))
                return false
            }
            return true
        case .alias(let name):
            if openAnchors.contains(name) {
                diagnostics.append(.recursiveAlias(name, at: start))
                return false
            }
            guard let anchored = anchors[name] else {
                diagnostics.append(.undefinedAlias(name, suggestion: Suggestion.nearest(to: name, in: anchors.keys), at: start))
                return add(YAMLNode(.scalar(YAMLScalar(value: "", style: .plain, start: start, end: start)), at: start), size: 1, at: start)
            }
            expanded += anchored.size
            if expanded > limits.maxAliasExpansion {
                diagnostics.append(.aliasExpansion(limit: limits.maxAliasExpansion, at: start))
                return false
            }
            return add(anchored.node, size: anchored.size, at: start)
        case .scalar(let value, let anchor, let tag, let style):
            if value.utf8.count > limits.maxScalarLength {
                diagnostics.append(.scalarTooLong(bytes: value.utf8.count, limit: limits.maxScalarLength, at: start))
                return false
            }
            let tagName = checkTag(tag, at: start, forScalar: true)
            let scalar = YAMLScalar(value: value, style: style, explicitTag: tagName, start: start,
                                    end: location(event.endLine, event.endColumn))
            let node = YAMLNode(.scalar(scalar), at: start)
            if let anchor { anchors[anchor] = (node, 1) }
            return add(node, size: 1, at: start)
        case .sequenceStart(let anchor, let tag), .mappingStart(let anchor, let tag):
            if let top = stack.indices.last, stack[top].kind == .mapping, stack[top].pendingKey == nil, !stack[top].skipValue {
                diagnostics.append(.nonStringKey(at: start))
                return false
            }
            if stack.count + 1 > limits.maxDepth {
                diagnostics.append(.tooDeep(limit: limits.maxDepth, at: start))
                return false
            }
            _ = checkTag(tag, at: start, forScalar: false)
            var isSequence = false
            if case .sequenceStart = event.kind { isSequence = true }
            if let anchor { openAnchors.insert(anchor) }
            stack.append(Frame(kind: isSequence ? .sequence : .mapping, location: start, anchor: anchor))
            return true
        case .sequenceEnd, .mappingEnd:
            guard let frame = stack.popLast() else { return true }
            let node = YAMLNode(frame.kind == .sequence ? .sequence(frame.items) : .mapping(frame.pairs), at: frame.location)
            if let anchor = frame.anchor {
                openAnchors.remove(anchor)
                anchors[anchor] = (node, frame.size)
            }
            return add(node, size: frame.size, at: frame.location)
        }
    }

    /// Accepts the core schema's own tags; any other tag is an error.
    private mutating func checkTag(_ tag: String?, at location: SourceLocation, forScalar: Bool) -> String? {
        guard let tag else { return nil }
        let allowed: Set<String> = forScalar
            ? ["!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null"]
            : ["tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"]
        if allowed.contains(tag) { return tag }
        let shown = tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst("tag:yaml.org,2002:".count) : tag
        diagnostics.append(.customTag(shown, negation: forScalar && !tag.hasPrefix("tag:"), at: location))
        return nil
    }

    private mutating func add(_ node: YAMLNode, size: Int, at location: SourceLocation) -> Bool {
        // NOTE: the open collection is changed in place; popping and pushing it copied its arrays.
        let top = stack.count - 1
        guard top >= 0 else {
            root = node
            roots.append(node)
            return true
        }
        stack[top].size += size
        switch stack[top].kind {
        case .sequence:
            stack[top].items.append(node)
        case .mapping:
            if stack[top].skipValue {
                stack[top].skipValue = false
            } else if let (key, keyLocation) = stack[top].pendingKey {
                stack[top].pendingKey = nil
                stack[top].pairs.append(YAMLPair(key: key, keyLocation: keyLocation, value: node))
            } else if let key = node.scalar {
                if key.style == .plain && key.value == "<<" {
                    diagnostics.append(.mergeKey(at: location))
                    stack[top].skipValue = true
                } else if let first = stack[top].firstLocation(ofKey: key.value) {
                    diagnostics.append(.duplicateKey(key.value, at: location, first: first))
                    stack[top].skipValue = true
                } else {
                    stack[top].pendingKey = (key, location)
                }
            } else {
                diagnostics.append(.nonStringKey(at: location))
                stack[top].skipValue = true
            }
        }
        return true
    }
}
