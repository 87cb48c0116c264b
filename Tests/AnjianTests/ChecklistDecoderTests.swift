import Testing
@testable import Anjian

@Suite struct ChecklistDecoderTests {
    @Test("a valid checklist decodes with its questions, facts and rules")
    func decodes() throws {
        let (catalog, diagnostics) = TestCatalog.single(
            questions: question("a") + "\n" + question("k", "choice", choices: "[甲, 乙]", askIf: "a"),
            facts: "  - id: f\n    expr: a && k == \"甲\"",
            rules: rule("T-001", "f", severity: "major"))
        #expect(TestCatalog.errors(diagnostics) == [])
        let c = try #require(catalog)
        let t = try #require(c.checklists.first { $0.id == "t" })
        #expect(t.questions.map(\.id) == ["a", "k"])
        #expect(t.questions[1].type == .choice(["甲", "乙"]))
        #expect(t.rules[0].severity == .major)
        #expect(t.rules[0].departments == ["县住建局", "市场监管局"])
    }

    @Test("an unknown field is located at its key and suggests the nearest field")
    func unknownField() {
        let r = rule("T-001", "a == false").replacingOccurrences(of: "severity:", with: "serverity:")
        let (_, diagnostics) = TestCatalog.single(questions: question("a"), rules: r)
        let unknown = diagnostics.first { $0.code == "decode.unknown-field" }
        #expect(unknown?.message.contains("did you mean 'severity'?") == true)
        #expect(unknown?.location.line == 15)
        #expect(diagnostics.contains { $0.code == "decode.missing-field" && $0.message.contains("severity") })
    }

    @Test("duplicate question and rule ids are errors with a note at the first")
    func duplicateIDs() {
        let (_, diagnostics) = TestCatalog.single(
            questions: question("a") + "\n" + question("a"),
            rules: rule("T-001", "a") + "\n" + rule("T-001", "a == false"))
        let codes = diagnostics.filter { $0.code == "decode.duplicate-id" }
        #expect(codes.count == 2)
        #expect(codes.allSatisfy { !$0.notes.isEmpty })
    }

    @Test("an unknown department suggests a close name; one outside the checklist's list is an error")
    func departments() {
        var r = rule("T-001", "a")
        r = r.replacingOccurrences(of: "    basis:", with: "    departments: [县住建, 县应急局]\n    basis:")
        let (_, diagnostics) = TestCatalog.single(questions: question("a"), rules: r)
        #expect(diagnostics.contains { $0.code == "decode.unknown-department" && $0.message.contains("did you mean '县住建局'") })
        #expect(diagnostics.contains { $0.code == "decode.department-not-in-checklist" })
    }

    @Test("aliases resolve to the department's name")
    func alias() throws {
        let r = rule("T-001", "a").replacingOccurrences(of: "    basis:", with: "    departments: [住建局]\n    basis:")
        let (catalog, diagnostics) = TestCatalog.single(questions: question("a"), rules: r)
        #expect(TestCatalog.errors(diagnostics) == [])
        #expect(catalog?.allRules.first?.departments == ["县住建局"])
    }

    @Test("bad values are located errors", arguments: [
        (question("a", "boolean"), rule("T-001", "a"), "decode.unknown-type"),
        (question("a", "choice"), rule("T-001", "a"), "decode.missing-choices"),
        (question("a"), rule("t-1", "a"), "decode.bad-rule-id"),
        (question("a"), rule("T-001", "a", severity: "critical"), "decode.bad-severity"),
        (question("a"), rule("T-001", "a", days: -1), "decode.bad-deadline"),
        (question("A b"), rule("T-001", "true"), "decode.bad-identifier"),
    ])
    func badValues(questions: String, rules: String, code: String) {
        let (catalog, diagnostics) = TestCatalog.single(questions: questions, rules: rules)
        #expect(catalog == nil)
        #expect(diagnostics.contains { $0.code == code })
    }

    @Test("the file name must match the checklist id")
    func fileName() {
        let (_, diagnostics) = TestCatalog.compile(["other.yaml": """
            anjian: 1
            checklist: t
            title: x
            source: 二(三)6
            departments: [县住建局]
            rules: []
            """])
        #expect(TestCatalog.errors(diagnostics) == ["2:12 decode.file-name"])
    }

    @Test("departments.yaml rejects a name claimed twice")
    func departmentClash() {
        let (_, diagnostics) = TestCatalog.compile(["departments.yaml": """
            anjian-departments: 1
            departments:
              - name: 县住建局
                aliases: [住建局]
              - name: 住建局
            """])
        #expect(TestCatalog.errors(diagnostics) == ["5:11 decode.department-clash"])
    }
}

@Suite struct OptionalChecklistFieldsTests {
    @Test("a questions-only checklist needs no departments or rules; a rule routed nowhere is an error")
    func questionsOnly() {
        let shared = "anjian: 1\nchecklist: shared\ntitle: 共用\nsource: 二(二)1\nquestions:\n" + question("ok") + "\n"
        let (catalog, diagnostics) = TestCatalog.compile(["shared.yaml": shared])
        #expect(TestCatalog.errors(diagnostics) == [])
        #expect(catalog?.checklists.first?.questions.count == 1)
        let (_, bad) = TestCatalog.compile(["shared.yaml": shared + "rules:\n" + rule("S-001", "ok")])
        #expect(TestCatalog.errors(bad) == ["10:5 decode.no-departments"])
    }
}
