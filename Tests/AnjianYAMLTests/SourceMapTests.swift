import AnjianCore
import Testing
@testable import AnjianYAML

@Suite struct SourceMapTests {
    private func locations(_ text: String) throws -> [AnjianCore.SourceLocation] {
        let doc = YAMLLoader().load(Array(text.utf8), path: "t.yaml")
        let scalar = try #require(doc.root?.mapping?.first?.value.scalar)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        return scalar.valueLocations(in: lines)
    }

    @Test("plain scalar offsets map to their columns")
    func plain() throws {
        let l = try locations("when: a == 是\n")
        #expect(l[0].column == 7)
        #expect(l[5].column == 12)
    }

    @Test("double-quoted scalars skip the quote and escapes")
    func quoted() throws {
        let l = try locations("when: \"a == \\\"x\\\" && b\"\n")
        // value: a == "x" && b
        #expect(l[0].column == 8)
        #expect(l[12].column == 22)
    }

    @Test("block scalars map each line to its own source line")
    func block() throws {
        let text = "when: >-\n  a &&\n    b\n"
        let doc = YAMLLoader().load(Array(text.utf8), path: "t.yaml")
        let scalar = try #require(doc.root?.mapping?.first?.value.scalar)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        let l = scalar.valueLocations(in: lines)
        let b = try #require(Array(scalar.value.unicodeScalars).firstIndex(of: "b"))
        #expect(l[0] == AnjianCore.SourceLocation(file: "t.yaml", line: 2, column: 3))
        #expect(l[b] == AnjianCore.SourceLocation(file: "t.yaml", line: 3, column: 5))
    }

    @Test("a long double-quoted scalar full of escapes maps to its columns without rescanning")
    func longEscaped() throws {
        let body = String(repeating: "\\\"x\\\" ", count: 20_000)
        let text = "when: \"" + body + "end\"\n"
        let doc = YAMLLoader(limits: YAMLLimits(maxFileSize: 1 << 24)).load(Array(text.utf8), path: "t.yaml")
        let scalar = try #require(doc.root?.mapping?.first?.value.scalar)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        let l = scalar.valueLocations(in: lines)
        #expect(l.count == scalar.value.unicodeScalars.count + 1)
        #expect(l[0].column == 9)  // the escaped quote of the first \"
        // "end" sits after 20,000 escaped pieces of 6 source characters each.
        #expect(l[l.count - 4].column == 8 + 20_000 * 6)
    }
}
