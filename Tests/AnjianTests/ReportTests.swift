import Foundation
import Testing
@testable import Anjian

/// The shipped examples: each answer file's reports must equal the golden files beside it.
/// Set ANJIAN_UPDATE_GOLDEN=1 to rewrite them after a deliberate change, then review the diff.
@Suite struct ReportTests {
    static let examples: [String] = {
        let dir = repositoryRoot.appendingPathComponent("Examples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    private func golden(_ name: String, _ ext: String, actual: String) throws {
        let url = repositoryRoot.appendingPathComponent("Examples").appendingPathComponent(name.replacingSuffix(".yaml", with: ext))
        if ProcessInfo.processInfo.environment["ANJIAN_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: false, encoding: .utf8)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "\(url.lastPathComponent) differs; run with ANJIAN_UPDATE_GOLDEN=1 and review the diff")
    }

    private func report(_ name: String) throws -> Report {
        let catalog = try Catalog.shipped
        let url = repositoryRoot.appendingPathComponent("Examples").appendingPathComponent(name)
        let sheet = try AnswerSheet(contentsOf: url, displayPath: "Examples/\(name)", for: catalog)
        return catalog.evaluate(sheet)
    }

    @Test("there are at least three examples")
    func count() { #expect(Self.examples.count >= 3) }

    @Test("text and JSON reports match the golden files", arguments: examples)
    func goldens(name: String) throws {
        let r = try report(name)
        try golden(name, ".txt", actual: r.text())
        try golden(name, ".json", actual: r.json() + "\n")
    }

    @Test("the gas station has major hazards, the compliant venue none, the half-answered sheet undetermined rules")
    func examplesSayWhatTheyShow() throws {
        let gas = try report("gas-station.yaml")
        #expect(gas.findings.contains { $0.severity == .major })
        #expect(gas.undetermined.isEmpty)
        let clean = try report("tourism-compliant.yaml")
        #expect(clean.findings.isEmpty && clean.undetermined.isEmpty)
        let half = try report("half-answered.yaml")
        #expect(!half.undetermined.isEmpty && !half.findings.isEmpty)
    }

    @Test("the JSON report is valid JSON with the documented fields")
    func jsonShape() throws {
        let r = try report("gas-station.yaml")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.json().utf8)) as? [String: Any])
        #expect(object["anjian-report"] as? Int == 1)
        let findings = try #require(object["findings"] as? [[String: Any]])
        let first = try #require(findings.first)
        for key in ["rule", "title", "severity", "checklist", "departments", "lead", "basis", "remedy", "deadline", "source", "evidence"] {
            #expect(first[key] != nil, "missing \(key)")
        }
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["by_department"] is [String: Any])
    }

    @Test("JSON strings are escaped")
    func escaping() {
        #expect(JSONWriter.quoted("a\"b\\c\n\u{1}") == "\"a\\\"b\\\\c\\n\\u0001\"")
    }
}
