import AnjianCore
import AnjianYAML
import Foundation

/// The subject of an inspection: an enterprise, or a town, department or event under supervision.
public struct Enterprise: Sendable, Hashable {
    public var kind: SubjectKind = .enterprise
    public var name: String
    /// 统一社会信用代码.
    public var code: String?
    /// The town (乡镇/街道) it is in.
    public var town: String?
    public var sector: String?
}

/// When, by whom and with which checklists an inspection was made.
public struct Inspection: Sendable, Hashable {
    public var date: CivilDate
    public var inspector: String?
    /// The checklists evaluated, includes resolved, sorted.
    public var checklists: [String]
}

/// One answer as the inspector gave it, with where it is in the answer file.
struct Answer: Sendable, Hashable {
    /// `.notApplicable` when answered 不适用 / n/a.
    var value: Value
    var location: SourceLocation
}

/// An inspection answer file, validated against a catalog's questions.
public struct AnswerSheet: Sendable {
    /// The path as given, used in evidence locations.
    public var path: String
    public var enterprise: Enterprise
    public var inspection: Inspection {
        didSet { frame.select(inspection) }
    }
    /// Answers by question slot of the catalog it was read for.
    var answers: [Answer?]
    /// Which catalog the slots belong to; another catalog re-maps the answers by name.
    let catalogID: UInt64
    let questionNames: [String]
    /// The answers unboxed for that catalog's ``DecisionPlan``, built once when the sheet is read.
    private(set) var frame: AnswerFrame

    /// Reads and validates an answer file.
    ///
    /// - Throws: ``Diagnostics`` with every problem, each at `file:line:col`.
    public init(contentsOf url: URL, for catalog: Catalog) throws(Diagnostics) {
        try self.init(contentsOf: url, displayPath: url.relativePath, for: catalog)
    }

    /// Reads an answer file shown as `displayPath` in locations (the path as the user typed it).
    public init(contentsOf url: URL, displayPath: String, for catalog: Catalog, limits: Limits = .default) throws(Diagnostics) {
        try self.init(AnswerDocument.read(contentsOf: url, displayPath: displayPath, limits: limits), for: catalog)
    }

    /// Reads an answer sheet from YAML (or JSON) bytes.
    public init(bytes: [UInt8], path: String, for catalog: Catalog, limits: Limits = .default) throws(Diagnostics) {
        try self.init(AnswerDocument(bytes: bytes, path: path, firstLine: 1, limits: limits), for: catalog)
    }

    /// Reads one document of a stream (NDJSON line, YAML document) that starts on `firstLine` of
    /// `path`, so that locations point into the stream rather than into the document.
    public init(bytes: [UInt8], path: String, firstLine: Int, for catalog: Catalog, limits: Limits = .default) throws(Diagnostics) {
        try self.init(AnswerDocument(bytes: bytes, path: path, firstLine: firstLine, limits: limits), for: catalog)
    }

    /// Checks a document read without a catalog against `catalog`.
    package init(_ document: AnswerDocument, for catalog: Catalog) throws(Diagnostics) {
        let path = document.path
        let offset = document.firstLine - 1
        func shift(_ l: SourceLocation) -> SourceLocation {
            l.file == path ? SourceLocation(file: l.file, line: l.line + offset, column: l.column) : l
        }
        var diagnostics = document.diagnostics
        var decoded: AnswerSheet?
        if let tree = document.tree, let root = tree.roots.last {
            var decoder = AnswerSheetDecoder(catalog: catalog, path: path)
            decoded = decoder.decode(tree, root: root)
            diagnostics += decoder.diagnostics
        } else if !diagnostics.hasErrors {
            diagnostics.append(.emptyAnswerFile(at: SourceLocation(file: path, line: 1, column: 1)))
        }
        guard var sheet = decoded, !diagnostics.hasErrors else {
            throw Diagnostics(offset == 0 ? diagnostics : diagnostics.map { d in
                var moved = d
                moved.location = shift(d.location)
                moved.notes = d.notes.map { n in var m = n; m.location = shift(n.location); return m }
                return moved
            })
        }
        if offset != 0 {
            // NOTE: locations point into the stream rather than into the document.
            sheet.answers = sheet.answers.map { $0.map { Answer(value: $0.value, location: shift($0.location)) } }
            sheet.extensions = sheet.extensions.mapValues { x in var m = x; m.location = shift(x.location); return m }
        }
        self = sheet
    }

    /// Approved deadline extensions (整改延期) by rule id.
    public var extensions: [String: DeadlineExtension] = [:]

    init(path: String, enterprise: Enterprise, inspection: Inspection, answers: [Answer?], catalog: Catalog) {
        self.path = path
        self.enterprise = enterprise
        self.inspection = inspection
        self.answers = answers
        self.catalogID = catalog.id
        self.questionNames = catalog.questionNames
        self.frame = AnswerFrame(answers: answers, inspection: inspection, plan: catalog.plan)
    }

    /// The answers laid out for `catalog`'s slots.
    func answers(for catalog: Catalog) -> [Answer?] {
        if catalog.id == catalogID { return answers }
        // NOTE: a sheet read for another catalog is matched by question name, never by position.
        var mapped = [Answer?](repeating: nil, count: catalog.questions.count)
        for (slot, answer) in answers.enumerated() {
            if let answer, let target = catalog.slotByName[questionNames[slot]] { mapped[target] = answer }
        }
        return mapped
    }
}
