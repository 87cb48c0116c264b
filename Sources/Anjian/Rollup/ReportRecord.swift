import AnjianCore
import Foundation

/// A report read back from its JSON form (`anjian-report: 1`), for roll-ups and re-inspection
/// across machines: what `summarize` and `diff` work on.
public struct ReportRecord: Sendable, Hashable {
    public struct FindingRecord: Sendable, Hashable {
        public var rule: String
        public var title: String
        public var severity: Severity
        public var checklist: String
        public var departments: [String]
        public var deadline: CivilDate
        /// A recorded extension (整改延期), when the answer file has one.
        public var extendedDeadline: CivilDate?
        public var source: String

        /// The deadline in force: the extension when there is one.
        public var effectiveDeadline: CivilDate { extendedDeadline ?? deadline }
    }

    /// Where the record was read (`reports.ndjson:12:1`).
    public var location: SourceLocation
    public var kind: String
    public var name: String
    public var code: String?
    public var town: String?
    public var sector: String?
    public var date: CivilDate
    public var checklists: [String]
    public var findings: [FindingRecord]
    public var undetermined: [String]
    /// The catalog the report was evaluated with (`version`, `sha256`), when the report says.
    public var catalogVersion: String?
    public var catalogHash: String?

    /// The key that matches the same subject across inspections: its code, else its kind and name.
    public var subjectKey: String { code.map { "code:\($0)" } ?? "\(kind):\(name)" }
}

/// Reads JSON and NDJSON report files; a bad line is a located error and the other lines are still read.
public enum ReportReader {
    public static func read(contentsOf url: URL, displayPath: String) -> ([ReportRecord], [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return ([], [.reportUnreadable(at: SourceLocation(file: displayPath, line: 1, column: 1))])
        }
        return read(data: data, displayPath: displayPath)
    }

    public static func read(data: Data, displayPath: String) -> ([ReportRecord], [Diagnostic]) {
        var records: [ReportRecord] = []
        var diagnostics: [Diagnostic] = []
        let text = String(decoding: data, as: UTF8.self)
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        // A pretty-printed single report spans lines; NDJSON has one object per line.
        if trimmed.hasPrefix("{"), !trimmed.contains("}\n{"), (try? JSONSerialization.jsonObject(with: Data(trimmed.utf8))) != nil {
            let location = SourceLocation(file: displayPath, line: 1, column: 1)
            switch record(Data(trimmed.utf8), at: location) {
            case .success(let r): records.append(r)
            case .failure(let d): diagnostics += d.all
            }
            return (records, diagnostics)
        }
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = line.trimmingCharacters(in: .whitespaces)
            if content.isEmpty { continue }
            let location = SourceLocation(file: displayPath, line: index + 1, column: 1)
            switch record(Data(content.utf8), at: location) {
            case .success(let r): records.append(r)
            case .failure(let d): diagnostics += d.all
            }
        }
        return (records, diagnostics)
    }

    static func record(_ data: Data, at location: SourceLocation) -> Result<ReportRecord, Diagnostics> {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            return .failure(Diagnostics([.reportNotJSON(at: location)]))
        }
        guard let version = object["anjian-report"] as? Int else {
            return .failure(Diagnostics([.reportNotAReport(at: location)]))
        }
        guard version == 1 else {
            return .failure(Diagnostics([.reportVersion(version, at: location)]))
        }
        let enterprise = object["enterprise"] as? [String: Any] ?? [:]
        let inspection = object["inspection"] as? [String: Any] ?? [:]
        guard let name = enterprise["name"] as? String,
              let dateText = inspection["date"] as? String, let date = CivilDate(parsing: dateText) else {
            return .failure(Diagnostics([.reportIncomplete("enterprise.name or inspection.date", whatZH: " enterprise.name 或 inspection.date", at: location)]))
        }
        var findings: [ReportRecord.FindingRecord] = []
        for f in object["findings"] as? [[String: Any]] ?? [] {
            guard let rule = f["rule"] as? String, let severityText = f["severity"] as? String, let severity = Severity(rawValue: severityText),
                  let deadlineText = f["deadline"] as? String, let deadline = CivilDate(parsing: deadlineText) else {
                return .failure(Diagnostics([.reportIncomplete("a finding's rule, severity or deadline", whatZH: "隐患的规则、严重程度或整改期限", at: location)]))
            }
            let extended = ((f["extension"] as? [String: Any])?["new_deadline"] as? String).flatMap(CivilDate.init(parsing:))
            findings.append(.init(rule: rule, title: f["title"] as? String ?? "", severity: severity, checklist: f["checklist"] as? String ?? "",
                                  departments: f["departments"] as? [String] ?? [], deadline: deadline, extendedDeadline: extended,
                                  source: f["source"] as? String ?? ""))
        }
        let undetermined = (object["undetermined"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        let catalog = object["catalog"] as? [String: Any]
        return .success(ReportRecord(
            location: location, kind: enterprise["kind"] as? String ?? "enterprise", name: name,
            code: enterprise["code"] as? String, town: enterprise["town"] as? String, sector: enterprise["sector"] as? String,
            date: date, checklists: inspection["checklists"] as? [String] ?? [], findings: findings, undetermined: undetermined,
            catalogVersion: catalog?["version"] as? String, catalogHash: catalog?["sha256"] as? String))
    }
}
