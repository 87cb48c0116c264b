import Testing
@testable import Anjian

@Suite struct CitationCheckerTests {
    static let sections = """
        anjian-sections: 1
        sections:
          - id: 二(三)6
            title: 燃气
            departments: [县住建局]
          - id: 二(二)1
            title: 主要负责人
        """

    @Test("a rule citing a section that does not exist is a located lint error with a suggestion")
    func unknownSection() {
        let r = rule("T-001", "a").replacingOccurrences(of: "source: 二(三)6", with: "source: 二(三)66")
        let (_, diagnostics) = TestCatalog.single(questions: question("a"), rules: r, extra: ["sections.yaml": Self.sections])
        let d = diagnostics.first { $0.code == "lint.unknown-section" }
        #expect(d?.message.contains("did you mean '二(三)6'?") == true)
        #expect(d?.location.line == 19)
    }

    @Test("a rule routed to a department the seed does not name for its section is an error")
    func outsideSection() {
        let r = rule("T-001", "a").replacingOccurrences(of: "    basis:", with: "    departments: [市场监管局]\n    basis:")
        let (_, diagnostics) = TestCatalog.single(questions: question("a"), rules: r, extra: ["sections.yaml": Self.sections])
        #expect(TestCatalog.errors(diagnostics) == ["16:18 lint.department-outside-section"])
    }

    @Test("sections without departments accept any known department")
    func openSection() {
        let r = rule("T-001", "a").replacingOccurrences(of: "source: 二(三)6", with: "source: 二(二)1")
        let (_, diagnostics) = TestCatalog.single(questions: question("a"), rules: r, extra: ["sections.yaml": Self.sections])
        #expect(TestCatalog.errors(diagnostics) == [])
    }
}
