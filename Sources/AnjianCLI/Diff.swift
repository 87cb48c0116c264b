import Anjian
import ArgumentParser
import Foundation

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare a re-inspection with the first inspection (回头看): rectified, still open, new and overdue findings.")

    @Argument(help: ArgumentHelp("Reports of the first inspection (file or folder).", valueName: "OLD"))
    var old: String

    @Argument(help: ArgumentHelp("Reports of the re-inspection (file or folder).", valueName: "NEW"))
    var new: String

    @Option(help: "text, json, markdown, csv or html.")
    var format: ReportFormat = .text

    @Option(help: ArgumentHelp("Write to FILE (whole or not at all) instead of stdout.", valueName: "FILE"))
    var output: String?

    enum FailOn: String, ExpressibleByArgument { case overdue }

    @Option(name: .customLong("fail-on"), help: "Exit 1 when any finding is overdue.")
    var failOn: FailOn?

    @Option(name: .long, help: Language.help)
    var lang: Language?

    func run() throws {
        var printer = DiagnosticPrinter(language: .chosen(lang))
        let (before, failedOld) = ReportInputs.read([old], printer: &printer)
        let (after, failedNew) = ReportInputs.read([new], printer: &printer)
        let comparison = Reinspection(old: before, new: after)
        printer.print(comparison.diagnostics)
        try OutputFile.write(comparison.rendered(format), to: output, language: printer.language)
        if failedOld + failedNew > 0 || comparison.diagnostics.contains(where: { $0.level == .error }) { throw ExitCode(2) }
        if failOn == .overdue, comparison.overdueCount > 0 { throw ExitCode(1) }
    }
}
