/// A position in a source file: 1-based line and column, columns counted in Unicode scalars.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The path as the user gave it, so that messages name the file the way they typed it.
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `path:line:col`, the form editors and terminals jump to.
    public var description: String { "\(file):\(line):\(column)" }

    /// The same location moved `n` columns to the right on its line.
    public func advanced(byColumns n: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column + n)
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}
