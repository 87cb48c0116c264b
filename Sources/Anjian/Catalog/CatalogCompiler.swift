import AnjianCore
import AnjianYAML
import Foundation

/// The pipeline from rule files to a ``Catalog``: load YAML → decode → apply county overlays →
/// check citations → link the rule graph (includes, references, cycles) → type-check in
/// dependency order → compile.
enum CatalogCompiler {
    static let departmentsFile = "departments.yaml"
    static let sectionsFile = "sections.yaml"
    static let overlayFile = "overlay.yaml"
    static let calendarFolder = "calendar"

    /// The rule files of one directory: the base catalog or an overlay on what came before.
    struct Layer {
        var files: [SourceFile]
        var path: String
        /// The directory's `VERSION` file, trimmed, if it has one.
        var version: String? = nil
    }

    /// Whether a directory is an overlay (it holds `overlay.yaml`).
    static func isOverlay(_ directory: URL) -> Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent(overlayFile).path)
    }

    static func compile(directory: URL, displayPath: String, limits: Limits = .default) -> (Catalog?, [Diagnostic]) {
        compile(directories: [(directory, displayPath)], limits: limits)
    }

    /// The first directory is the base catalog, each later one an overlay on it.
    static func compile(directories: [(URL, String)], limits: Limits = .default) -> (Catalog?, [Diagnostic]) {
        var layers: [Layer] = []
        var diagnostics: [Diagnostic] = []
        for (index, (directory, displayPath)) in directories.enumerated() {
            let (files, problems) = read(directory, displayPath: displayPath)
            diagnostics += problems
            guard let files else { return (nil, diagnostics) }
            if index == 0, !files.contains(where: { isNamed($0, departmentsFile) }) {
                return (nil, diagnostics + [.noDepartmentsFile(departmentsFile, at: SourceLocation(file: displayPath, line: 1, column: 1))])
            }
            let version = (try? String(contentsOf: directory.appendingPathComponent("VERSION"), encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines)
            layers.append(Layer(files: files, path: displayPath, version: version?.isEmpty == false ? version : nil))
        }
        return compile(layers: layers, limits: limits, diagnostics: diagnostics)
    }

    /// The YAML files of a rules directory and its calendar folder, sorted; `nil` when it cannot be read.
    static func read(_ directory: URL, displayPath: String) -> ([SourceFile]?, [Diagnostic]) {
        let location = SourceLocation(file: displayPath, line: 1, column: 1)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else {
            return (nil, [.rulesDirectoryUnreadable(at: location)])
        }
        let prefix = displayPath.hasSuffix("/") ? displayPath : displayPath + "/"
        var files: [SourceFile] = []
        var diagnostics: [Diagnostic] = []
        let calendarDirectory = directory.appendingPathComponent(calendarFolder)
        let calendarNames = ((try? FileManager.default.contentsOfDirectory(atPath: calendarDirectory.path)) ?? []).filter { $0.hasSuffix(".yaml") }
        let entries = calendarNames.sorted().map { (calendarDirectory.appendingPathComponent($0), prefix + calendarFolder + "/" + $0) }
            + names.filter { $0.hasSuffix(".yaml") }.sorted().map { (directory.appendingPathComponent($0), prefix + $0) }
        for (url, display) in entries {
            do {
                files.append(try SourceFile.read(url, displayPath: display))
            } catch {
                diagnostics += error.all
            }
        }
        return (files, diagnostics)
    }

    /// Compiles in-memory files as one layer (tests).
    static func compile(files: [SourceFile], limits: Limits, diagnostics: [Diagnostic]) -> (Catalog?, [Diagnostic]) {
        compile(layers: [Layer(files: files, path: "")], limits: limits, diagnostics: diagnostics)
    }

    static func compile(layers: [Layer], limits: Limits, diagnostics initial: [Diagnostic]) -> (Catalog?, [Diagnostic]) {
        var diagnostics = initial
        let loader = YAMLLoader(limits: limits.yaml)
        var departments = DepartmentDirectory()
        var sectionsRoot: YAMLNode?
        var calendar = WorkCalendar()
        var checklists: [Checklist] = []
        var changes: [OverlayChange] = []

        for (layerIndex, layer) in layers.enumerated() {
            let isOverlay = layerIndex > 0
            // Stage 1–2: YAML and decoding. Departments first: rules are checked against them.
            var roots: [(SourceFile, YAMLNode)] = []
            var overlayRoot: (SourceFile, YAMLNode)?
            for file in layer.files {
                let document = loader.load(file.bytes, path: file.path)
                diagnostics += document.diagnostics
                guard let root = document.root else {
                    if !document.diagnostics.hasErrors {
                        diagnostics.append(.emptyRuleFile(at: SourceLocation(file: file.path, line: 1, column: 1)))
                    }
                    continue
                }
                if isNamed(file, departmentsFile) {
                    var decoder = DepartmentsDecoder()
                    let before = departments.departments.count
                    decoder.decode(root, into: &departments)
                    diagnostics += decoder.diagnostics
                    if isOverlay {
                        let added = departments.departments.dropFirst(before).map(\.name)
                        changes.append(OverlayChange(kind: .addDepartments, target: added.joined(separator: "、"), detail: "", location: root.location))
                    }
                } else if isNamed(file, sectionsFile) {
                    if isOverlay {
                        diagnostics.append(.overlayChangesSections(at: root.location))
                    } else {
                        sectionsRoot = root
                    }
                } else if isNamed(file, overlayFile) {
                    if isOverlay {
                        overlayRoot = (file, root)
                    } else {
                        diagnostics.append(.overlayInBase(at: root.location))
                    }
                } else if file.path.contains("/\(calendarFolder)/") || file.path.hasPrefix("\(calendarFolder)/") {
                    let years = Set(calendar.coveredYears)
                    var decoder = CalendarDecoder(path: file.path)
                    decoder.decode(root, into: &calendar)
                    diagnostics += decoder.diagnostics
                    if isOverlay {
                        for year in Set(calendar.coveredYears).subtracting(years) {
                            changes.append(OverlayChange(kind: .addCalendar, target: String(year), detail: "", location: root.location))
                        }
                    }
                } else {
                    roots.append((file, root))
                }
            }
            for (file, root) in roots {
                var decoder = ChecklistDecoder(file: file, departments: departments)
                guard let checklist = decoder.decode(root), !checklist.id.isEmpty else {
                    diagnostics += decoder.diagnostics
                    continue
                }
                diagnostics += decoder.diagnostics
                if let existing = checklists.first(where: { $0.id == checklist.id }) {
                    diagnostics.append(.overlayReplacesChecklist(checklist.id, existing: existing.file, at: checklist.location))
                    continue
                }
                if isOverlay { changes.append(OverlayChange(kind: .addChecklist, target: checklist.id, detail: checklist.title, location: checklist.location)) }
                checklists.append(checklist)
            }
            if let (file, root) = overlayRoot {
                var overlay = OverlayDecoder(path: file.path, departments: departments)
                overlay.apply(root, to: &checklists)
                diagnostics += overlay.diagnostics
                changes += overlay.changes
            }
        }
        checklists.sort { $0.id < $1.id }
        let allRules = checklists.flatMap(\.rules)
        if allRules.count > limits.maxRules {
            diagnostics.append(.tooManyRules(allRules.count, limit: limits.maxRules, at: allRules[limits.maxRules].location))
            return (nil, diagnostics)
        }

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
                    diagnostics.append(.noCalendar(at: rule.location))
                }
            }
        }

        // Stage 3: link. Includes, unique rule ids, symbols.
        var linker = Linker(checklists: checklists)
        linker.link()
        diagnostics += linker.diagnostics

        // Stage 4: parse, graph, check and compile expressions.
        var compiler = ExpressionCompiler(checklists: checklists, symbols: linker.symbols, limits: limits)
        compiler.compile()
        diagnostics += compiler.diagnostics

        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        let catalog = Catalog(checklists: checklists, departments: departments,
                              warnings: diagnostics.filter { $0.level != .error },
                              questions: linker.questions, askIf: compiler.askIfPrograms,
                              facts: linker.facts, factPrograms: compiler.factPrograms,
                              rules: compiler.orderedRules, rulePrograms: compiler.orderedRulePrograms,
                              includeClosure: linker.symbols.visible, sections: sections, calendar: calendar,
                              references: compiler.references, symbols: compiler.symbols, changes: changes,
                              version: version(of: layers), contentHash: contentHash(of: layers))
        return (catalog, diagnostics)
    }

    static func isNamed(_ file: SourceFile, _ name: String) -> Bool {
        (file.path == name || file.path.hasSuffix("/" + name)) && !file.path.contains("/\(calendarFolder)/")
    }

    /// The base catalog's version, with each overlay's after a `+` (`2021.1+county`).
    static func version(of layers: [Layer]) -> String {
        layers.enumerated().map { index, layer in
            layer.version ?? (index == 0 ? "unversioned" : NSStringPath(path: layer.path).lastComponent)
        }.joined(separator: "+")
    }

    /// SHA-256 over every rule file of every layer: its path within the layer and its bytes, in order,
    /// so two reports share a hash exactly when they were evaluated with the same rule files.
    static func contentHash(of layers: [Layer]) -> String {
        var hash = SHA256()
        for (index, layer) in layers.enumerated() {
            let prefix = layer.path.hasSuffix("/") ? layer.path : layer.path + "/"
            for file in layer.files.sorted(by: { $0.path < $1.path }) {
                let relative = file.path.hasPrefix(prefix) ? String(file.path.dropFirst(prefix.count)) : file.path
                hash.update(Array("\(index)/\(relative)\n\(file.bytes.count)\n".utf8))
                hash.update(file.bytes)
            }
        }
        return hash.hexDigest()
    }
}
