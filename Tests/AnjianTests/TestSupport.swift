import Foundation
import Testing
@testable import Anjian

typealias Location = AnjianCore.SourceLocation

enum TestCatalog {
    static let departments = """
        anjian-departments: 1
        departments:
          - name: 县住建局
            aliases: [住建局]
          - name: 市场监管局
          - name: 县应急局
        """

    /// Compiles in-memory rule files (file name → text); departments.yaml is added.
    static func compile(_ files: [String: String]) -> (Catalog?, [Diagnostic]) {
        var all = files
        all["departments.yaml"] = all["departments.yaml"] ?? departments
        let sources = all.keys.sorted().map { SourceFile(path: "Rules/\($0)", bytes: Array(all[$0]!.utf8)) }
        return CatalogCompiler.compile(files: sources, limits: .default, diagnostics: [])
    }

    /// A catalog of one checklist `t` with the given questions, facts and rules (YAML fragments).
    static func single(questions: String, facts: String = "", rules: String, extra: [String: String] = [:]) -> (Catalog?, [Diagnostic]) {
        var text = """
            anjian: 1
            checklist: t
            title: 测试
            source: 二(三)6
            sectors: [test]
            departments: [县住建局, 市场监管局]
            questions:
            \(questions)
            """
        if !facts.isEmpty { text += "\nfacts:\n\(facts)" }
        text += "\nrules:\n\(rules)\n"
        var files = extra
        files["t.yaml"] = text
        return compile(files)
    }

    /// `line:col code` for each error, the way a user sees where it points.
    static func errors(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.filter { $0.level == .error }.sorted().map { "\($0.location.line):\($0.location.column) \($0.code)" }
    }

    static func sheet(_ answers: String, for catalog: Catalog, header: String? = nil) throws -> AnswerSheet {
        let text = (header ?? """
            anjian-answers: 1
            enterprise: {name: 测试企业, code: "91410329MA00000006", town: 城关街道, sector: test}
            inspection: {date: 2021-04-12, inspector: 测试}
            """) + "\nanswers:\n" + answers + "\n"
        return try AnswerSheet(bytes: Array(text.utf8), path: "a.yaml", for: catalog)
    }
}

/// A rule in YAML with the fields that do not matter to a test filled in.
func rule(_ id: String, _ when: String, severity: String = "general", days: Int = 7) -> String {
    """
      - id: \(id)
        title: 规则\(id)
        when: '\(when.replacingOccurrences(of: "'", with: "''"))'
        severity: \(severity)
        basis: 依据
        remedy: 整改
        deadline_days: \(days)
        source: 二(三)6
    """
}

func question(_ id: String, _ type: String = "bool", choices: String? = nil, askIf: String? = nil) -> String {
    var q = """
      - id: \(id)
        text: 问题\(id)？
        type: \(type)
    """
    if let choices { q += "\n    choices: \(choices)" }
    if let askIf { q += "\n    ask_if: \(askIf)" }
    return q
}

/// The repository root, for tests that read the shipped catalog and examples.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
