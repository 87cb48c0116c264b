import Anjian
import ArgumentParser
import Foundation

struct Template: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a blank answer file for checklists, every question with its text, type and choices as comments.")

    @OptionGroup var rulesOptions: RulesOptions

    @Argument(help: ArgumentHelp("Checklist ids.", valueName: "CHECKLIST"))
    var checklists: [String]

    @Option(help: "The kind of subject: enterprise, town, department or event (default: the checklists').")
    var subject: SubjectKind?

    @Option(help: ArgumentHelp("Path of the answers JSON Schema written on the yaml-language-server line.", valueName: "PATH"))
    var schema: String?

    func validate() throws {
        if checklists.isEmpty { throw ValidationError(LocalizedText.noChecklistNamed().text(in: rulesOptions.language)) }
    }

    func run() throws {
        var printer = rulesOptions.printer()
        let catalog = try rulesOptions.loadCatalog(printer: &printer)
        let chosen = try CommandLineChecks.checklists(checklists, in: catalog, printer: &printer)
        let kinds = Set(chosen.map(\.subject))
        let kind = subject ?? chosen[0].subject
        if kinds.count > 1 || !kinds.contains(kind) {
            printer.print([.templateSubjectMismatch(checklists, inspect: kinds.map(\.rawValue).sorted(), not: kind, at: CommandLineChecks.location)])
            throw ExitCode(2)
        }
        // NOTE: by default the template points at the answers schema committed beside the rules,
        // so an editor with a YAML language server checks the inspector's answers as they type.
        let committed = rulesOptions.baseDirectory.appendingPathComponent("schema/answers.schema.json")
        let schemaPath = schema ?? (FileManager.default.fileExists(atPath: committed.path) ? committed.path : nil)
        print(AnswerTemplate(catalog: catalog).render(checklists, subject: kind, schema: schemaPath), terminator: "")
    }
}

extension SubjectKind: ExpressibleByArgument {}

/// Checks on command-line arguments, reported like any other diagnostic.
enum CommandLineChecks {
    static let location = SourceLocation(file: "<command line>", line: 1, column: 1)

    /// The named checklists; an unknown one is an error that lists the known ones.
    static func checklists(_ ids: [String], in catalog: Catalog, printer: inout DiagnosticPrinter) throws -> [Checklist] {
        let known = catalog.checklists.map(\.id)
        var result: [Checklist] = []
        var errors: [Diagnostic] = []
        for id in ids {
            if let c = catalog.checklists.first(where: { $0.id == id }) {
                result.append(c)
            } else {
                errors.append(.unknownChecklistArgument(id, suggestion: Suggestion.nearest(to: id, in: known), known: known, at: location))
            }
        }
        if !errors.isEmpty {
            printer.print(errors)
            throw ExitCode(2)
        }
        return result
    }
}
