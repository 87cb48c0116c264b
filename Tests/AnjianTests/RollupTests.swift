import Foundation
import Testing
@testable import Anjian

/// Reports of the shipped examples, through JSON and back, as `summarize` and `diff` read them.
private func records(_ names: [String]) throws -> [ReportRecord] {
    let catalog = try Catalog.shipped
    var lines = ""
    for name in names {
        let sheet = try AnswerSheet(contentsOf: repositoryRoot.appendingPathComponent("Examples/\(name)"), displayPath: name, for: catalog)
        lines += catalog.evaluate(sheet).json() + "\n"
    }
    let (records, diagnostics) = ReportReader.read(data: Data(lines.utf8), displayPath: "r.ndjson")
    #expect(diagnostics.isEmpty)
    return records
}

@Suite struct ReportReaderTests {
    @Test("JSON reports read back with findings, deadlines and the catalog they came from")
    func roundTrip() throws {
        let r = try #require(try records(["gas-station.yaml"]).first)
        #expect(r.name == "伊川县鸣皋镇某液化气供应站" && r.code == "91410329MA46B2XK3R" && r.town == "鸣皋镇")
        #expect(r.findings.count == 9 && r.findings.filter { $0.severity == .major }.count == 2)
        let version = try Catalog.shipped.version
        #expect(r.catalogHash?.count == 64 && r.catalogVersion == version)
    }

    @Test("bad lines are located and skipped; the others are read", arguments: [
        ("{\"anjian-report\": 1, \"enterprise\": {\"name\": \"x\"}, \"inspection\": {\"date\": \"2021-04-12\"", "report.not-json"),
        ("{\"anjian-report\": 2, \"enterprise\": {\"name\": \"x\"}, \"inspection\": {\"date\": \"2021-04-12\"}}", "report.version"),
        ("{\"hello\": 1}", "report.not-a-report"),
        ("[1, 2]", "report.not-json"),
    ])
    func badLines(line: String, code: String) throws {
        let catalog = try Catalog.shipped
        let good = catalog.evaluate(try AnswerSheet(contentsOf: repositoryRoot.appendingPathComponent("Examples/gas-clean.yaml"),
                                                    displayPath: "g.yaml", for: catalog)).json()
        let (found, diagnostics) = ReportReader.read(data: Data((good + "\n" + line + "\n" + good + "\n").utf8), displayPath: "r.ndjson")
        #expect(found.count == 2)
        #expect(diagnostics.map { "\($0.location.line) \($0.code)" } == ["2 \(code)"])
    }
}

@Suite struct RollupTests {
    @Test("per department every finding counts for each responsible department; totals count it once")
    func departments() throws {
        let all = try records(["gas-station.yaml", "tourism-findings.yaml", "gas-clean.yaml"])
        let rollup = Rollup(all, by: .department, asOf: CivilDate(parsing: "2021-05-10")!)
        #expect(rollup.total.subjects == 3)
        #expect(rollup.total.major == 3 && rollup.total.general == 10)
        let housing = try #require(rollup.rows.first { $0.key == "县住建局" })
        #expect(housing.major == 2 && housing.subjects == 1)
        // gas-station findings of 2021-04-20: immediate ones are overdue by 05-10.
        #expect(rollup.total.overdue > 0)
    }

    @Test("rolling up shards separately and merging equals rolling up all at once")
    func exactMerge() throws {
        let names = ["gas-station.yaml", "tourism-findings.yaml", "gas-clean.yaml", "half-answered.yaml", "mining-findings.yaml"]
        let whole = Rollup(try records(names), by: .town, asOf: CivilDate(parsing: "2021-06-30")!)
        let merged = Rollup(try records(Array(names[..<2])) + (try records(Array(names[2...]))), by: .town, asOf: CivilDate(parsing: "2021-06-30")!)
        #expect(whole.rows == merged.rows && whole.total == merged.total)
        #expect(whole.total.undetermined > 0)
    }

    @Test("every format renders; the HTML holds an SVG chart and the CSV a BOM")
    func formats() throws {
        let rollup = Rollup(try records(["gas-station.yaml", "tourism-findings.yaml"]), by: .department, asOf: CivilDate(parsing: "2021-05-10")!)
        #expect(rollup.rendered(.html).contains("<svg class=\"bars\""))
        #expect(rollup.rendered(.csv).hasPrefix("\u{FEFF}责任部门,"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(rollup.rendered(.json).utf8)) as? [String: Any])
        #expect(json["anjian-summary"] as? Int == 1)
        #expect(rollup.rendered(.text).contains("合计"))
        #expect(rollup.rendered(.markdown).contains("| 合计 |"))
    }
}

@Suite struct ReinspectionTests {
    private func record(_ code: String, _ date: String, _ findings: [(String, String)], extended: [String: String] = [:]) -> ReportRecord {
        ReportRecord(location: SourceLocation(file: "r", line: 1, column: 1), kind: "enterprise", name: "单位\(code)", code: code, town: nil, sector: nil,
                     date: CivilDate(parsing: date)!, checklists: ["gas"],
                     findings: findings.map { .init(rule: $0.0, title: $0.0, severity: .general, checklist: "gas", departments: ["县住建局"],
                                                    deadline: CivilDate(parsing: $0.1)!, extendedDeadline: extended[$0.0].flatMap(CivilDate.init(parsing:)), source: "二(三)6") },
                     undetermined: [], catalogVersion: "v", catalogHash: "h")
    }

    @Test("rectified, still open, new and overdue, with extensions honoured")
    func compare() {
        let old = [record("A", "2021-04-12", [("GAS-003", "2021-04-19"), ("GAS-004", "2021-04-19"), ("GAS-009", "2021-05-12")])]
        let new = [record("A", "2021-05-01", [("GAS-003", "2021-05-08"), ("GAS-004", "2021-05-08"), ("GAS-012", "2021-05-16")], extended: ["GAS-004": "2021-05-20"]),
                   record("B", "2021-05-01", [])]
        let diff = Reinspection(old: old, new: new)
        let a = diff.subjects[0]
        #expect(a.rectified.map(\.rule) == ["GAS-009"])
        #expect(a.stillOpen.map(\.rule) == ["GAS-003", "GAS-004"])
        #expect(a.new.map(\.rule) == ["GAS-012"])
        #expect(a.overdue.map(\.rule) == ["GAS-003"])
        #expect(diff.newlyInspected.map(\.name) == ["单位B"])
        #expect(diff.overdueCount == 1)
        #expect(a.unverified.isEmpty)
        #expect(diff.rendered(.csv).contains("已逾期"))
    }

    @Test("a finding whose rule is undetermined at the re-inspection is not counted as rectified")
    func undetermined() {
        var again = record("A", "2021-05-01", [])
        again.undetermined = ["GAS-003"]
        let diff = Reinspection(old: [record("A", "2021-04-12", [("GAS-003", "2021-04-19")])], new: [again])
        #expect(diff.subjects[0].rectified.isEmpty)
        #expect(diff.subjects[0].unverified.map(\.rule) == ["GAS-003"])
        #expect(diff.rendered(.text).contains("未能确认  GAS-003"))
    }

    @Test("reports from different catalogs are never mixed silently")
    func mixedCatalogs() {
        var newer = record("A", "2021-05-01", [])
        newer.catalogHash = "other"
        let diff = Reinspection(old: [record("A", "2021-04-12", [])], new: [newer])
        #expect(diff.diagnostics.map(\.code) == ["rollup.mixed-catalogs"])
        #expect(diff.diagnostics.first?.level == .warning)
        #expect(Rollup([record("A", "2021-04-12", []), newer], by: .town, asOf: CivilDate(parsing: "2021-05-01")!).catalogs.count == 2)
    }

    @Test("two subjects with one code in a batch are a located error; the rest is still compared")
    func duplicates() {
        let old = [record("A", "2021-04-12", [("GAS-003", "2021-04-19")]), record("A", "2021-04-13", [])]
        let diff = Reinspection(old: old, new: [record("A", "2021-05-01", [])])
        #expect(diff.diagnostics.map(\.code) == ["diff.duplicate-subject"])
        #expect(diff.subjects.count == 1)
    }
}

@Suite struct ReportFormatTests {
    private func report(_ name: String) throws -> Report {
        let catalog = try Catalog.shipped
        return catalog.evaluate(try AnswerSheet(contentsOf: repositoryRoot.appendingPathComponent("Examples/\(name)"), displayPath: name, for: catalog))
    }

    @Test("CSV: one row per finding, BOM, RFC 4180 quoting and CRLF")
    func csv() throws {
        let r = try report("gas-station.yaml")
        let text = ReportFormat.csv.prologue() + ReportFormat.csv.render(r, index: 0)
        #expect(text.hasPrefix("\u{FEFF}文件,"))
        #expect(text.components(separatedBy: "\r\n").count - 2 == r.findings.count)
        #expect(CSVWriter.field("a,\"b\"\nc") == "\"a,\"\"b\"\"\nc\"")
        #expect(CSVWriter.field("plain") == "plain")
    }

    @Test("HTML: self-contained, escaped, findings grouped by severity then lead department, A4 print rules")
    func html() throws {
        let r = try report("gas-station.yaml")
        let page = ReportFormat.html.prologue() + ReportFormat.html.render(r, index: 0) + ReportFormat.html.epilogue()
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.hasSuffix("</html>\n"))
        #expect(page.contains("@page { size: A4"))
        #expect(!page.contains("src=\"http") && !page.contains("href=\"http"))
        let major = try #require(page.range(of: "重大隐患（2 项）")), general = try #require(page.range(of: "一般隐患（7 项）"))
        #expect(major.lowerBound < general.lowerBound)
        #expect(HTMLPage.escape("<a & \"b\">") == "&lt;a &amp; &quot;b&quot;&gt;")
    }

    @Test("Markdown lists findings in a table and in detail")
    func markdown() throws {
        let text = try report("gas-station.yaml").markdown()
        #expect(text.hasPrefix("# 安全检查报告："))
        #expect(text.contains("| GAS-001 |"))
        #expect(text.contains("### GAS-001"))
    }

    @Test("an extension recorded in the answer file moves the deadline in the report")
    func extensions() throws {
        let catalog = try Catalog.shipped
        var text = try String(contentsOf: repositoryRoot.appendingPathComponent("Examples/gas-station.yaml"), encoding: .utf8)
        text += "extensions:\n  - {rule: GAS-003, new_deadline: 2021-05-30, approver: 县住建局 李明, reason: 需新建储存场所}\n"
        let r = catalog.evaluate(try AnswerSheet(bytes: Array(text.utf8), path: "x.yaml", for: catalog))
        let f = try #require(r.findings.first { $0.ruleID == "GAS-003" })
        #expect(f.extension?.newDeadline.description == "2021-05-30")
        #expect(r.json().contains("\"extension\": {\"new_deadline\": \"2021-05-30\""))
        let bad = text.replacingOccurrences(of: "rule: GAS-003, new_deadline: 2021-05-30", with: "rule: GAS-333, new_deadline: 2021-04-01")
        let error = #expect(throws: Diagnostics.self) { try AnswerSheet(bytes: Array(bad.utf8), path: "x.yaml", for: catalog) }
        #expect(error?.all.map(\.code) == ["answers.extension-unknown-rule"])
    }
}
