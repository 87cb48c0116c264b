import AnjianCore
import AnjianYAML

/// Decodes a working-day calendar (`calendar/2021.yaml`, `anjian-calendar: 1`).
struct CalendarDecoder {
    let path: String
    var diagnostics: [Diagnostic] = []

    init(path: String) { self.path = path }

    mutating func decode(_ root: YAMLNode, into calendar: inout WorkCalendar) {
        guard let top = MappingReader(root, what: .calendarFile, diagnostics: &diagnostics) else { return }
        top.rejectUnknownKeys(allowed: ["anjian-calendar", "year", "source", "holidays", "workdays"], diagnostics: &diagnostics)
        if let version = top.required("anjian-calendar", diagnostics: &diagnostics),
           NodeReading.int(version, field: "anjian-calendar", diagnostics: &diagnostics).map({ $0 != 1 }) ?? false {
            diagnostics.append(.unsupportedVersion("anjian-calendar", at: version.location))
        }
        _ = top.required("source", diagnostics: &diagnostics)
        guard let yearNode = top.required("year", diagnostics: &diagnostics),
              let year = NodeReading.int(yearNode, field: "year", diagnostics: &diagnostics) else { return }
        if let stem = Int(NSStringPath(path: path).lastComponent.replacingSuffix(".yaml", with: "")), stem != year {
            diagnostics.append(.calendarFileName(year: year, at: yearNode.location))
        }
        if let existing = calendar.years[year] {
            diagnostics.append(.duplicateCalendar(year: year, existing: existing.file, at: yearNode.location))
            return
        }
        var holidays: Set<Int> = []
        for item in top["holidays"]?.sequence ?? [] {
            guard let m = MappingReader(item, what: .holiday, diagnostics: &diagnostics) else { continue }
            m.rejectUnknownKeys(allowed: ["name", "from", "to"], diagnostics: &diagnostics)
            _ = m.required("name", diagnostics: &diagnostics)
            guard let from = m.required("from", diagnostics: &diagnostics).flatMap({ date($0, year: year) }),
                  let to = m.required("to", diagnostics: &diagnostics).flatMap({ date($0, year: year) }) else { continue }
            if to < from {
                diagnostics.append(.holidayEndsBeforeStart(at: item.location))
                continue
            }
            for day in from.dayNumber...to.dayNumber { holidays.insert(day) }
        }
        var workdays: Set<Int> = []
        for item in top["workdays"]?.sequence ?? [] {
            guard let d = date(item, year: year) else { continue }
            if holidays.contains(d.dayNumber) {
                diagnostics.append(.holidayAndWorkday(d, at: item.location))
            }
            workdays.insert(d.dayNumber)
        }
        calendar.years[year] = WorkCalendar.Year(holidays: holidays, workdays: workdays, file: path)
    }

    private mutating func date(_ node: YAMLNode, year: Int) -> CivilDate? {
        guard let s = node.scalar, let d = CivilDate(parsing: s.value) else {
            diagnostics.append(.calendarBadDate(found: node))
            return nil
        }
        if d.year != year {
            diagnostics.append(.calendarWrongYear(d, year: year, at: node.location))
            return nil
        }
        return d
    }
}
