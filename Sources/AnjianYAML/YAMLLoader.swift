public import AnjianCore

/// What loading one YAML file produced: the root node (if any) and every problem found.
public struct YAMLDocument: Sendable {
    /// `nil` when the file is empty or could not be read far enough.
    public var root: YAMLNode?
    public var diagnostics: [Diagnostic]
}

/// Reads YAML bytes through libyaml's event parser into a ``YAMLNode`` tree.
///
/// One document per file. Duplicate keys, custom tags, merge keys, undefined or recursive
/// aliases, nesting past ``YAMLLimits/maxDepth`` and alias expansion past
/// ``YAMLLimits/maxAliasExpansion`` are located errors.
public struct YAMLLoader: Sendable {
    public var limits: YAMLLimits

    public init(limits: YAMLLimits = .default) {
        self.limits = limits
    }

    public func load(_ bytes: [UInt8], path: String) -> YAMLDocument {
        let composer = compose(bytes, path: path, stream: false)
        let tree = composer.tree
        return YAMLDocument(root: tree.roots.last.map { tree.node(at: $0) }, diagnostics: composer.diagnostics)
    }

    /// Loads one document into a node buffer, without building a tree: for files read by the
    /// thousand, whose decoders walk the buffer.
    package func loadTree(_ bytes: [UInt8], path: String) -> (tree: YAMLTree, diagnostics: [Diagnostic]) {
        let composer = compose(bytes, path: path, stream: false)
        return (composer.tree, composer.diagnostics)
    }

    /// Loads a stream of documents (`---` separated), each with its own anchors: the roots in
    /// order and every problem found. Used to check the loader against the YAML test suite.
    public func loadStream(_ bytes: [UInt8], path: String) -> (roots: [YAMLNode], diagnostics: [Diagnostic]) {
        let composer = compose(bytes, path: path, stream: true)
        let tree = composer.tree
        return (tree.roots.map { tree.node(at: $0) }, composer.diagnostics)
    }

    private func compose(_ bytes: [UInt8], path: String, stream: Bool) -> YAMLComposer {
        var composer = YAMLComposer(path: path, limits: limits)
        composer.allowsStream = stream
        let preflight = YAMLPreflight.check(bytes, path: path, limits: limits)
        if preflight.hasErrors {
            composer.diagnostics = preflight
            return composer
        }
        // NOTE: the plain block files nearly everyone writes are read by the scanner, whose events
        // are libyaml's own (pinned by a differential fuzz target); anything else, and every error,
        // is libyaml's.
        var scanned = composer
        if YAMLBlockScanner.scan(bytes, into: &scanned) { return scanned }
        let parser = LibYAMLEventParser(bytes: bytes)
        do {
            while let event = try parser.next() {
                if !composer.consume(event) { break }
            }
        } catch {
            let location: SourceLocation
            if let offset = error.byteOffset {
                location = Self.locate(byteOffset: offset, in: bytes, path: path)
            } else {
                location = SourceLocation(file: path, line: error.line + 1, column: error.column + 1)
            }
            if let tab = YAMLPreflight.tabIndentation(bytes, path: path, upTo: location.line) {
                // NOTE: libyaml's message for a tab used as indentation is cryptic; say what it is.
                composer.diagnostics.append(.tabIndent(at: tab))
            } else {
                composer.diagnostics.append(.yamlSyntax(problem: error.problem, context: error.context, at: location))
            }
        }
        return composer
    }

    /// libyaml's messages with a hint at the usual cause.
    static func explain(_ message: String) -> String {
        if message.contains("found character that cannot start any token") {
            return message + " (a tab, or a character such as @ or ` that must be quoted)"
        }
        if message.contains("did not find expected") || message.contains("could not find expected") {
            return message + " (check for an unclosed bracket or quote, or a misaligned indentation)"
        }
        return message
    }

    static func locate(byteOffset: Int, in bytes: [UInt8], path: String) -> SourceLocation {
        var line = 1, column = 1
        for b in bytes.prefix(byteOffset) {
            if b == UInt8(ascii: "\n") { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
        }
        return SourceLocation(file: path, line: line, column: column)
    }
}
