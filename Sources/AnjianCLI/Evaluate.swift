import Anjian
import ArgumentParser
import Foundation

struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Evaluate answer files against the rules and report the findings.")

    @OptionGroup var rulesOptions: RulesOptions

    @Argument(help: ArgumentHelp("Answer files (YAML).", valueName: "ANSWERS"))
    var answers: [String]

    @Option(help: "Output format: text or json (several files give one JSON object per line).")
    var format: ReportFormat = .text

    @Option(help: ArgumentHelp("Write the report to FILE (whole or not at all) instead of stdout.", valueName: "FILE"))
    var output: String?

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding is at least this severe: major or general.")
    var failOn: Severity?

    @Flag(help: "Exit 2 when any rule is undetermined because answers are missing.")
    var strict = false

    enum ReportFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    func validate() throws {
        if answers.isEmpty { throw ValidationError(LocalizedText.noAnswerFiles().text(in: rulesOptions.language)) }
    }

    func run() throws {
        var printer = rulesOptions.printer()
        let catalog = try rulesOptions.loadCatalog(printer: &printer)
        var output = ""
        var reports = 0
        var failedFiles = 0
        var incomplete: [String] = []
        var failing = false
        for (index, path) in answers.enumerated() {
            let sheet: AnswerSheet
            do {
                sheet = try AnswerSheet(contentsOf: URL(fileURLWithPath: path), for: catalog)
            } catch {
                printer.print(error.all)
                failedFiles += 1
                continue
            }
            let report = catalog.evaluate(sheet)
            reports += 1
            switch format {
            case .json: output += report.json() + "\n"
            case .text: output += (index > 0 && !output.isEmpty ? "\n" : "") + report.text()
            }
            if !report.undetermined.isEmpty { incomplete.append(path) }
            if let failOn, report.findings.contains(where: { $0.severity <= failOn }) { failing = true }
        }
        // NOTE: when no file could be evaluated there is no report, and an existing --output file is left alone.
        if reports > 0 { try write(output, printer: printer) }
        if failedFiles > 0 {
            printer.printLine(.answerFilesFailed(failedFiles, of: answers.count))
            throw ExitCode(2)
        }
        if strict, !incomplete.isEmpty {
            for path in incomplete {
                printer.printLine(.incompleteAnswers(path))
            }
            throw ExitCode(2)
        }
        if failing { throw ExitCode(1) }
    }

    /// Writes to stdout, or to --output through a temporary file renamed into place,
    /// so an interrupted run leaves the old file or the new one, never half of one.
    private func write(_ text: String, printer: DiagnosticPrinter) throws {
        guard let output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        let target = URL(fileURLWithPath: output)
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
            // NOTE: rename(2) replaces the target atomically; readers see the old file or the new one.
            guard rename(temporary.path, target.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            printer.printWithoutSource(.reportNotWritten(output, reason: error.localizedDescription))
            throw ExitCode(2)
        }
    }
}

extension Severity: ExpressibleByArgument {}
