import AnjianCore
import AnjianYAML
import Foundation

/// The pipeline from rule files to a ``Catalog``: load YAML → decode → parse expressions →
/// link the rule graph (includes, references, cycles) → type-check in dependency order → compile.
enum CatalogCompiler {
    static let departmentsFile = "departments.yaml"
    static let sectionsFile = "sections.yaml"
    static let calendarFolder = "calendar"

    static func compile(directory: URL, displayPath: String, limits: YAMLLimits = .default) -> (Catalog?, [Diagnostic]) {
        let dirLocation = SourceLocation(file: displayPath, line: 1, column: 1)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }.sorted()
        } catch {
            return (nil, [.error("io.not-found", "cannot read the rules directory; check the path given to --rules", at: dirLocation)])
        }
        let prefix = displayPath.hasSuffix("/") ? displayPath : displayPath + "/"
        var files: [SourceFile] = []
        var diagnostics: [Diagnostic] = []
        let calendarDirectory = directory.appendingPathComponent(calendarFolder)
        let calendarNames = ((try? FileManager.default.contentsOfDirectory(atPath: calendarDirectory.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted()
        for name in calendarNames {
            do {
                files.append(try SourceFile.read(calendarDirectory.appendingPathComponent(name), displayPath: prefix + calendarFolder + "/" + name))
            } catch {
                diagnostics += error.all
            }
        }
        for name in names {
            do {
                files.append(try SourceFile.read(directory.appendingPathComponent(name), displayPath: prefix + name))
            } catch {
                diagnostics += error.all
            }
        }
        guard files.contains(where: { $0.path.hasSuffix("/" + departmentsFile) }) else {
            return (nil, diagnostics + [.error("catalog.no-departments", "the rules directory has no \(departmentsFile); add one listing the departments (anjian-departments: 1)", at: dirLocation)])
        }
        return compile(files: files, limits: limits, diagnostics: diagnostics)
    }

    static func compile(files: [SourceFile], limits: YAMLLimits, diagnostics initial: [Diagnostic]) -> (Catalog?, [Diagnostic]) {
        var diagnostics = initial
        let loader = YAMLLoader(limits: limits)

        // Stage 1–2: YAML and decoding. Departments first: rules are checked against them.
        var departments = DepartmentDirectory()
        var roots: [(SourceFile, YAMLNode)] = []
        var sectionsRoot: YAMLNode?
        var calendar = WorkCalendar()
        for file in files {
            let document = loader.load(file.bytes, path: file.path)
            diagnostics += document.diagnostics
            guard let root = document.root else {
                if !document.diagnostics.hasErrors {
                    diagnostics.append(.error("decode.empty", "the file is empty; a rule file starts with 'anjian: 1'", at: SourceLocation(file: file.path, line: 1, column: 1)))
                }
                continue
            }
            if Self.isNamed(file, departmentsFile) {
                var decoder = DepartmentsDecoder()
                departments = decoder.decode(root)
                diagnostics += decoder.diagnostics
            } else if Self.isNamed(file, sectionsFile) {
                sectionsRoot = root
            } else if file.path.contains("/\(calendarFolder)/") {
                var decoder = CalendarDecoder(path: file.path)
                decoder.decode(root, into: &calendar)
                diagnostics += decoder.diagnostics
            } else {
                roots.append((file, root))
            }
        }
        var checklists: [Checklist] = []
        for (file, root) in roots {
            var decoder = ChecklistDecoder(file: file, departments: departments)
            if let checklist = decoder.decode(root), !checklist.id.isEmpty { checklists.append(checklist) }
            diagnostics += decoder.diagnostics
        }
        checklists.sort { $0.id < $1.id }
        var sections: [String: SeedSection] = [:]
        if let sectionsRoot {
            var decoder = SectionsDecoder(departments: departments)
            sections = decoder.decode(sectionsRoot)
            diagnostics += decoder.diagnostics
        }
        var citations = CitationChecker(sections: sections)
        citations.check(checklists)
        diagnostics += citations.diagnostics
        for checklist in checklists {
            for rule in checklist.rules {
                if case .workdays = rule.deadline, calendar.years.isEmpty {
                    diagnostics.append(.error("decode.no-calendar",
                        "deadline_workdays needs a working-day calendar; add calendar/<year>.yaml beside the rules (from the State Council's holiday notice)",
                        at: rule.location))
                }
            }
        }

        // Stage 3: link. Includes, unique rule ids, symbols.
        var linker = Linker(checklists: checklists)
        linker.link()
        diagnostics += linker.diagnostics

        // Stage 4: parse, graph, check and compile expressions.
        var compiler = ExpressionCompiler(checklists: checklists, symbols: linker.symbols)
        compiler.compile()
        diagnostics += compiler.diagnostics

        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        let catalog = Catalog(checklists: checklists, departments: departments,
                              warnings: diagnostics.filter { $0.level != .error },
                              questions: linker.questions, askIf: compiler.askIfPrograms,
                              facts: linker.facts, factPrograms: compiler.factPrograms,
                              rules: compiler.orderedRules, rulePrograms: compiler.orderedRulePrograms,
                              includeClosure: linker.symbols.visible, sections: sections, calendar: calendar,
                              references: compiler.references, symbols: compiler.symbols)
        return (catalog, diagnostics)
    }

    private static func isNamed(_ file: SourceFile, _ name: String) -> Bool {
        file.path == name || (file.path.hasSuffix("/" + name) && !file.path.contains("/\(calendarFolder)/"))
    }
}
