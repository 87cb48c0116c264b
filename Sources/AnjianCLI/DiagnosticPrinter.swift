import Anjian
import Foundation

/// Prints diagnostics to stderr like a compiler: `path:line:col: error[code]: message`,
/// then the source line with a caret, sorted by location and capped. Messages are in `language`;
/// the prefix is the same in every language.
struct DiagnosticPrinter {
    var language: Language
    var limit = 200
    private var printed = 0
    private var sources: [String: String?] = [:]

    /// A printer in `language`; by default the one the locale asks for (`LANG=zh_CN.UTF-8`).
    init(language: Language = .fromEnvironment(ProcessInfo.processInfo.environment)) {
        self.language = language
    }

    mutating func print(_ diagnostics: [Diagnostic]) {
        let sorted = diagnostics.sorted()
        for d in sorted {
            if printed == limit {
                FileHandle.standardError.write(Data((LocalizedText.moreDiagnostics(sorted.count - printed).text(in: language) + "\n").utf8))
            }
            printed += 1
            guard printed <= limit else { continue }
            FileHandle.standardError.write(Data((d.rendered(source: source(d.location.file), language: language) + "\n").utf8))
        }
    }

    /// Prints one diagnostic without quoting its file (a file that could not be written or found).
    func printWithoutSource(_ diagnostic: Diagnostic) {
        FileHandle.standardError.write(Data((diagnostic.rendered(language: language) + "\n").utf8))
    }

    /// Prints a line of text other than a diagnostic to stderr.
    func printLine(_ text: LocalizedText) {
        FileHandle.standardError.write(Data((text.text(in: language) + "\n").utf8))
    }

    private mutating func source(_ path: String) -> String? {
        if let cached = sources[path] { return cached }
        let text = FileManager.default.contents(atPath: path).flatMap { String(data: $0, encoding: .utf8) }
        sources[path] = text
        return text
    }
}
