internal import CYAML

/// One libyaml parser event, copied out of C memory.
struct YAMLEvent: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        case streamStart, streamEnd
        case documentStart(implicit: Bool, hasDirectives: Bool), documentEnd
        case alias(anchor: String)
        case scalar(value: String, anchor: String?, tag: String?, style: YAMLScalar.Style)
        case sequenceStart(anchor: String?, tag: String?)
        case sequenceEnd
        case mappingStart(anchor: String?, tag: String?)
        case mappingEnd
    }

    var kind: Kind
    /// 0-based line and character column, as libyaml reports them.
    var startLine: Int, startColumn: Int
    var endLine: Int, endColumn: Int
}

/// Takes parser events one at a time; returns `false` when it wants no more.
///
/// Scalars and collections can also be handed over without building an event, which is how the
/// block scanner feeds the composer; by default they are built into events.
protocol YAMLEventSink {
    mutating func consume(_ event: consuming YAMLEvent) -> Bool
    mutating func scalar(_ value: String, anchor: String?, tag: String?, style: YAMLScalar.Style,
                         startLine: Int, startColumn: Int, endLine: Int, endColumn: Int) -> Bool
    /// A sequence or mapping start without anchor or tag.
    mutating func collectionStart(sequence: Bool, line: Int, column: Int, endLine: Int, endColumn: Int) -> Bool
    mutating func collectionEnd(sequence: Bool, line: Int, column: Int, endLine: Int, endColumn: Int) -> Bool
}

extension YAMLEventSink {
    mutating func scalar(_ value: String, anchor: String?, tag: String?, style: YAMLScalar.Style,
                         startLine: Int, startColumn: Int, endLine: Int, endColumn: Int) -> Bool {
        consume(YAMLEvent(kind: .scalar(value: value, anchor: anchor, tag: tag, style: style),
                          startLine: startLine, startColumn: startColumn, endLine: endLine, endColumn: endColumn))
    }

    mutating func collectionStart(sequence: Bool, line: Int, column: Int, endLine: Int, endColumn: Int) -> Bool {
        consume(YAMLEvent(kind: sequence ? .sequenceStart(anchor: nil, tag: nil) : .mappingStart(anchor: nil, tag: nil),
                          startLine: line, startColumn: column, endLine: endLine, endColumn: endColumn))
    }

    mutating func collectionEnd(sequence: Bool, line: Int, column: Int, endLine: Int, endColumn: Int) -> Bool {
        consume(YAMLEvent(kind: sequence ? .sequenceEnd : .mappingEnd, startLine: line, startColumn: column, endLine: endLine, endColumn: endColumn))
    }
}

/// A parse error as libyaml reports it; marks are 0-based.
struct LibYAMLError: Error {
    var problem: String
    var context: String?
    var line: Int
    var column: Int
    /// Reader (encoding) errors come with a byte offset instead of a usable mark.
    var byteOffset: Int?
}

/// The only place that touches libyaml's C API: it owns the `yaml_parser_t`
/// and hands out events one at a time, each copied into Swift values.
final class LibYAMLEventParser {
    private var parser = yaml_parser_t()
    private let bytes: UnsafeMutableBufferPointer<UInt8>
    private var finished = false

    init(bytes input: [UInt8]) {
        bytes = .allocate(capacity: max(1, input.count))
        _ = bytes.initialize(from: input)
        yaml_parser_initialize(&parser)
        // NOTE: fix the encoding so that a UTF-16 file is an error rather than silently transcoded.
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, input.count)
    }

    deinit {
        yaml_parser_delete(&parser)
        bytes.deallocate()
    }

    /// The next event, or `nil` after the stream has ended.
    func next() throws(LibYAMLError) -> YAMLEvent? {
        if finished { return nil }
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else {
            throw currentError()
        }
        defer { yaml_event_delete(&event) }
        let start = event.start_mark, end = event.end_mark
        let kind: YAMLEvent.Kind
        switch event.type {
        case YAML_STREAM_START_EVENT:
            kind = .streamStart
        case YAML_STREAM_END_EVENT:
            finished = true
            kind = .streamEnd
        case YAML_DOCUMENT_START_EVENT:
            let d = event.data.document_start
            kind = .documentStart(implicit: d.implicit != 0,
                                  hasDirectives: d.version_directive != nil || d.tag_directives.start != d.tag_directives.end)
        case YAML_DOCUMENT_END_EVENT:
            kind = .documentEnd
        case YAML_ALIAS_EVENT:
            kind = .alias(anchor: Self.string(event.data.alias.anchor) ?? "")
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            // NOTE: scalars may contain NUL; build the string from the reported length.
            let value = s.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: s.length), as: UTF8.self) } ?? ""
            let style: YAMLScalar.Style
            switch s.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: style = .literal
            case YAML_FOLDED_SCALAR_STYLE: style = .folded
            default: style = .plain
            }
            kind = .scalar(value: value, anchor: Self.string(s.anchor), tag: Self.string(s.tag), style: style)
        case YAML_SEQUENCE_START_EVENT:
            let s = event.data.sequence_start
            kind = .sequenceStart(anchor: Self.string(s.anchor), tag: Self.string(s.tag))
        case YAML_SEQUENCE_END_EVENT:
            kind = .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            let m = event.data.mapping_start
            kind = .mappingStart(anchor: Self.string(m.anchor), tag: Self.string(m.tag))
        case YAML_MAPPING_END_EVENT:
            kind = .mappingEnd
        default:
            throw LibYAMLError(problem: "unexpected parser event", context: nil, line: Int(start.line), column: Int(start.column))
        }
        return YAMLEvent(kind: kind,
                         startLine: Int(start.line), startColumn: Int(start.column),
                         endLine: Int(end.line), endColumn: Int(end.column))
    }

    private func currentError() -> LibYAMLError {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        let context = parser.context.map { String(cString: $0) }
        if parser.error == YAML_READER_ERROR {
            return LibYAMLError(problem: problem, context: context, line: 0, column: 0, byteOffset: Int(parser.problem_offset))
        }
        return LibYAMLError(problem: problem, context: context,
                            line: Int(parser.problem_mark.line), column: Int(parser.problem_mark.column))
    }

    /// Anchors and tags are NUL-terminated by libyaml and cannot contain NUL.
    private static func string(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        p.map { String(cString: $0) }
    }
}
