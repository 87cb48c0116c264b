/// The forms a report can be written in. A stream of reports is written as
/// `prologue` + each report's `render` + `epilogue`, so batches never collect reports in memory.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// For a terminal, in Chinese.
    case text
    /// `anjian-report: 1`, one object per line with several answer files (NDJSON).
    case json
    case markdown
    /// One row per finding, UTF-8 with BOM so that Excel opens Chinese correctly, RFC 4180 quoting.
    case csv
    /// A self-contained printable page per report (A4), in Chinese.
    case html

    public func prologue() -> String {
        switch self {
        case .csv: "\u{FEFF}" + CSVWriter.row(Report.csvHeader)
        case .html: HTMLPage.head(title: "安全检查报告")
        case .text, .json, .markdown: ""
        }
    }

    /// One report; `index` is its position in the stream (separators go between reports).
    public func render(_ report: Report, index: Int) -> String {
        switch self {
        case .text: (index > 0 ? "\n" : "") + report.text()
        case .json: report.json() + "\n"
        case .markdown: (index > 0 ? "\n---\n\n" : "") + report.markdown()
        case .csv: report.csvRows()
        case .html: report.htmlSection(pageBreak: index > 0)
        }
    }

    /// Appends one report, exactly as ``render(_:index:)`` writes it, to a byte buffer: JSON is
    /// written straight into it, so a batch builds no string per report.
    public func render(_ report: Report, index: Int, into bytes: inout [UInt8]) {
        guard self == .json else {
            bytes.append(contentsOf: render(report, index: index).utf8)
            return
        }
        JSONWriter.write(appendingTo: &bytes, reserving: report.estimatedJSONSize) { w in
            report.writeJSON(into: &w)
            w.lineBreak()
        }
    }

    public func epilogue() -> String {
        self == .html ? HTMLPage.tail : ""
    }
}
