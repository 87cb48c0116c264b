import Foundation
import Testing
@testable import Anjian

/// Reports are rendered from parts prepared per catalog (rule templates, evidence heads, quoted
/// ids); a report edited by hand must render exactly as if nothing had been prepared.
@Suite struct ReportEditingTests {
    private func report(_ name: String) throws -> Report {
        let catalog = try Catalog.shipped
        let url = repositoryRoot.appendingPathComponent("Examples").appendingPathComponent(name)
        let sheet = try AnswerSheet(contentsOf: url, displayPath: "Examples/\(name)", for: catalog)
        return catalog.evaluate(sheet)
    }

    @Test("a report whose every part is set again renders byte for byte as evaluated", arguments: ["gas-station.yaml", "half-answered.yaml"])
    func resetParts(name: String) throws {
        let evaluated = try report(name)
        var edited = evaluated
        for i in edited.findings.indices {
            // Setting a field gives the finding a template without prepared JSON, and setting the
            // evidence gives it pieces of its own.
            edited.findings[i].title = edited.findings[i].title
            edited.findings[i].evidence = edited.findings[i].evidence
            #expect(!edited.findings[i].rule.isPrepared)
        }
        edited.passed = evaluated.passed
        #expect(!evaluated.findings.isEmpty)
        #expect(edited.json() == evaluated.json())
        #expect(edited.findings == evaluated.findings)
        #expect(edited.summary == evaluated.summary)
        var rendered: [UInt8] = Array("previous\n".utf8)
        ReportFormat.json.render(edited, index: 1, into: &rendered)
        #expect(String(decoding: rendered, as: UTF8.self) == "previous\n" + evaluated.json() + "\n")
    }

    @Test("edited fields, evidence and passed ids are what the JSON shows")
    func editedFields() throws {
        var r = try report("gas-station.yaml")
        let id = r.findings[0].ruleID
        r.findings[0].title = "改\"过\"的\n标题"
        r.findings[0].departments = ["县消防救援大队"]
        r.findings[0].due = .workdays(3)
        r.findings[0].evidence = [Evidence(question: "x.y", value: .choices(["a", "b"]), location: Location(file: "f.yaml", line: 3, column: 4))]
        r.passed = ["Z-1"] + r.passed
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.json().utf8)) as? [String: Any])
        let first = try #require((object["findings"] as? [[String: Any]])?.first)
        #expect(first["rule"] as? String == id)
        #expect(first["title"] as? String == "改\"过\"的\n标题")
        #expect(first["lead"] as? String == "县消防救援大队")
        #expect(first["deadline_workdays"] as? Int == 3)
        #expect(first["deadline_days"] == nil)
        let evidence = try #require(first["evidence"] as? [[String: Any]])
        #expect(evidence.count == 1 && evidence[0]["question"] as? String == "x.y" && evidence[0]["location"] as? String == "f.yaml:3:4")
        #expect((object["passed"] as? [String])?.first == "Z-1")
        let byDepartment = try #require((object["summary"] as? [String: Any])?["by_department"] as? [String: Any])
        #expect(byDepartment["县消防救援大队"] != nil)
    }

    @Test("a finding changed in place, or findings reordered, render as changed")
    func changedInPlace() throws {
        let evaluated = try report("gas-station.yaml")
        #expect(evaluated.asEvaluated != nil)
        var moved = evaluated
        moved.findings[0].deadline = CivilDate(year: 2031, month: 1, day: 2)!
        #expect(moved.asEvaluated == nil && evaluated.asEvaluated != nil)
        #expect(moved.json().contains("\"deadline\": \"2031-01-02\""))
        #expect(!evaluated.json().contains("2031-01-02"))
        var swapped = evaluated
        swapped.findings.swapAt(0, swapped.findings.count - 1)
        let rules = try #require(try JSONSerialization.jsonObject(with: Data(swapped.json().utf8)) as? [String: Any])["findings"] as? [[String: Any]]
        #expect(rules?.map { $0["rule"] as? String } == swapped.findings.map(\.ruleID))
        var extended = evaluated
        extended.findings[1].extension = DeadlineExtension(newDeadline: CivilDate(year: 2030, month: 5, day: 6)!, approver: "县应急局", reason: "设备到货",
                                                            location: Location(file: "x.yaml", line: 1, column: 2))
        #expect(extended.json().contains("\"new_deadline\": \"2030-05-06\""))
        #expect(extended.summary == evaluated.summary)
    }

    @Test("a report larger than its estimate is rendered whole")
    func largerThanEstimated() throws {
        var r = try report("gas-station.yaml")
        let long = String(repeating: "很长的回答\"", count: 20_000)
        r.findings[0].evidence = [Evidence(question: "x.y", value: .text(long), location: Location(file: "f.yaml", line: 1, column: 1))]
        #expect(r.estimatedJSONSize < long.utf8.count)
        var rendered: [UInt8] = []
        ReportFormat.json.render(r, index: 0, into: &rendered)
        #expect(String(decoding: rendered, as: UTF8.self) == r.json() + "\n")
        #expect(r.json().contains(JSONWriter.quoted(long)))
    }

    @Test("strings are escaped wherever the characters that need it stand")
    func escaping() {
        /// Character by character, as JSON wants it.
        func reference(_ s: String) -> String {
            let named: [Unicode.Scalar: String] = ["\"": "\\\"", "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t",
                                                  "\u{2028}": "\\u2028", "\u{2029}": "\\u2029"]
            let body = s.unicodeScalars.map { c in
                named[c] ?? (c.value < 0x20 ? String(format: "\\u%04x", c.value) : String(c))
            }
            return "\"" + body.joined() + "\""
        }
        let specials = ["\"", "\\", "\n", "\u{1}", "\u{1f}", "\u{2028}", "\u{2029}", "—", "“", "检查", "\t"]
        for special in specials {
            for before in 0..<18 {
                for after in [0, 1, 9] {
                    let s = String(repeating: "a", count: before) + special + String(repeating: "查", count: after)
                    #expect(JSONWriter.quoted(s) == reference(s), "\(s.debugDescription)")
                }
            }
        }
    }

    @Test("numbers and dates are written as String(_:) writes them")
    func decimals() {
        for n in [0, 7, 9, 10, 99, 100, 999, 1000, 9999, 10_000, 123_456_789, Int.max, -1, -10, -9999, -10_000, Int.min] {
            for width in [0, 2, 4] {
                let text = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Int.maxDecimalLength) { buffer in
                    String(decoding: UnsafeBufferPointer(start: buffer.baseAddress!, count: n.writeDecimal(to: buffer.baseAddress!, width: width)), as: UTF8.self)
                }
                let plain = String(n)
                #expect(text == String(repeating: "0", count: max(0, width - plain.count)) + plain)
            }
        }
        #expect(CivilDate(year: 2026, month: 3, day: 9)!.description == "2026-03-09")
        #expect(CivilDate(year: 12, month: 11, day: 30)!.description == "0012-11-30")
        for day in [-800_000, 4_000_000] {
            let d = CivilDate(dayNumber: day)
            func pad(_ n: Int, _ w: Int) -> String { let s = String(n); return String(repeating: "0", count: max(0, w - s.count)) + s }
            #expect(d.description == "\(pad(d.year, 4))-\(pad(d.month, 2))-\(pad(d.day, 2))")
        }
    }
}
