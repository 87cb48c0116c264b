import Testing
@testable import Anjian

@Suite struct RuleGraphTests {
    @Test("a cycle among facts is reported with every edge")
    func factCycle() {
        let (catalog, diagnostics) = TestCatalog.single(
            questions: question("a"),
            facts: "  - id: f\n    expr: g && a\n  - id: g\n    expr: f || a",
            rules: rule("T-001", "f"))
        #expect(catalog == nil)
        let cycle = diagnostics.first { $0.code == "graph.cycle" }
        #expect(cycle?.message.contains("t.f → t.g → t.f") == true)
        #expect(cycle?.notes.count == 2)
    }

    @Test("fired() cycles between rules are errors")
    func firedCycle() {
        let (_, diagnostics) = TestCatalog.single(questions: question("a"),
            rules: rule("T-001", "fired(\"T-002\")") + "\n" + rule("T-002", "fired(\"T-001\") || a"))
        #expect(diagnostics.contains { $0.code == "graph.cycle" && $0.message.contains("T-001") && $0.message.contains("T-002") })
    }

    @Test("an ask_if that depends on its own question is a cycle")
    func askIfCycle() {
        let (_, diagnostics) = TestCatalog.single(questions: question("a", askIf: "a"), rules: rule("T-001", "a"))
        #expect(diagnostics.contains { $0.code == "graph.cycle" })
    }

    @Test("checklists that include each other are a cycle; an unknown include suggests a name")
    func includes() {
        func file(_ id: String, _ includes: String) -> String {
            "anjian: 1\nchecklist: \(id)\ntitle: x\nsource: 二(三)6\nincludes: [\(includes)]\ndepartments: [县住建局]\nrules: []\n"
        }
        let (_, diagnostics) = TestCatalog.compile(["a.yaml": file("a", "b"), "b.yaml": file("b", "a"), "c.yaml": file("c", "aa")])
        #expect(diagnostics.contains { $0.code == "graph.include-cycle" && $0.message.contains("a → b → a") })
        #expect(diagnostics.contains { $0.code == "graph.unknown-checklist" && $0.message.contains("did you mean 'a'?") })
    }

    @Test("names of checklists that are not included are errors; included ones are visible")
    func visibility() {
        let base = "anjian: 1\nchecklist: base\ntitle: x\nsource: 二(二)1\ndepartments: [县应急局]\nquestions:\n" + question("ok") + "\nrules: []\n"
        let ok = TestCatalog.single(questions: question("a"), rules: rule("T-001", "a && base.ok"), extra: ["base.yaml": base])
        #expect(TestCatalog.errors(ok.1).contains { $0.hasSuffix("expr.not-included") })
        let (_, diagnostics) = TestCatalog.compile(["base.yaml": base, "t.yaml": """
            anjian: 1
            checklist: t
            title: x
            source: 二(三)6
            includes: [base]
            departments: [县住建局]
            rules:
            \(rule("T-001", "base.ok == false"))
            """])
        #expect(TestCatalog.errors(diagnostics) == [])
    }

    @Test("rule ids are unique across the catalog")
    func duplicateAcrossFiles() {
        let other = "anjian: 1\nchecklist: o\ntitle: x\nsource: 二(三)6\ndepartments: [县住建局]\nrules:\n" + rule("T-001", "true") + "\n"
        let (_, diagnostics) = TestCatalog.single(questions: question("a"), rules: rule("T-001", "a"), extra: ["o.yaml": other])
        #expect(diagnostics.contains { $0.code == "graph.duplicate-rule" })
    }

    @Test("rules are ordered so that fired() dependencies come first")
    func order() throws {
        let (c, _) = TestCatalog.single(questions: question("a"),
            rules: rule("T-001", "fired(\"T-003\")") + "\n" + rule("T-002", "a") + "\n" + rule("T-003", "fired(\"T-002\")"))
        let ids = try #require(c).allRules.map(\.id)
        #expect(ids.firstIndex(of: "T-002")! < ids.firstIndex(of: "T-003")!)
        #expect(ids.firstIndex(of: "T-003")! < ids.firstIndex(of: "T-001")!)
    }
}
