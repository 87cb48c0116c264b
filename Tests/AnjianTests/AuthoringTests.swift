import Foundation
import Testing
@testable import Anjian

@Suite struct AnswerTemplateTests {
    /// Fills every blank of a template the way an inspector would, with a valid answer per type.
    static func fill(_ template: String, catalog: Catalog) -> String {
        var checklist = ""
        return template.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let text = String(line)
            if text == "  name:                # 单位名称" || text == "  name:                # 名称" { return "  name: 测试单位" }
            if text.hasPrefix("  date:") { return "  date: 2021-04-28" }
            if text.hasPrefix("  ") && !text.hasPrefix("    ") && text.hasSuffix(":") && !text.contains("#") {
                checklist = String(text.dropFirst(2).dropLast())
                return text
            }
            guard text.hasPrefix("    "), !text.hasPrefix("    #"), text.hasSuffix(":") else { return text }
            let id = String(text.dropFirst(4).dropLast())
            guard let q = catalog.question(named: "\(checklist).\(id)") else { return text }
            let value: String
            switch q.type {
            case .bool: value = "true"
            case .int: value = "1"
            case .number: value = "1.5"
            case .text: value = "已填写"
            case .date: value = "2021-04-01"
            case .choice(let c): value = c[0]
            case .multi(let c): value = "[\(c[0])]"
            }
            return "    \(id): \(value)"
        }.joined(separator: "\n")
    }

    @Test("a filled template of every checklist is an answer file that evaluates with every rule decided")
    func fillAndEvaluate() throws {
        let catalog = try Catalog.shipped
        let template = AnswerTemplate(catalog: catalog)
        for checklist in catalog.checklists where !checklist.rules.isEmpty {
            let text = template.render([checklist.id], subject: checklist.subject, schema: "../Rules/schema/answers.schema.json")
            #expect(text.hasPrefix("# yaml-language-server: $schema=../Rules/schema/answers.schema.json\n"))
            let sheet = try AnswerSheet(bytes: Array(Self.fill(text, catalog: catalog).utf8), path: "filled.yaml", for: catalog)
            let report = catalog.evaluate(sheet)
            #expect(report.undetermined.isEmpty, "\(checklist.id): \(report.undetermined.map(\.ruleID))")
        }
    }

    @Test("the template shows types, choices and ask_if conditions in words")
    func comments() throws {
        let text = AnswerTemplate(catalog: try Catalog.shipped).render(["gas"], subject: .enterprise)
        #expect(text.contains("    # 是/否\n    license_valid:"))
        #expect(text.contains("# 仅当「被检查单位的燃气业务类型（可多选）」包含“瓶装液化气经营”时询问"))
        #expect(text.contains("  main_responsibility:"))
    }
}

@Suite struct SchemaTests {
    @Test("the committed schemas are the ones the catalog generates")
    func committed() throws {
        let catalog = try Catalog.shipped
        let generator = SchemaGenerator(catalog: catalog)
        for (file, generated) in [("rules.schema.json", generator.rules()), ("answers.schema.json", generator.answers([]))] {
            let url = repositoryRoot.appendingPathComponent("Rules/schema").appendingPathComponent(file)
            if ProcessInfo.processInfo.environment["ANJIAN_UPDATE_GOLDEN"] == "1" {
                try generated.write(to: url, atomically: false, encoding: .utf8)
            }
            let committed = try String(contentsOf: url, encoding: .utf8)
            #expect(committed == generated, "Rules/schema/\(file) is stale: run anjian schema … > Rules/schema/\(file)")
        }
    }

    @Test("every rule file carries the yaml-language-server schema line")
    func schemaLines() throws {
        for checklist in try Catalog.shipped.checklists {
            let text = try String(contentsOfFile: repositoryRoot.appendingPathComponent("Rules/\(checklist.id).yaml").path, encoding: .utf8)
            #expect(text.hasPrefix("# yaml-language-server: $schema=schema/rules.schema.json\n"), "\(checklist.id).yaml")
        }
    }

    @Test("every shipped rule file and example validates against the schemas with a real JSON Schema validator")
    func validator() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let root = repositoryRoot.path
        process.arguments = ["python3", "\(root)/Tests/Scripts/validate_schemas.py", "\(root)/Rules", "\(root)/Examples",
                             "\(root)/Rules/schema/rules.schema.json", "\(root)/Rules/schema/answers.schema.json"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains(" 0 failed"))
    }
}

@Suite struct GraphAndExplainTests {
    @Test("the graph names every rule of the checklist, with severity colours, includes and fired edges")
    func graph() throws {
        let catalog = try Catalog.shipped
        let dot = GraphRenderer(catalog: catalog).render(["gas"], format: .dot)
        #expect(dot.hasPrefix("digraph anjian {"))
        for rule in catalog.allRules where rule.checklist == "gas" { #expect(dot.contains("\"\(rule.id)\" [shape=box")) }
        #expect(dot.contains("\"checklist:gas\" -> \"checklist:main_responsibility\" [style=dashed"))
        #expect(dot.contains("fillcolor=\"#d62728\""))
        let mermaid = GraphRenderer(catalog: catalog).render(["gas"], format: .mermaid)
        #expect(mermaid.hasPrefix("flowchart LR"))
        #expect(mermaid.contains("classDef major"))
    }

    @Test("explain traces every sub-expression on an answer file")
    func explain() throws {
        let catalog = try Catalog.shipped
        let url = repositoryRoot.appendingPathComponent("Examples/half-answered.yaml")
        let sheet = try AnswerSheet(contentsOf: url, displayPath: "Examples/half-answered.yaml", for: catalog)
        let text = try #require(RuleExplainer(catalog: catalog).explain("GAS-018", sheet: sheet))
        #expect(text.contains("即："))
        #expect(text.contains("依赖："))
        #expect(text.contains("leak_alarm  ⇒  \"未安装\""))
        #expect(text.hasSuffix("结论：发现隐患\n"))
        #expect(RuleExplainer(catalog: catalog).explain("GAS-999") == nil)
    }
}

@Suite struct RuleTestRunnerTests {
    private func suite(_ text: String, catalog: Catalog) throws -> RuleTestSuite {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("anjian-suite-\(UUID().uuidString).yaml")
        try text.write(to: url, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        return try RuleTestSuite(contentsOf: url, displayPath: "tests/t.yaml", for: catalog)
    }

    @Test("a passing and a failing case are told apart, with the deciding answers")
    func runs() throws {
        let (c, _) = TestCatalog.single(questions: question("a") + "\n" + question("b"), rules: rule("T-001", "a && b"))
        let catalog = try #require(c)
        let s = try suite("""
            anjian-tests: 1
            cases:
              - name: 都为是时发现隐患
                inspection: {checklists: [t]}
                answers: {t: {a: true, b: true}}
                expect: {T-001: fired}
              - name: 写错的期望
                inspection: {checklists: [t]}
                answers: {t: {a: false}}
                findings: [T-001]
            """, catalog: catalog)
        let result = RuleTestRunner(catalog: catalog).run([s])
        #expect(result.passed == 1)
        #expect(result.failures.count == 1)
        let mismatch = try #require(result.failures.first?.mismatches.first)
        #expect(mismatch.rule == "findings")
        #expect(mismatch.evidence.map(\.question) == ["t.a"])
        #expect(result.fired == ["T-001"] && result.passedRules == ["T-001"])
    }

    @Test("bad test files are located errors", arguments: [
        ("anjian-tests: 1\ncases:\n  - name: x\n    inspection: {checklists: [t]}\n    expect: {T-009: fired}\n", "tests.unknown-rule"),
        ("anjian-tests: 1\ncases:\n  - name: x\n    inspection: {checklists: [t]}\n    expect: {T-001: fires}\n", "tests.unknown-outcome"),
        ("anjian-tests: 1\ncases:\n  - name: x\n    inspection: {checklists: [t]}\n    answers: {t: {a: 1}}\n    expect: {T-001: fired}\n", "answers.wrong-type"),
        ("anjian-tests: 1\ncases:\n  - name: x\n    inspection: {checklists: [t]}\n    answers: {t: {zz: true}}\n    expect: {T-001: fired}\n", "answers.unknown-question"),
        ("anjian-tests: 1\ncases:\n  - name: x\n    inspection: {checklists: [t]}\n", "tests.no-expectation"),
    ])
    func badFiles(text: String, code: String) throws {
        let (c, _) = TestCatalog.single(questions: question("a"), rules: rule("T-001", "a"))
        let catalog = try #require(c)
        let error = #expect(throws: Diagnostics.self) { try suite(text, catalog: catalog) }
        #expect(error?.all.contains { $0.code == code } == true, "\(error?.all.map(\.code) ?? [])")
    }
}
