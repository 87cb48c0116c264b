import Testing
@testable import Anjian

@Suite struct SubjectTests {
    static let townChecklist = """
        anjian: 1
        checklist: town
        subject: town
        title: 乡镇督导
        source: 二(一)5
        sectors: ["*"]
        departments: [县应急局]
        questions:
        \(question("plan"))
          - id: sessions
            text: 组织小微企业集中警示教育次数
            type: int
            unit: 次
        rules:
        \(rule("TW-001", "plan == false"))
        \(rule("TW-002", "sessions < 1 && subject.kind == \"town\""))
        """

    @Test("a town answer file gets the town checklists and the report says what kind of subject it is")
    func town() throws {
        let (c, diagnostics) = TestCatalog.compile(["town.yaml": Self.townChecklist])
        #expect(TestCatalog.errors(diagnostics) == [])
        let catalog = try #require(c)
        let header = "anjian-answers: 1\nsubject: {kind: town, name: 鸣皋镇}\ninspection: {date: 2021-05-10}"
        let sheet = try TestCatalog.sheet("  town:\n    plan: true\n    sessions: 0", for: catalog, header: header)
        let report = catalog.evaluate(sheet)
        #expect(report.enterprise.kind == .town)
        #expect(report.findings.map(\.ruleID) == ["TW-002"])
        #expect(report.text().contains("被督导乡镇（街道）：鸣皋镇"))
        #expect(report.json().contains("\"kind\": \"town\""))
    }

    @Test("an enterprise checklist cannot be applied to a town, nor included by a town checklist")
    func mismatch() throws {
        let (c, _) = TestCatalog.single(questions: question("a"), rules: rule("T-001", "a"), extra: ["town.yaml": Self.townChecklist])
        let catalog = try #require(c)
        let header = "anjian-answers: 1\nsubject: {kind: town, name: 鸣皋镇}\ninspection: {date: 2021-05-10, checklists: [t]}"
        let error = #expect(throws: Diagnostics.self) { try TestCatalog.sheet("", for: catalog, header: header) }
        #expect(error.map { TestCatalog.errors($0.all) } == ["3:45 answers.subject-mismatch"])
        let including = Self.townChecklist.replacingOccurrences(of: "sectors: [\"*\"]", with: "sectors: [\"*\"]\nincludes: [t]")
        let (_, diagnostics) = TestCatalog.single(questions: question("a"), rules: rule("T-001", "a"), extra: ["town.yaml": including])
        #expect(diagnostics.contains { $0.code == "graph.subject-mismatch" })
    }

    @Test("an unknown subject kind suggests the nearest")
    func badKind() throws {
        let (c, _) = TestCatalog.compile(["town.yaml": Self.townChecklist])
        let catalog = try #require(c)
        let header = "anjian-answers: 1\nsubject: {kind: twon, name: 鸣皋镇}\ninspection: {date: 2021-05-10}"
        let error = #expect(throws: Diagnostics.self) { try TestCatalog.sheet("", for: catalog, header: header) }
        #expect(error?.all.first?.message.contains("did you mean 'town'?") == true)
    }
}
