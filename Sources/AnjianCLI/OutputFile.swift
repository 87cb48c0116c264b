import Anjian
import ArgumentParser
import Foundation

/// Writes a whole command output to stdout, or to a file through ``ReportSink``'s temporary file
/// renamed into place, so an interrupted run leaves the old file or the new one, never half of one.
enum OutputFile {
    static func write(_ text: String, to path: String?, language: Language = .chosen(nil)) throws {
        var sink = try ReportSink(path: path, language: language)
        try sink.write(text)
        try sink.commit()
    }
}
