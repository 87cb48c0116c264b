import Foundation
import Testing
@testable import Anjian

@Suite struct OverlayTests {
    private func layers(_ base: [String: String], _ overlay: [String: String]) -> (Catalog?, [Diagnostic]) {
        var baseFiles = base
        baseFiles["departments.yaml"] = baseFiles["departments.yaml"] ?? TestCatalog.departments
        func files(_ dict: [String: String], _ dir: String) -> [SourceFile] {
            dict.keys.sorted().map { SourceFile(path: "\(dir)/\($0)", bytes: Array(dict[$0]!.utf8)) }
        }
        return CatalogCompiler.compile(layers: [.init(files: files(baseFiles, "Rules"), path: "Rules"),
                                                .init(files: files(overlay, "county"), path: "county")],
                                       limits: .default, diagnostics: [])
    }

    private var base: [String: String] {
        ["t.yaml": """
            anjian: 1
            checklist: t
            title: 测试
            source: 二(三)6
            sectors: [test]
            departments: [县住建局, 市场监管局]
            questions:
            \(question("a"))
            rules:
            \(rule("T-001", "a"))
            \(rule("T-002", "!a"))
            """]
    }

    @Test("an overlay disables a rule and overrides another; every change is recorded and findings name the overlay")
    func applies() throws {
        let overlay = """
            anjian-overlay: 1
            disable:
              - {rule: T-002, reason: 本县不适用}
            override:
              - {rule: T-001, severity: major, departments: [市场监管局], deadline_days: 0, reason: 县安委会决定}
            """
        let (c, diagnostics) = layers(base, ["overlay.yaml": overlay])
        #expect(TestCatalog.errors(diagnostics) == [])
        let catalog = try #require(c)
        #expect(catalog.allRules.map(\.id) == ["T-001"])
        #expect(catalog.changes.map(\.kind) == [.disableRule, .overrideRule])
        #expect(catalog.changes[1].detail.contains("severity general → major"))
        let report = catalog.evaluate(try TestCatalog.sheet("  t:\n    a: true", for: catalog))
        let finding = try #require(report.findings.first)
        #expect(finding.severity == .major && finding.departments == ["市场监管局"] && finding.ruleFile == "county/overlay.yaml")
    }

    @Test("an overlay adds checklists but never replaces one silently")
    func addsNotReplaces() throws {
        let added = base["t.yaml"]!.replacingOccurrences(of: "checklist: t", with: "checklist: extra").replacingOccurrences(of: "T-00", with: "X-00")
        let (c, diagnostics) = layers(base, ["extra.yaml": added])
        #expect(TestCatalog.errors(diagnostics) == [])
        #expect(c?.changes.first?.kind == .addChecklist)
        let (_, replaced) = layers(base, ["t.yaml": base["t.yaml"]!])
        #expect(replaced.contains { $0.code == "overlay.replaces-checklist" })
    }

    @Test("overlay mistakes are located errors", arguments: [
        ("anjian-overlay: 1\ndisable:\n  - {rule: T-009, reason: x}\n", "overlay.unknown-rule"),
        ("anjian-overlay: 1\ndisable:\n  - {rule: T-001}\n", "decode.missing-field"),
        ("anjian-overlay: 1\noverride:\n  - {rule: T-001, reason: x}\n", "overlay.empty-override"),
        ("anjian-overlay: 1\noverride:\n  - {rule: T-001, departments: [县应急局], reason: x}\n", "decode.department-not-in-checklist"),
        ("anjian-overlay: 1\noverride:\n  - {rule: T-001, serverity: major, reason: x}\n", "decode.unknown-field"),
    ])
    func mistakes(overlay: String, code: String) {
        let (catalog, diagnostics) = layers(base, ["overlay.yaml": overlay])
        #expect(catalog == nil)
        #expect(diagnostics.contains { $0.code == code }, "\(diagnostics.map(\.code))")
    }
}
