import Foundation
import Testing
@testable import Anjian

/// The bad input issue 6 names, each through the public entry points: a located error, never a crash.
@Suite struct HostileInputTests {
    private func answerErrors(_ text: String) throws -> [String] {
        let catalog = try Catalog.shipped
        do {
            _ = try AnswerSheet(bytes: Array(text.utf8), path: "a.yaml", for: catalog)
            return []
        } catch {
            return error.all.filter { $0.level == .error }.map { "\($0.location.line):\($0.location.column) \($0.code)" }
        }
    }

    static let header = "anjian-answers: 1\nenterprise: {name: x, sector: gas}\ninspection: {date: 2021-04-12, checklists: [gas]}\n"

    @Test("bad answer files are located errors", arguments: [
        ("", "1:1 answers.empty"),
        ("just a scalar\n", "1:1 decode.expected-mapping"),
        ("- a\n- b\n", "1:1 decode.expected-mapping"),
        (header + "answers: [1, 2]\n", "4:10 decode.expected-mapping"),
        (header + "answers:\n  gas:\n    license_valid: .nan\n", "6:20 answers.wrong-type"),
        (header + "answers:\n  gas:\n    license_valid: !!python/object x\n", "6:20 yaml.custom-tag"),
        (header + "answers:\n  gas: &g\n    license_valid: *g\n", "6:20 yaml.recursive-alias"),
        (header + "answers:\n  gas:\n    license_valid: *nowhere\n", "6:20 yaml.undefined-alias"),
        (header + "answers:\n  gas:\n    license_valid: \"open\n", "7:1 yaml.syntax"),
        (header + "---\n" + header, "4:1 yaml.multiple-documents"),
    ])
    func answers(text: String, expected: String) throws {
        let errors = try answerErrors(text)
        #expect(errors.contains(expected), "\(errors)")
    }

    @Test("a number question rejects .inf and .nan, and integers past Int64")
    func numbers() throws {
        let (c, _) = TestCatalog.single(questions: question("x", "number") + "\n" + question("n", "int"), rules: rule("T-001", "x > 1.0 || n > 1"))
        let catalog = try #require(c)
        for value in [".inf", "-.inf", ".nan"] {
            let error = #expect(throws: Diagnostics.self) { try TestCatalog.sheet("  t:\n    x: \(value)", for: catalog) }
            #expect(error?.all.first?.code == "answers.wrong-type")
        }
        let big = #expect(throws: Diagnostics.self) { try TestCatalog.sheet("  t:\n    n: 92233720368547758070", for: catalog) }
        #expect(big?.all.first?.code == "answers.wrong-type")
    }
}
