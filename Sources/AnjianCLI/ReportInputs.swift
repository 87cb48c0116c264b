import Anjian
import ArgumentParser
import Foundation

/// Report files named on the command line: files, folders (searched recursively for .json,
/// .ndjson and .jsonl) and `-` for standard input. Bad lines are reported and skipped.
enum ReportInputs {
    static func read(_ paths: [String], printer: inout DiagnosticPrinter) -> (records: [ReportRecord], failed: Int) {
        var records: [ReportRecord] = []
        var failed = 0
        for path in paths {
            var files: [(URL?, String)] = []
            var isDirectory: ObjCBool = false
            if path == "-" {
                files = [(nil, "<stdin>")]
            } else if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                let base = path.hasSuffix("/") ? path : path + "/"
                let found = (FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? [])
                    .filter { $0.hasSuffix(".json") || $0.hasSuffix(".ndjson") || $0.hasSuffix(".jsonl") }.sorted()
                files = found.map { (URL(fileURLWithPath: base + $0), base + $0) }
            } else {
                files = [(URL(fileURLWithPath: path), path)]
            }
            for (url, display) in files {
                let (found, problems): ([ReportRecord], [Diagnostic])
                if let url {
                    (found, problems) = ReportReader.read(contentsOf: url, displayPath: display)
                } else {
                    (found, problems) = ReportReader.read(data: FileHandle.standardInput.readDataToEndOfFile(), displayPath: display)
                }
                records += found
                failed += problems.filter { $0.level == .error }.count
                printer.print(problems)
            }
        }
        return (records, failed)
    }
}

extension ReportFormat: ExpressibleByArgument {}
extension Rollup.Dimension: ExpressibleByArgument {}
extension CivilDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}
