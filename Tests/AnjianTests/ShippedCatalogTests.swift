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
        let catalog = try Catalog.shipped
        for rule in catalog.allRules {
            #expect(catalog.sections[rule.source] != nil, "\(rule.id) cites \(rule.source)")
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

    @Test("every numbered item of 二(一), 二(二), 二(三) and 二(四) is cited by at least one rule")
    func everyItemCited() throws {
        let cited = Set(try Catalog.shipped.allRules.map(\.source))
        let missing = Self.sections.subtracting(cited).sorted()
        #expect(missing.isEmpty, "not cited: \(missing)")
    }

    @Test("sections.yaml quotes the seed verbatim and lists departments the seed names")
    func sectionIndex() throws {
        let catalog = try Catalog.shipped
        #expect(Self.sections.isSubset(of: Set(catalog.sections.keys)))
        for section in catalog.sections.values {
            #expect(Self.seed.contains(section.title), "\(section.id): \(section.title)")
        }
    }

    @Test("every rule's departments fall within the list the seed gives for its section")
    func departmentsWithinSection() throws {
        let catalog = try Catalog.shipped
        for rule in catalog.allRules {
            let allowed = catalog.sections[rule.source]?.departments ?? []
            if allowed.isEmpty { continue }
            #expect(Set(rule.departments).isSubset(of: Set(allowed)), "\(rule.id) → \(rule.departments)")
        }
    }

    @Test("every checklist with rules has an example with its findings and a clean example")
    func examplesPerChecklist() throws {
        let catalog = try Catalog.shipped
        let dir = repositoryRoot.appendingPathComponent("Examples")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".yaml") }
        var withFindings: Set<String> = [], clean: Set<String> = []
        for name in names {
            let sheet = try AnswerSheet(contentsOf: dir.appendingPathComponent(name), for: catalog)
            let report = catalog.evaluate(sheet)
            withFindings.formUnion(report.findings.map(\.checklist))
            if report.findings.isEmpty && report.undetermined.isEmpty { clean.formUnion(sheet.inspection.checklists) }
        }
        for checklist in catalog.checklists where !checklist.rules.isEmpty {
            #expect(withFindings.contains(checklist.id), "no example finds a hazard of \(checklist.id)")
            #expect(clean.contains(checklist.id), "no clean example covers \(checklist.id)")
        }
    }
}
