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
        // NOTE: one open, fstat and read; batches read thousands of files, where asking the file
        // manager whether a file exists and then reading it through Data cost as much as parsing it.
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else {
            throw Diagnostics([errno == ENOENT || errno == ENOTDIR ? .fileNotFound(at: location) : .unreadable(at: location)])
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw Diagnostics([.unreadable(at: location)]) }
        if info.st_mode & S_IFMT == S_IFDIR {
            throw Diagnostics([.isDirectory(at: location)])
        }
        var bytes: [UInt8] = []
        var chunk = max(Int(info.st_size), 0) + 1
        while true {
            let start = bytes.count
            var count = 0
            bytes.append(contentsOf: repeatElement(0, count: chunk))
            count = bytes.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress! + start, chunk) }
            if count < 0 {
                if errno == EINTR { bytes.removeSubrange(start...); continue }
                throw Diagnostics([.unreadable(at: location)])
            }
            bytes.removeSubrange((start + count)...)
            if count == 0 { break }
            // NOTE: a file that grew, or a pipe, is read on in larger chunks until it ends.
            chunk = max(chunk, 1 << 16)
        }
        return SourceFile(path: displayPath, bytes: bytes)
    }
}
