import Anjian
import ArgumentParser

struct Graph: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw the rule graph: checklists, includes, questions, facts, rules and their references.")

    @OptionGroup var rulesOptions: RulesOptions

    @Argument(help: ArgumentHelp("Checklists to draw (with what they include); all when none is named.", valueName: "CHECKLIST"))
    var checklists: [String] = []

    @Option(help: "dot (Graphviz) or mermaid.")
    var format: GraphRenderer.Format = .dot

    func run() throws {
        var printer = rulesOptions.printer()
        let catalog = try rulesOptions.loadCatalog(printer: &printer)
        _ = try CommandLineChecks.checklists(checklists, in: catalog, printer: &printer)
        print(GraphRenderer(catalog: catalog).render(checklists, format: format), terminator: "")
    }
}

extension GraphRenderer.Format: ExpressibleByArgument {}
