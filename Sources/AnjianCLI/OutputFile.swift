import Anjian
import ArgumentParser
import Foundation

/// Writes command output to stdout, or to a file through a temporary file renamed into place,
/// so an interrupted run leaves the old file or the new one, never half of one.
enum OutputFile {
    static func write(_ text: String, to path: String?, language: Language = .chosen(nil)) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        let target = URL(fileURLWithPath: path)
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
            // NOTE: rename(2) replaces the target atomically.
            guard rename(temporary.path, target.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            DiagnosticPrinter(language: language).printWithoutSource(.outputNotWritten(path, reason: error.localizedDescription))
            throw ExitCode(2)
        }
    }
}
