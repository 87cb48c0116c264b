import AnjianCore
import AnjianYAML
import Foundation

/// An answer file read and composed, not yet checked against a catalog: the part of reading that
/// needs no catalog, so that a batch can read its first files while the catalog still compiles.
package struct AnswerDocument: Sendable {
    /// The path shown in locations.
    package let path: String
    /// The line of `path` the document starts on (documents of a stream start further down).
    let firstLine: Int
    /// `nil` when the file could not be read.
    let tree: YAMLTree?
    let diagnostics: [Diagnostic]

    /// Reads an answer file; a file that cannot be read becomes a document holding that error.
    package static func read(contentsOf url: URL, displayPath: String, limits: Limits) -> AnswerDocument {
        do throws(Diagnostics) {
            let file = try SourceFile.read(url, displayPath: displayPath)
            return AnswerDocument(bytes: file.bytes, path: displayPath, firstLine: 1, limits: limits)
        } catch {
            return AnswerDocument(path: displayPath, firstLine: 1, tree: nil, diagnostics: error.all)
        }
    }

    package init(bytes: [UInt8], path: String, firstLine: Int, limits: Limits) {
        let (tree, diagnostics) = YAMLLoader(limits: limits.yaml).loadTree(bytes, path: path)
        self.init(path: path, firstLine: firstLine, tree: tree, diagnostics: diagnostics)
    }

    private init(path: String, firstLine: Int, tree: YAMLTree?, diagnostics: [Diagnostic]) {
        self.path = path
        self.firstLine = firstLine
        self.tree = tree
        self.diagnostics = diagnostics
    }
}
