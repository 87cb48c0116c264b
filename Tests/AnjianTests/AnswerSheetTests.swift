import Testing
@testable import Anjian

@Suite struct AnswerSheetTests {
    private func catalog() throws -> Catalog {
        let qs = [question("a"), question("n", "int"), question("k", "choice", choices: "[全部安装, 未安装]"),
                  question("m", "multi", choices: "[甲, 乙]"), question("d", "date")].joined(separator: "\n")
        return try #require(TestCatalog.single(questions: qs, rules: rule("T-001", "a")).0)
    }

    /// `line:col code` of each error reading answers for checklist t.
    private func errors(_ answers: String, header: String? = nil) throws -> [String] {
        do {
            _ = try TestCatalog.sheet(answers, for: try catalog(), header: header)
            return []
        } catch let error as Diagnostics {
            return TestCatalog.errors(error.all)
        }
    }

    @Test("bad answers are located errors", arguments: [
        ("  t:\n    licence: true", "6:5 answers.unknown-question"),
        ("  t:\n    a: yes", "6:8 answers.wrong-type"),
        ("  t:\n    a: 1", "6:8 answers.wrong-type"),
        ("  t:\n    n: 1.5", "6:8 answers.wrong-type"),
        ("  t:\n    n: 99999999999999999999", "6:8 answers.wrong-type"),
        ("  t:\n    k: 全部", "6:8 answers.unknown-choice"),
        ("  t:\n    m: [甲, 丙]", "6:12 answers.unknown-choice"),
        ("  t:\n    d: 2021-02-30", "6:8 answers.wrong-type"),
        ("  tt:\n    a: true", "5:3 answers.unknown-checklist"),
        ("  t:\n    a: true\n    a: false", "7:5 yaml.duplicate-key"),
    ])
    func badAnswers(answers: String, expected: String) throws {
        let actual = try errors(answers)
        #expect(actual == [expected])
    }

    @Test("every bad answer in a file is reported, not just the first")
    func allErrors() throws {
        #expect(try errors("  t:\n    a: yes\n    n: x\n    zz: 1").count == 3)
    }

    @Test("the header is checked: sector, date, checklists")
    func header() throws {
        let unknownSector = "anjian-answers: 1\nenterprise: {name: x, sector: gass}\ninspection: {date: 2021-04-12}"
        #expect(try errors("", header: unknownSector) == ["3:13 answers.unknown-sector"])
        let badDate = "anjian-answers: 1\nenterprise: {name: x, sector: test}\ninspection: {date: 2021/04/12}"
        #expect(try errors("", header: badDate) == ["3:20 answers.bad-date"])
        let unknownList = "anjian-answers: 1\nenterprise: {name: x}\ninspection: {date: 2021-04-12, checklists: [tt]}"
        let e3 = try errors("", header: unknownList)
        #expect(e3 == ["3:45 answers.unknown-checklist"])
        let missing = "anjian-answers: 1\ninspection: {date: 2021-04-12}"
        let e4 = try errors("", header: missing)
        #expect(e4 == ["1:1 decode.missing-field"])
    }

    @Test("valid answers of every type are read, blank ones stay unanswered")
    func valid() throws {
        let c = try catalog()
        let sheet = try TestCatalog.sheet("  t:\n    a: 是\n    n: -3\n    k: 未安装\n    m: [乙]\n    d: 2021-04-01\n", for: c)
        #expect(sheet.answers.compactMap { $0 }.count == 5)
        let blank = try TestCatalog.sheet("  t:\n    a:\n", for: c)
        #expect(blank.answers.allSatisfy { $0 == nil })
        #expect(c.evaluate(blank).undetermined.map(\.ruleID) == ["T-001"])
    }
}
