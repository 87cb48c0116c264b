import AnjianCore
import AnjianYAML

/// Decodes a working-day calendar (`calendar/2021.yaml`, `anjian-calendar: 1`).
struct CalendarDecoder {
    let path: String
    var diagnostics: [Diagnostic] = []

    init(path: String) { self.path = path }

    mutating func decode(_ root: YAMLNode, into calendar: inout WorkCalendar) {
        guard let top = MappingReader(root, what: "calendar file", diagnostics: &diagnostics) else { return }
        top.rejectUnknownKeys(allowed: ["anjian-calendar", "year", "source", "holidays", "workdays"], diagnostics: &diagnostics)
        if let version = top.required("anjian-calendar", diagnostics: &diagnostics),
           NodeReading.int(version, field: "anjian-calendar", diagnostics: &diagnostics).map({ $0 != 1 }) ?? false {
            diagnostics.append(.error("decode.version", "this anjian reads 'anjian-calendar: 1'", at: version.location))
        }
        _ = top.required("source", diagnostics: &diagnostics)
        guard let yearNode = top.required("year", diagnostics: &diagnostics),
              let year = NodeReading.int(yearNode, field: "year", diagnostics: &diagnostics) else { return }
        if let stem = Int(NSStringPath(path: path).lastComponent.replacingSuffix(".yaml", with: "")), stem != year {
            diagnostics.append(.error("decode.file-name", "calendar for \(year) must be in a file named \(year).yaml", at: yearNode.location))
        }
        if let existing = calendar.years[year] {
            diagnostics.append(.error("decode.duplicate-id", "a calendar for \(year) is already in \(existing.file)", at: yearNode.location))
            return
        }
        var holidays: Set<Int> = []
        for item in top["holidays"]?.sequence ?? [] {
            guard let m = MappingReader(item, what: "holiday", diagnostics: &diagnostics) else { continue }
            m.rejectUnknownKeys(allowed: ["name", "from", "to"], diagnostics: &diagnostics)
            _ = m.required("name", diagnostics: &diagnostics)
            guard let from = m.required("from", diagnostics: &diagnostics).flatMap({ date($0, year: year) }),
                  let to = m.required("to", diagnostics: &diagnostics).flatMap({ date($0, year: year) }) else { continue }
            if to < from {
                diagnostics.append(.error("calendar.bad-range", "holiday ends before it starts; swap 'from' and 'to'", at: item.location))
                continue
            }
            for day in from.dayNumber...to.dayNumber { holidays.insert(day) }
        }
        var workdays: Set<Int> = []
        for item in top["workdays"]?.sequence ?? [] {
            guard let d = date(item, year: year) else { continue }
            if holidays.contains(d.dayNumber) {
                diagnostics.append(.error("calendar.conflict", "\(d) is listed both as a holiday and as a make-up working day", at: item.location))
            }
            workdays.insert(d.dayNumber)
        }
        calendar.years[year] = WorkCalendar.Year(holidays: holidays, workdays: workdays, file: path)
    }

    private mutating func date(_ node: YAMLNode, year: Int) -> CivilDate? {
        guard let s = node.scalar, let d = CivilDate(parsing: s.value) else {
            diagnostics.append(.error("calendar.bad-date", "expected a date written YYYY-MM-DD, found \(node.kindDescription)", at: node.location))
            return nil
        }
        if d.year != year {
            diagnostics.append(.error("calendar.wrong-year", "\(d) is not in \(year); put it in the calendar for \(d.year)", at: node.location))
            return nil
        }
        return d
    }
}
