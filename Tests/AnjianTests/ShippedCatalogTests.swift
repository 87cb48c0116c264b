import Foundation
import Testing
@testable import Anjian

@Suite struct ShippedCatalogTests {
    static let seed: String = {
        let dir = repositoryRoot.appendingPathComponent("seeds")
        let file = (try? FileManager.default.contentsOfDirectory(atPath: dir.path))?.first { $0.hasSuffix(".txt") } ?? ""
        return (try? String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)) ?? ""
    }()

    /// The numbered items of the seed's part 二, as rules cite them.
    static let sections: Set<String> = {
        var s: Set<String> = []
        for i in 1...5 { s.insert("二(一)\(i)") }
        for i in 1...6 { s.insert("二(二)\(i)") }
        for i in 1...11 { s.insert("二(三)\(i)") }
        for i in 1...4 { s.insert("二(四)\(i)") }
        return s
    }()

    @Test("the shipped catalog loads without errors or warnings")
    func loads() throws {
        let catalog = try Catalog.shipped
        #expect(catalog.warnings.isEmpty)
        #expect(Set(catalog.checklists.map(\.id)).isSuperset(of: ["main_responsibility", "gas", "tourism"]))
    }

    @Test("the seed document is in the repository")
    func seedPresent() { #expect(Self.seed.contains("伊安委〔2021〕5号")) }

    @Test("every rule cites an existing section of the seed, a basis, a remedy and a title")
    func citations() throws {
        for rule in try Catalog.shipped.allRules {
            #expect(Self.sections.contains(rule.source), "\(rule.id) cites \(rule.source)")
            #expect(!rule.basis.isEmpty && !rule.remedy.isEmpty && !rule.title.isEmpty, "\(rule.id)")
        }
    }

    @Test("main_responsibility covers all six categories of 二(二); gas cites 二(三)6, tourism 二(三)9")
    func coverage() throws {
        let catalog = try Catalog.shipped
        let main = Set(catalog.allRules.filter { $0.checklist == "main_responsibility" }.map(\.source))
        #expect(main == Set((1...6).map { "二(二)\($0)" }))
        #expect(catalog.allRules.filter { $0.checklist == "gas" }.allSatisfy { $0.source == "二(三)6" })
        #expect(catalog.allRules.filter { $0.checklist == "tourism" }.allSatisfy { $0.source == "二(三)9" })
        for id in ["gas", "tourism"] {
            #expect(catalog.checklists.first { $0.id == id }?.includes.map(\.id) == ["main_responsibility"])
        }
    }

    @Test("every department is named in the seed, by its name or an alias")
    func departmentsFromSeed() throws {
        for d in try Catalog.shipped.departments.departments {
            let names = [d.name] + d.aliases
            #expect(names.contains { Self.seed.contains($0) }, "\(d.name) does not appear in the seed")
        }
    }

    @Test("major severity always says which standard makes it major")
    func majorBasis() throws {
        for rule in try Catalog.shipped.allRules where rule.severity == .major {
            #expect(rule.basis.contains("重大") || rule.basis.contains("GB"), "\(rule.id): \(rule.basis)")
        }
    }

    @Test("the shipped directory is found from any working directory")
    func directory() {
        #expect(FileManager.default.fileExists(atPath: Catalog.shippedDirectory.appendingPathComponent("departments.yaml").path))
    }
}
