import Anjian
import ArgumentParser
import Foundation

struct Summarize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Roll up JSON/NDJSON reports per department, town, sector or checklist (the monthly 统计表).")

    @Argument(help: ArgumentHelp("Report files or folders written by 'evaluate --format json'; '-' for standard input.", valueName: "REPORTS"))
    var reports: [String]

    @Option(help: "Group by department, town, sector or checklist.")
    var by: Rollup.Dimension = .department

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Count deadlines due and overdue as of this date (YYYY-MM-DD; default today).", valueName: "DATE"))
    var asOf: CivilDate?

    @Option(help: "text, json, markdown, csv or html.")
    var format: ReportFormat = .text

    @Option(help: ArgumentHelp("Write to FILE (whole or not at all) instead of stdout.", valueName: "FILE"))
    var output: String?

    @Option(name: .long, help: Language.help)
    var lang: Language?

    func validate() throws {
        if reports.isEmpty { throw ValidationError(LocalizedText.noReportFiles().text(in: .chosen(lang))) }
    }

    func run() throws {
        var printer = DiagnosticPrinter(language: .chosen(lang))
        let (records, failed) = ReportInputs.read(reports, printer: &printer)
        let rollup = Rollup(records, by: by, asOf: asOf ?? CivilDate.today)
        if rollup.catalogs.count > 1, let first = records.first {
            printer.print([.summaryOfMixedCatalogs(rollup.catalogs, at: first.location)])
        }
        try OutputFile.write(rollup.rendered(format), to: output, language: printer.language)
        if failed > 0 { throw ExitCode(2) }
    }
}
