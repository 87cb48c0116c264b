import Testing
@testable import Anjian

/// Outcome of rule T-001 for the given answers to checklist `t`, in words.
private func outcome(_ when: String, questions: String, facts: String = "", answers: String, extraRules: String = "") throws -> (String, Report) {
    let (c, diagnostics) = TestCatalog.single(questions: questions, facts: facts, rules: rule("T-001", when) + extraRules)
    #expect(TestCatalog.errors(diagnostics) == [])
    let catalog = try #require(c)
    let sheet = try TestCatalog.sheet("  t:\n" + answers, for: catalog)
    let report = catalog.evaluate(sheet)
    if report.findings.contains(where: { $0.ruleID == "T-001" }) { return ("fired", report) }
    if report.passed.contains("T-001") { return ("passed", report) }
    if let u = report.undetermined.first(where: { $0.ruleID == "T-001" }) { return ("undetermined " + (u.error ?? u.missing.joined(separator: ",")), report) }
    if report.notApplicable.contains(where: { $0.ruleID == "T-001" }) { return ("not applicable", report) }
    return ("missing", report)
}

private let ab = question("a") + "\n" + question("b")

@Suite struct EvaluatorTests {
    @Test("&& and || are commutative and absorb a missing side, as in CEL", arguments: [
        ("a && b", "    a: false", "passed"),
        ("b && a", "    a: false", "passed"),
        ("a || b", "    a: true", "fired"),
        ("b || a", "    a: true", "fired"),
        ("a && b", "    a: true", "undetermined t.b"),
        ("b || a", "    a: false", "undetermined t.b"),
        ("a && b", "    {}", "undetermined t.a,t.b"),
        ("!b", "    a: true", "undetermined t.b"),
        ("a == false", "    a: 否", "fired"),
        ("a", "    a: 是", "fired"),
    ])
    func threeValued(when: String, answers: String, expected: String) throws {
        let answersText = answers.contains("{}") ? "" : answers
        #expect(try outcome(when, questions: ab, answers: answersText).0 == expected)
    }

    @Test("a question answered 不适用 makes the rule not applicable, unless the other side decides")
    func notApplicable() throws {
        #expect(try outcome("a && b", questions: ab, answers: "    a: 不适用\n    b: true").0 == "not applicable")
        #expect(try outcome("a && b", questions: ab, answers: "    a: n/a\n    b: false").0 == "passed")
        #expect(try outcome("a || b", questions: ab, answers: "    a: 不适用\n    b: true").0 == "fired")
        // An unanswered question may still decide, so the rule stays undetermined.
        #expect(try outcome("a && b", questions: ab, answers: "    a: 不适用").0 == "undetermined t.b")
    }

    @Test("ask_if false makes the question's rules not applicable; unknown ask_if leaves them undetermined")
    func askIf() throws {
        let qs = question("a") + "\n" + question("k", "choice", choices: "[有, 无]", askIf: "a")
        #expect(try outcome("k == \"无\"", questions: qs, answers: "    a: false").0 == "not applicable")
        #expect(try outcome("k == \"无\"", questions: qs, answers: "    a: true\n    k: 无").0 == "fired")
        #expect(try outcome("k == \"无\"", questions: qs, answers: "    a: true").0 == "undetermined t.k")
        #expect(try outcome("k == \"无\"", questions: qs, answers: "").0 == "undetermined t.a,t.k")
    }

    @Test("evidence lists exactly the answers the outcome depended on")
    func evidence() throws {
        let qs = ab + "\n" + question("c")
        let (o, report) = try outcome("(a && b) || c", questions: qs, answers: "    a: true\n    b: false\n    c: true")
        #expect(o == "fired")
        let f = try #require(report.findings.first)
        #expect(f.evidence.map(\.question) == ["t.c"])
        #expect(f.evidence[0].location == Location(file: "a.yaml", line: 8, column: 8))
        #expect(f.evidence[0].value == .bool(true))
    }

    @Test("facts and fired() chain in dependency order, with evidence carried through")
    func factsAndFired() throws {
        let (o, report) = try outcome("fired(\"T-002\") && f", questions: ab, facts: "  - id: f\n    expr: '!b'",
                                      answers: "    a: false\n    b: false", extraRules: "\n" + rule("T-002", "a == false"))
        #expect(o == "fired")
        #expect(Set(report.findings.map(\.ruleID)) == ["T-001", "T-002"])
        #expect(report.findings.first { $0.ruleID == "T-001" }?.evidence.map(\.question) == ["t.a", "t.b"])
    }

    @Test("CEL semantics: numeric equality across int and double, errors for overflow and division by zero", arguments: [
        ("n == 2.0", "    n: 2", "fired"),
        ("n / 0 > 1", "    n: 2", "undetermined division by zero"),
        ("n * 9223372036854775807 > 1", "    n: 2", "undetermined integer overflow"),
        ("n / 0 > 1 || n == 2", "    n: 2", "fired"),
        ("n % 3 == 2 && -n < 0", "    n: 5", "fired"),
        ("area > 100", "    area: 100.5", "fired"),
    ])
    func cel(when: String, answers: String, expected: String) throws {
        let qs = question("n", "int") + "\n" + question("area", "number")
        #expect(try outcome(when, questions: qs, answers: answers).0 == expected)
    }

    @Test("dates, text and multi answers", arguments: [
        ("days_between(day, inspection.date) > 30", "    day: 2021-01-01", "fired"),
        ("day >= date(\"2021-04-12\")", "    day: 2021-04-11", "passed"),
        ("name.contains(\"加油\") && name.endsWith(\"站\")", "    name: 某加油站", "fired"),
        ("\"餐饮\" in m && size(m) == 2", "    m: [餐饮, 工业]", "fired"),
        ("\"餐饮\" in m", "    m: []", "passed"),
        ("enterprise.town == \"城关街道\"", "", "fired"),
    ])
    func values(when: String, answers: String, expected: String) throws {
        let qs = [question("day", "date"), question("name", "text"), question("m", "multi", choices: "[餐饮, 工业]")].joined(separator: "\n")
        #expect(try outcome(when, questions: qs, answers: answers).0 == expected)
    }

    @Test("the deadline is the inspection date plus deadline_days")
    func deadline() throws {
        let (c, _) = TestCatalog.single(questions: question("a"), rules: rule("T-001", "a", days: 20))
        let catalog = try #require(c)
        let report = catalog.evaluate(try TestCatalog.sheet("  t:\n    a: true", for: catalog))
        #expect(report.findings.first?.deadline.description == "2021-05-02")
    }

    @Test("one catalog evaluates many sheets concurrently with the same results")
    func concurrent() async throws {
        let (c, _) = TestCatalog.single(questions: ab, rules: rule("T-001", "a && !b"))
        let catalog = try #require(c)
        let sheets = try (0..<200).map { i in try TestCatalog.sheet("  t:\n    a: \(i % 2 == 0)\n    b: false", for: catalog) }
        let fired = await withTaskGroup(of: Int.self) { group in
            for sheet in sheets { group.addTask { catalog.evaluate(sheet).findings.count } }
            return await group.reduce(0, +)
        }
        #expect(fired == 100)
    }
}
