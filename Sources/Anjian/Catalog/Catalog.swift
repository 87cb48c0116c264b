import AnjianCore
import Foundation

/// The compiled rule catalog: every checklist, question, fact and rule, checked and linked,
/// with expressions compiled against answer slots. Immutable and safe to share across threads;
/// evaluating many answer sheets concurrently is how batch mode uses every core.
///
/// ```swift
/// let catalog = try Catalog(directory: rulesURL)
/// let sheet = try AnswerSheet(contentsOf: answersURL, for: catalog)
/// let report = catalog.evaluate(sheet)
/// ```
public struct Catalog: Sendable {
    /// Checklists sorted by id.
    public let checklists: [Checklist]
    public let departments: DepartmentDirectory
    /// Warnings found while loading (the catalog is usable).
    public let warnings: [Diagnostic]
    /// The seed document's sections, from `sections.yaml` (empty without one).
    public let sections: [String: SeedSection]
    /// Working days for `deadline_workdays`, from `calendar/<year>.yaml`.
    public let calendar: WorkCalendar
    /// The rule graph's references, for `anjian graph` and `explain`.
    public let references: [Reference]
    /// Names visible to expressions, kept so that `explain` can compile sub-expressions.
    let symbols: SymbolTable
    /// What county overlays changed, in the order applied.
    public let changes: [OverlayChange]
    /// The catalog's version (`Rules/VERSION`, with each overlay's after a `+`).
    public let version: String
    /// SHA-256 of the rule files it was compiled from; reports carry it so roll-ups never mix catalogs silently.
    public let contentHash: String
    /// Identifies this compiled catalog, so answer sheets read for another one are re-mapped by name.
    private(set) var id = UInt64.random(in: 1...UInt64.max)

    /// Questions by slot.
    let questions: [Question]
    let askIf: [Program?]
    let facts: [Fact]
    let factPrograms: [Program]
    /// Rules in evaluation order (dependencies first).
    let rules: [Rule]
    let rulePrograms: [Program]
    let slotByName: [String: Int]
    /// Slots by checklist, then by question id: how answer files name questions, looked up
    /// without joining the two names for every answer.
    let slotsByChecklist: [String: [String: Int]]
    /// Qualified question names by slot, built once rather than per evidence line.
    let questionNames: [String]
    let checklistByID: [String: Checklist]
    /// Each checklist with everything it includes, directly or not.
    let includeClosure: [String: Set<String>]
    /// The conditions compiled for deciding outcomes without the tree walker.
    let plan: DecisionPlan
    /// Rule indices in the order of their ids, the order reports list rules in.
    let idOrder: [Int]
    /// What reports of this catalog share, made by the first report.
    private(set) var lazyReportTemplates = ReportTemplates.Lazy()

    init(checklists: [Checklist], departments: DepartmentDirectory, warnings: [Diagnostic], questions: [Question],
         askIf: [Program?], facts: [Fact], factPrograms: [Program], rules: [Rule], rulePrograms: [Program],
         includeClosure: [String: Set<String>], sections: [String: SeedSection], calendar: WorkCalendar, references: [Reference], symbols: SymbolTable, changes: [OverlayChange],
         version: String, contentHash: String) {
        self.version = version
        self.contentHash = contentHash
        self.changes = changes
        self.symbols = symbols
        self.references = references
        self.sections = sections
        self.calendar = calendar
        self.checklists = checklists
        self.departments = departments
        self.warnings = warnings
        self.questions = questions
        self.askIf = askIf
        self.facts = facts
        self.factPrograms = factPrograms
        self.rules = rules
        self.rulePrograms = rulePrograms
        self.includeClosure = includeClosure
        var slots: [String: Int] = [:]
        for (i, q) in questions.enumerated() { slots[q.qualifiedName] = i }
        slotByName = slots
        var byChecklist: [String: [String: Int]] = [:]
        for (i, q) in questions.enumerated() { byChecklist[q.checklist, default: [:]][q.id] = i }
        slotsByChecklist = byChecklist
        questionNames = questions.map(\.qualifiedName)
        checklistByID = Dictionary(uniqueKeysWithValues: checklists.map { ($0.id, $0) })
        idOrder = rules.indices.sorted { rules[$0].id < rules[$1].id }
        plan = DecisionPlanCompiler.compile(questions: questions, askIf: askIf, factPrograms: factPrograms, rules: rules,
                                            rulePrograms: rulePrograms, checklists: checklists.map(\.id))
    }

    /// Loads the base catalog and the county overlays on it, in order. When the first directory is
    /// itself an overlay (it holds `overlay.yaml`), it is laid over the shipped catalog.
    ///
    /// - Throws: ``Diagnostics`` with every problem found, each at `file:line:col`.
    public init(directories: [URL], limits: Limits = .default) throws(Diagnostics) {
        var layers = directories.map { ($0, Self.displayPath(of: $0)) }
        if let first = directories.first, CatalogCompiler.isOverlay(first) {
            layers.insert((Self.shippedDirectory, Self.displayPath(of: Self.shippedDirectory)), at: 0)
        }
        let (catalog, diagnostics) = CatalogCompiler.compile(directories: layers, limits: limits)
        guard let catalog, !diagnostics.hasErrors else { throw Diagnostics(diagnostics) }
        self = catalog
    }

    /// Compiles rule files held in memory (path → YAML bytes), as tools that generate or edit rules do.
    /// The paths are used in locations; one of them must be `departments.yaml`.
    ///
    /// - Throws: ``Diagnostics`` with every problem found.
    public init(files: [(path: String, bytes: [UInt8])], limits: Limits = .default) throws(Diagnostics) {
        let sources = files.sorted { $0.path < $1.path }.map { SourceFile(path: $0.path, bytes: $0.bytes) }
        let (catalog, diagnostics) = CatalogCompiler.compile(files: sources, limits: limits, diagnostics: [])
        guard let catalog, !diagnostics.hasErrors else { throw Diagnostics(diagnostics) }
        self = catalog
    }

    /// Loads, checks and compiles every rule file in a directory.
    ///
    /// - Throws: ``Diagnostics`` with every problem found, each at `file:line:col`.
    public init(directory: URL, limits: Limits = .default) throws(Diagnostics) {
        let (catalog, diagnostics) = CatalogCompiler.compile(directory: directory, displayPath: Self.displayPath(of: directory), limits: limits)
        guard let catalog, !diagnostics.hasErrors else { throw Diagnostics(diagnostics) }
        self = catalog
    }

    /// The catalog shipped with Anjian (the rule files of `Rules/`), usable from any working directory.
    public static var shipped: Catalog {
        get throws(Diagnostics) { try Catalog(directory: shippedDirectory) }
    }

    /// Where the shipped rule files are: the checkout the library was built from, else the
    /// resource bundle installed beside the executable.
    public static var shippedDirectory: URL {
        // NOTE: the checkout comes first because SwiftPM does not always refresh a copied resource
        // folder when a file inside it changes; Bundle.module is avoided because it traps when absent.
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources/Rules")
        if FileManager.default.fileExists(atPath: checkout.appendingPathComponent(CatalogCompiler.departmentsFile).path) {
            return checkout
        }
        for bundle in ["Anjian_Anjian.resources", "Anjian_Anjian.bundle"] {
            let url = Bundle.main.bundleURL.appendingPathComponent(bundle).appendingPathComponent("Rules")
            if FileManager.default.fileExists(atPath: url.path) { return url }
        }
        return checkout
    }

    /// How a rules directory is named in locations and reports: as given, except the shipped
    /// catalog, which is `Rules` wherever it is installed, so reports do not depend on the machine.
    static func displayPath(of directory: URL) -> String {
        directory.standardizedFileURL.resolvingSymlinksInPath() == shippedDirectory.standardizedFileURL.resolvingSymlinksInPath()
            ? "Rules" : directory.relativePath
    }

    /// All rules, in evaluation order.
    public var allRules: [Rule] { rules }

    /// The question with a qualified name (`gas.license_valid`).
    public func question(named name: String) -> Question? { slotByName[name].map { questions[$0] } }
}
