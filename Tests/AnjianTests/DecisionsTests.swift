import Foundation
import Testing
@testable import Anjian

/// A small deterministic generator, so that a failing sheet can be reproduced from its seed.
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random answers for every question of `catalog`'s checklists: some missing, some 不适用.
private func randomAnswers(_ catalog: Catalog, checklists: Set<String>, _ rng: inout SplitMix) -> String {
    var text = ""
    for checklist in catalog.checklists where checklists.contains(checklist.id) {
        var lines: [String] = []
        for q in checklist.questions {
            let roll = Int.random(in: 0..<10, using: &rng)
            if roll == 0 { continue }
            if roll == 1 { lines.append("    \(q.id): 不适用"); continue }
            let value: String
            switch q.type {
            case .bool: value = Bool.random(using: &rng) ? "true" : "false"
            case .int: value = String(Int.random(in: -3...12, using: &rng))
            case .number: value = String(Double(Int.random(in: -30...120, using: &rng)) / 10)
            case .text: value = "\"文本\(Int.random(in: 0..<3, using: &rng))\""
            case .date: value = "2021-0\(Int.random(in: 1...9, using: &rng))-1\(Int.random(in: 0...9, using: &rng))"
            case .choice(let choices): value = "\"\(choices.randomElement(using: &rng)!)\""
            case .multi(let choices):
                value = "[" + choices.filter { _ in Bool.random(using: &rng) }.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
            }
            lines.append("    \(q.id): \(value)")
        }
        text += "  \(checklist.id):" + (lines.isEmpty ? " {}" : "\n" + lines.joined(separator: "\n")) + "\n"
    }
    return text
}

/// Every rule's outcome from the compiled plan against the tree-walking evaluator's.
private func disagreements(_ catalog: Catalog, _ sheet: AnswerSheet) -> [String] {
    let decisions = catalog.decide(sheet)
    let walked = Dictionary(uniqueKeysWithValues: catalog.outcomes(sheet).map { ($0.rule.id, $0.outcome) })
    var differing: [String] = []
    for (index, rule) in catalog.allRules.enumerated() where decisions[index] != walked[rule.id] {
        differing.append("\(rule.id): plan \(decisions[index].map(\.rawValue) ?? "-"), evaluator \(walked[rule.id].map(\.rawValue) ?? "-")")
    }
    return differing
}

@Suite struct DecisionsTests {
    /// Conditions covering every planned operation, its three-valued corners and the fallbacks.
    static let conditions = [
        "a && b", "a || !b", "!(a && (b || c))", "n > 3 && x <= 2.5", "n == 2.0 || x != 1",
        "k == \"有\" || k != \"无\"", "k in [\"有\", \"部分\"]", "\"东\" in m && size(m) >= 2", "size(m) == 0 || !(\"西\" in m)",
        "g == \"有\"", "g in [\"有\"] || a", "n / (n - 2) > 1", "n * 4611686018427387904 > 1 || a", "-n < 0 && -x > -1.5", "int(x) == n",
        "double(n) + x > 3.0", "n % 3 == 1", "n in [1, 2, 5]", "x in [1.0, 2.5]", "a in [true]",
        "days_between(d, inspection.date) > 30", "d < inspection.date", "a ? n > 2 : x < 1.0",
        "answered(t.n) && !answered(t.x)", "f && n > 1", "fired(\"T-001\") || c", "s == \"文本1\" || a",
        "s.startsWith(\"文本\") && b", "m == [\"东\"]",
    ]

    static let questions = [
        question("a"), question("b"), question("c"), question("n", "int"), question("x", "number"),
        question("k", "choice", choices: "[有, 无, 部分]"), question("m", "multi", choices: "[东, 西, 南]"),
        question("g", "choice", choices: "[有, 无]", askIf: "n > 2 || b"), question("d", "date"), question("s", "text"),
    ].joined(separator: "\n")

    @Test("the compiled plan decides every rule as the evaluator does, on 3,000 random sheets")
    func randomSheets() throws {
        let rules = Self.conditions.enumerated().map { rule(String(format: "T-%03d", $0.offset + 1), $0.element) }.joined(separator: "\n")
        let (c, diagnostics) = TestCatalog.single(questions: Self.questions, facts: "  - id: f\n    expr: 'a || k == \"无\"'", rules: rules)
        #expect(TestCatalog.errors(diagnostics) == [])
        let catalog = try #require(c)
        // Most conditions are planned; the text ones and list equality fall back to the evaluator.
        #expect(catalog.plan.ruleRoots.filter { $0 >= 0 }.count >= Self.conditions.count - 3)
        #expect(catalog.plan.sweep.ruleRegisters.filter { $0 >= 0 }.count >= 5)
        var rng = SplitMix(state: 20261129)
        for seed in 0..<3000 {
            let sheet = try TestCatalog.sheet(randomAnswers(catalog, checklists: ["t"], &rng), for: catalog)
            let differing = disagreements(catalog, sheet)
            #expect(differing.isEmpty, "sheet \(seed): \(differing)")
            if !differing.isEmpty { break }
        }
    }

    @Test("the shipped catalog's plan agrees with the evaluator on random sheets of every checklist")
    func shippedCatalog() throws {
        let catalog = try Catalog.shipped
        var rng = SplitMix(state: 7)
        var checked = 0
        var rejected: [String] = []
        for checklist in catalog.checklists {
            for seed in 0..<40 {
                let subject = checklist.subject == .enterprise
                    ? "enterprise: {name: 测试企业, code: \"91410329MA00000006\", town: 城关街道, sector: \(checklist.sectors.first ?? "gas")}"
                    : "subject: {kind: \(checklist.subject.rawValue), name: 测试对象}"
                let header = "anjian-answers: 1\n\(subject)\ninspection: {date: 2021-04-12, inspector: 测试, checklists: [\(checklist.id)]}"
                let selected = (catalog.includeClosure[checklist.id] ?? []).union([checklist.id])
                let answers = randomAnswers(catalog, checklists: selected, &rng)
                let sheet: AnswerSheet
                do { sheet = try TestCatalog.sheet(answers, for: catalog, header: header) } catch {
                    rejected.append(String(describing: error))
                    continue
                }
                checked += 1
                let differing = disagreements(catalog, sheet)
                #expect(differing.isEmpty, "\(checklist.id) sheet \(seed): \(differing)")
            }
        }
        #expect(checked >= catalog.checklists.count * 30, "\(rejected.prefix(3))")
        // The shipped rules are planned, not left to the tree walker.
        #expect(catalog.plan.ruleRoots.filter { $0 < 0 }.count <= catalog.allRules.count / 10)
    }

    @Test("outcome codes are the outcomes' positions, 1-based")
    func codes() {
        #expect([Decisions.fired, Decisions.passed, Decisions.undetermined, Decisions.notApplicable]
            == [Outcome.fired, .passed, .undetermined, .notApplicable].map(Decisions.code))
    }

    @Test("a sheet read for another catalog is decided by question name there")
    func otherCatalog() throws {
        let (c1, _) = TestCatalog.single(questions: question("a") + "\n" + question("n", "int"), rules: rule("T-001", "a && n > 1"))
        let (c2, _) = TestCatalog.single(questions: question("n", "number") + "\n" + question("a"), rules: rule("T-001", "n > 1.5 && a"))
        let first = try #require(c1), second = try #require(c2)
        let sheet = try TestCatalog.sheet("  t:\n    a: true\n    n: 2", for: first)
        #expect(first.decide(sheet).count(.fired) == 1)
        // In the second catalog n is a number: the int answer does not fit the plan's slot, so the
        // evaluator decides, and compares 2 with 1.5 as CEL does.
        #expect(second.decide(sheet).count(.fired) == 1)
        #expect(disagreements(second, sheet).isEmpty)
    }

    @Test("changing a sheet's inspection after reading it changes which rules are decided")
    func changedInspection() throws {
        let catalog = try Catalog.shipped
        var sheet = try AnswerSheet(contentsOf: repositoryRoot.appendingPathComponent("Examples/gas-station.yaml"), for: catalog)
        let before = catalog.decide(sheet)
        #expect(before.count(.fired) == catalog.evaluate(sheet).findings.count)
        sheet.inspection.checklists = ["main_responsibility"]
        let after = catalog.decide(sheet)
        #expect(after.count(.fired) == catalog.evaluate(sheet).findings.count)
        #expect(after.count(.fired) < before.count(.fired))
    }
}
