import Foundation
import Testing
@testable import Anjian

@Suite struct WorkCalendarTests {
    static let calendar2021: WorkCalendar = {
        let catalog = try? Catalog.shipped
        return catalog?.calendar ?? WorkCalendar()
    }()

    private func date(_ s: String) -> CivilDate { CivilDate(parsing: s)! }

    @Test("the shipped calendar follows the State Council's 2021 notice", arguments: [
        ("2021-04-05", false),  // 清明节
        ("2021-04-25", true),  // 调休上班的星期日
        ("2021-05-03", false),  // 劳动节
        ("2021-05-08", true),  // 调休上班的星期六
        ("2021-05-09", false),  // 星期日
        ("2021-06-14", false),  // 端午节
        ("2021-06-15", true),  // 星期二
        ("2021-10-09", true),  // 调休上班的星期六
    ])
    func workdays(day: String, working: Bool) {
        #expect(Self.calendar2021.isWorkday(date(day)) == working)
    }

    @Test("a 5-working-day deadline set before 劳动节 skips the holiday and counts the make-up Saturday")
    func mayDay() {
        #expect(Self.calendar2021.adding(workdays: 5, to: date("2021-04-28"))?.description == "2021-05-08")
        #expect(Self.calendar2021.adding(workdays: 0, to: date("2021-04-28"))?.description == "2021-04-28")
        #expect(Self.calendar2021.adding(workdays: 1, to: date("2021-04-30"))?.description == "2021-05-06")
    }

    @Test("a date outside every calendar is not guessed")
    func outside() {
        #expect(Self.calendar2021.isWorkday(date("2022-01-04")) == nil)
        #expect(Self.calendar2021.adding(workdays: 5, to: date("2021-12-28")) == nil)
    }

    @Test("deadline_workdays in a rule uses the calendar; an answer sheet past the calendar is a located error")
    func ruleDeadline() throws {
        let calendar = try String(contentsOf: repositoryRoot.appendingPathComponent("Rules/calendar/2021.yaml"), encoding: .utf8)
        let r = rule("T-001", "a").replacingOccurrences(of: "deadline_days: 7", with: "deadline_workdays: 5")
        let (c, diagnostics) = TestCatalog.single(questions: question("a"), rules: r, extra: ["calendar/2021.yaml": calendar])
        #expect(TestCatalog.errors(diagnostics) == [])
        let catalog = try #require(c)
        let header = "anjian-answers: 1\nenterprise: {name: x, sector: test}\ninspection: {date: 2021-04-28}"
        let report = catalog.evaluate(try TestCatalog.sheet("  t:\n    a: true", for: catalog, header: header))
        #expect(report.findings.first?.deadline.description == "2021-05-08")
        #expect(report.findings.first?.due == .workdays(5))
        #expect(report.json().contains("\"deadline_workdays\": 5"))
        let late = "anjian-answers: 1\nenterprise: {name: x, sector: test}\ninspection: {date: 2021-12-29}"
        let error = #expect(throws: Diagnostics.self) { try TestCatalog.sheet("  t:\n    a: true", for: catalog, header: late) }
        #expect(error.map { TestCatalog.errors($0.all) } == ["3:20 answers.outside-calendar"])
    }

    @Test("a rule with both deadlines, or workdays without a calendar, is an error")
    func badDeadlines() {
        let both = rule("T-001", "a").replacingOccurrences(of: "deadline_days: 7", with: "deadline_days: 7\n    deadline_workdays: 5")
        #expect(TestCatalog.single(questions: question("a"), rules: both).1.contains { $0.code == "decode.two-deadlines" })
        let noCalendar = rule("T-001", "a").replacingOccurrences(of: "deadline_days: 7", with: "deadline_workdays: 5")
        #expect(TestCatalog.single(questions: question("a"), rules: noCalendar).1.contains { $0.code == "decode.no-calendar" })
    }

    @Test("calendar files are checked: year, dates, conflicts")
    func calendarFile() {
        let bad = """
            anjian-calendar: 1
            year: 2021
            source: 测试
            holidays:
              - {name: 假, from: 2021-05-05, to: 2021-05-01}
            workdays: [2022-01-01]
            """
        let (_, diagnostics) = TestCatalog.compile(["calendar/2021.yaml": bad])
        #expect(TestCatalog.errors(diagnostics) == ["5:5 calendar.bad-range", "6:12 calendar.wrong-year"])
    }
}
