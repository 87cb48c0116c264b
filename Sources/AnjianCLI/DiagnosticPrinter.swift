import Anjian
import Foundation

/// Prints diagnostics to stderr like a compiler: `path:line:col: error[code]: message`,
/// then the source line with a caret, sorted by location and capped.
struct DiagnosticPrinter {
    var limit = 200
    private var printed = 0
    private var sources: [String: String?] = [:]

    mutating func print(_ diagnostics: [Diagnostic]) {
        let sorted = diagnostics.sorted()
        for d in sorted {
            if printed == limit {
                FileHandle.standardError.write(Data("… \(sorted.count - printed) more diagnostics not shown\n".utf8))
            }
            printed += 1
            guard printed <= limit else { continue }
            FileHandle.standardError.write(Data((d.rendered(source: source(d.location.file)) + "\n").utf8))
        }
    }

    private mutating func source(_ path: String) -> String? {
        if let cached = sources[path] { return cached }
        let text = FileManager.default.contents(atPath: path).flatMap { String(data: $0, encoding: .utf8) }
        sources[path] = text
        return text
    }
}
