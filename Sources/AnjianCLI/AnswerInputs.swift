import Anjian
import Foundation

/// One answer file to evaluate: a file on disk, or a document read from standard input.
struct AnswerInput: Sendable {
    enum Source: Sendable {
        case file(URL)
        /// A document from a stream; `firstLine` is where it starts, for locations.
        case bytes([UInt8], firstLine: Int)
    }
    var source: Source
    /// The path as shown in locations (`answers/a.yaml`, `<stdin>`).
    var display: String
}

/// The answer files named on the command line, produced lazily in input order: files as given,
/// folders searched recursively for .yaml and .yml (sorted), and `-` for standard input holding
/// NDJSON (one answer set per line) or a YAML stream (documents separated by `---`).
struct AnswerInputs: Sequence, IteratorProtocol {
    private var paths: [String]
    private var pending: [AnswerInput] = []
    private var stream: StandardInputSplitter?
    private var streamDisplay = "<stdin>"
    /// Problems met while listing (a missing path, an unreadable folder), reported in order.
    private(set) var problems: [Diagnostic] = []

    init(_ paths: [String]) { self.paths = paths.reversed() }

    /// How many inputs there are, when known without reading standard input.
    static func count(_ paths: [String]) -> Int? {
        var total = 0
        for path in paths {
            if path == "-" || Self.isStream(path) { return nil }
            total += files(in: path)?.count ?? 1
        }
        return total
    }

    /// NDJSON files named on the command line hold many answer sets, one per line.
    static func isStream(_ path: String) -> Bool {
        path.hasSuffix(".ndjson") || path.hasSuffix(".jsonl")
    }

    static func files(in path: String) -> [String]? {
        // NOTE: readdir rather than FileManager's enumerator, which stats every entry and took
        // longer to list a folder of 2,000 answer files than to evaluate a hundred of them.
        guard let top = opendir(path) else { return nil }
        closedir(top)
        let base = path.hasSuffix("/") ? path : path + "/"
        var found: [String] = []
        var folders = [""]
        while let folder = folders.popLast() {
            guard let dir = opendir(base + folder) else { continue }
            defer { closedir(dir) }
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let relative = folder + name
                var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
                if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                    var info = stat()
                    isFolder = lstat(base + relative, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
                }
                if isFolder { folders.append(relative + "/") }
                // NOTE: a folder named like an answer file is listed too, so that it is reported, not skipped.
                if name.hasSuffix(".yaml") || name.hasSuffix(".yml") { found.append(relative) }
            }
        }
        return found.sorted().map { base + $0 }
    }

    mutating func next() -> AnswerInput? {
        while true {
            if let current = stream {
                var splitter = current
                if let document = splitter.next() {
                    stream = splitter
                    return AnswerInput(source: .bytes(document.bytes, firstLine: document.line), display: streamDisplay)
                }
                stream = nil
            }
            if let input = pending.popLast() { return input }
            guard let path = paths.popLast() else { return nil }
            if path == "-" {
                stream = StandardInputSplitter(handle: .standardInput)
                streamDisplay = "<stdin>"
            } else if Self.isStream(path), let handle = FileHandle(forReadingAtPath: path) {
                stream = StandardInputSplitter(handle: handle)
                streamDisplay = path
            } else if let files = Self.files(in: path) {
                pending = files.reversed().map { AnswerInput(source: .file(URL(fileURLWithPath: $0)), display: $0) }
            } else {
                pending = [AnswerInput(source: .file(URL(fileURLWithPath: path)), display: path)]
            }
        }
    }
}

/// Splits a stream (standard input, or an NDJSON file) into answer documents as it arrives: NDJSON
/// lines, or YAML documents separated by `---` lines. Reads in blocks, so memory stays flat however
/// long the stream is.
struct StandardInputSplitter {
    let handle: FileHandle

    init(handle: FileHandle) { self.handle = handle }

    private var buffer: [UInt8] = []
    private var line = 0
    private var mode: Mode?
    private var finished = false
    private var document: [UInt8] = []
    private var documentLine = 1

    enum Mode { case ndjson, yaml }

    private mutating func readLine() -> [UInt8]? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let result = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                line += 1
                return result
            }
            if finished {
                if buffer.isEmpty { return nil }
                let result = buffer
                buffer = []
                line += 1
                return result
            }
            let chunk = handle.readData(ofLength: 1 << 16)
            if chunk.isEmpty { finished = true } else { buffer += chunk }
        }
    }

    mutating func next() -> (bytes: [UInt8], line: Int)? {
        while let text = readLine() {
            let trimmed = text.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
            if mode == nil {
                if trimmed.isEmpty { continue }
                mode = trimmed.first == UInt8(ascii: "{") ? .ndjson : .yaml
                documentLine = line
            }
            switch mode! {
            case .ndjson:
                if trimmed.isEmpty { continue }
                return (text, line)
            case .yaml:
                let marker = text.starts(with: Array("---".utf8)) && (text.count == 3 || text[3] == UInt8(ascii: " ") || text[3] == UInt8(ascii: "\r"))
                let end = text.starts(with: Array("...".utf8))
                if marker || end {
                    let finishedDocument = document
                    document = []
                    documentLine = line + 1
                    if finishedDocument.contains(where: { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: " ") }) {
                        return (finishedDocument, line - finishedDocument.filter { $0 == UInt8(ascii: "\n") }.count)
                    }
                    continue
                }
                document += text + [UInt8(ascii: "\n")]
            }
        }
        if mode == .yaml, document.contains(where: { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: " ") }) {
            let last = document
            document = []
            return (last, documentLine)
        }
        return nil
    }
}
