import AnjianCore
import AnjianYAML
import Foundation

/// A file read from disk, kept so that diagnostics can quote its lines.
struct SourceFile: Sendable {
    /// The path as the user gave it.
    var path: String
    var bytes: [UInt8]

    static func read(_ url: URL, displayPath: String) throws(Diagnostics) -> SourceFile {
        let location = SourceLocation(file: displayPath, line: 1, column: 1)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw Diagnostics([.fileNotFound(at: location)])
        }
        if isDirectory.boolValue {
            throw Diagnostics([.isDirectory(at: location)])
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw Diagnostics([.unreadable(at: location)])
        }
        return SourceFile(path: displayPath, bytes: [UInt8](data))
    }
}
