import Anjian
import ArgumentParser

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema (2020-12) of rule files, or of answer files for checklists.",
        discussion: "anjian schema rules\nanjian schema answers [CHECKLIST...]   (all checklists when none is named)")

    @OptionGroup var rulesOptions: RulesOptions

    enum Kind: String, ExpressibleByArgument, CaseIterable { case rules, answers }

    @Argument(help: "rules or answers.")
    var kind: Kind

    @Argument(help: ArgumentHelp("Checklists, for answers.", valueName: "CHECKLIST"))
    var checklists: [String] = []

    func validate() throws {
        if kind == .rules && !checklists.isEmpty { throw ValidationError(LocalizedText.schemaRulesTakesNoChecklists().text(in: rulesOptions.language)) }
    }

    func run() throws {
        var printer = rulesOptions.printer()
        let catalog = try rulesOptions.loadCatalog(printer: &printer)
        let generator = SchemaGenerator(catalog: catalog)
        switch kind {
        case .rules:
            print(generator.rules(), terminator: "")
        case .answers:
            _ = try CommandLineChecks.checklists(checklists, in: catalog, printer: &printer)
            print(generator.answers(checklists), terminator: "")
        }
    }
}
