import AnjianCore

/// Working days by the State Council's holiday notices: Monday to Friday, less public holidays,
/// plus the weekend days worked in exchange (调休). Known only for the years that have a calendar file.
public struct WorkCalendar: Sendable {
    struct Year: Sendable {
        var holidays: Set<Int>
        var workdays: Set<Int>
        var file: String
    }

    var years: [Int: Year] = [:]

    /// The years covered, sorted.
    public var coveredYears: [Int] { years.keys.sorted() }

    /// Whether a date is a working day; `nil` when its year has no calendar.
    public func isWorkday(_ date: CivilDate) -> Bool? {
        guard let year = years[date.year] else { return nil }
        let day = date.dayNumber
        if year.workdays.contains(day) { return true }
        if year.holidays.contains(day) { return false }
        // 1970-01-01 was a Thursday: day 0 → weekday index 4 (Monday = 1 … Sunday = 7).
        let weekday = ((day % 7) + 7 + 3) % 7 + 1
        return weekday <= 5
    }

    /// The date `n` working days after `date` (the same day for 0); `nil` when the count runs
    /// into a year without a calendar.
    public func adding(workdays n: Int, to date: CivilDate) -> CivilDate? {
        var current = date
        var counted = 0
        while counted < n {
            current = current.adding(days: 1)
            guard let working = isWorkday(current) else { return nil }
            if working { counted += 1 }
        }
        return current
    }
}
