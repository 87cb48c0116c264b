import Foundation
import Testing
@testable import Anjian
@testable import AnjianYAML

/// Each limit, breached by generated input, gives a located error in bounded time.
@Suite struct LimitsTests {
    @Test("a 64 MiB scalar is rejected at its location when files may be that large")
    func hugeScalar() {
        var bytes = Array("a: \"".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "x"), count: 64 << 20)
        bytes += Array("\"\n".utf8)
        let limits = Limits(maxFileSize: 128 << 20)
        let doc = YAMLLoader(limits: limits.yaml).load(bytes, path: "big.yaml")
        #expect(doc.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.code)" } == ["1:4 yaml.scalar-too-long"])
        let small = YAMLLoader().load(bytes, path: "big.yaml")
        #expect(small.diagnostics.map(\.code) == ["yaml.file-too-large"])
    }

    @Test("an expression longer than the limit, and one nested 10k deep, are located errors")
    func expressions() {
        let long = Array(repeating: "a", count: 3000).joined(separator: " && ")
        let (_, tooLong) = TestCatalog.single(questions: question("a"), rules: rule("T-001", long))
        #expect(TestCatalog.errors(tooLong) == ["14:12 expr.too-long"])
        let deep = String(repeating: "(", count: 10_000) + "a" + String(repeating: ")", count: 10_000)
        let text = "anjian: 1\nchecklist: t\ntitle: x\nsource: 二(三)6\ndepartments: [县住建局]\nquestions:\n" + question("a") + "\nrules:\n" + rule("T-001", deep) + "\n"
        let files = [SourceFile(path: "Rules/departments.yaml", bytes: Array(TestCatalog.departments.utf8)), SourceFile(path: "Rules/t.yaml", bytes: Array(text.utf8))]
        let (_, tooDeep) = CatalogCompiler.compile(files: files, limits: Limits(maxExpressionLength: 100_000), diagnostics: [])
        #expect(tooDeep.map(\.code) == ["expr.syntax"])
        #expect(tooDeep.first?.message.contains("200") == true)
    }

    @Test("more rules than the limit is an error at the first rule past it")
    func rules() {
        let many = (1...30).map { rule(String(format: "T-%03d", $0), "a") }.joined(separator: "\n")
        var text = "anjian: 1\nchecklist: t\ntitle: x\nsource: 二(三)6\ndepartments: [县住建局]\nquestions:\n" + question("a") + "\nrules:\n" + many + "\n"
        text += ""
        let files = [SourceFile(path: "Rules/departments.yaml", bytes: Array(TestCatalog.departments.utf8)), SourceFile(path: "Rules/t.yaml", bytes: Array(text.utf8))]
        let (catalog, diagnostics) = CatalogCompiler.compile(files: files, limits: Limits(maxRules: 25), diagnostics: [])
        #expect(catalog == nil)
        #expect(diagnostics.map(\.code) == ["catalog.too-many-rules"])
        #expect(diagnostics.first?.location.line == 11 + 25 * 8)
    }

    @Test("the depth and alias limits follow the options")
    func configurable() {
        let nested = String(repeating: "[", count: 20) + String(repeating: "]", count: 20)
        #expect(YAMLLoader(limits: Limits(maxDepth: 10).yaml).load(Array(nested.utf8), path: "n.yaml").diagnostics.map(\.code) == ["yaml.too-deep"])
        #expect(YAMLLoader(limits: Limits(maxDepth: 30).yaml).load(Array(nested.utf8), path: "n.yaml").diagnostics.isEmpty)
        let aliases = "a: &a [1, 2, 3]\nb: [*a, *a, *a, *a]\n"
        #expect(YAMLLoader(limits: Limits(maxAliasExpansion: 10).yaml).load(Array(aliases.utf8), path: "a.yaml").diagnostics.map(\.code) == ["yaml.alias-expansion"])
    }
}
