/// A token of the expression language.
struct Token: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case identifier(String)
        case int(Int)
        case double(Double)
        case string(String)
        case punctuation(String)
        case end
    }
    var kind: Kind
    var span: Range<Int>
}

/// An error found while reading an expression, at an offset into its text; built by the
/// factories in `Diagnostic+Expressions.swift`.
struct SyntaxError: Error, Sendable {
    /// The message in English.
    var message: String
    /// The message in Chinese.
    var messageZH: String
    var span: Range<Int>
}

/// Splits CEL source text into tokens.
struct Lexer {
    private let chars: [Unicode.Scalar]
    private var i = 0

    init(_ text: String) { chars = Array(text.unicodeScalars) }

    static let punctuation = ["&&", "||", "==", "!=", "<=", ">=", "<", ">", "!", "+", "-", "*", "/", "%", "?", ":", "(", ")", "[", "]", "{", "}", ",", "."]

    mutating func tokens() throws(SyntaxError) -> [Token] {
        var result: [Token] = []
        while true {
            let t = try next()
            result.append(t)
            if t.kind == .end { return result }
        }
    }

    private func peek(_ k: Int = 0) -> Unicode.Scalar? { i + k < chars.count ? chars[i + k] : nil }

    private mutating func next() throws(SyntaxError) -> Token {
        while let c = peek() {
            if c == " " || c == "\t" || c == "\n" || c == "\r" { i += 1; continue }
            if c == "/", peek(1) == "/" {
                while let d = peek(), d != "\n" { _ = d; i += 1 }
                continue
            }
            break
        }
        let start = i
        guard let c = peek() else { return Token(kind: .end, span: i..<i) }
        if c.isASCIILetter || c == "_" {
            while let d = peek(), d.isASCIILetter || d.isASCIIDigit || d == "_" { _ = d; i += 1 }
            return Token(kind: .identifier(asciiText(start..<i)), span: start..<i)
        }
        if c.isASCIIDigit || (c == "." && (peek(1)?.isASCIIDigit ?? false)) {
            return try number(start)
        }
        if c == "\"" || c == "'" {
            return try string(start, quote: c)
        }
        for p in Self.punctuation where matches(p) {
            i += p.unicodeScalars.count
            return Token(kind: .punctuation(p), span: start..<i)
        }
        if c == "=" {
            throw .singleEquals(at: start..<start + 1)
        }
        if c == "“" || c == "”" || c == "‘" || c == "’" {
            throw .curlyQuote(c, at: start..<start + 1)
        }
        if c == "（" || c == "）" || c == "，" || c == "＝" || c == "！" {
            throw .fullWidth(c, at: start..<start + 1)
        }
        if c.properties.isAlphabetic {
            throw .nonASCIIName(c, at: start..<start + 1)
        }
        throw .unexpectedCharacter(c, at: start..<start + 1)
    }

    /// Text of an identifier or number, which are ASCII: written byte by byte, without a scalar view.
    private func asciiText(_ range: Range<Int>) -> String {
        String(unsafeUninitializedCapacity: range.count) { buffer in
            for (k, c) in chars[range].enumerated() { buffer[k] = UInt8(truncatingIfNeeded: c.value) }
            return range.count
        }
    }

    private func matches(_ p: String) -> Bool {
        var k = 0
        for s in p.unicodeScalars {
            guard peek(k) == s else { return false }
            k += 1
        }
        return true
    }

    private mutating func number(_ start: Int) throws(SyntaxError) -> Token {
        if peek() == "0", peek(1) == "x" || peek(1) == "X" {
            i += 2
            let digitsStart = i
            while let d = peek(), d.isASCIIHexDigit { _ = d; i += 1 }
            let text = String(String.UnicodeScalarView(chars[digitsStart..<i]))
            guard let value = Int(text, radix: 16) else {
                throw .malformedHex(at: start..<i)
            }
            return Token(kind: .int(value), span: start..<i)
        }
        var isDouble = false
        while let d = peek(), d.isASCIIDigit { _ = d; i += 1 }
        if peek() == ".", peek(1)?.isASCIIDigit ?? false {
            isDouble = true
            i += 1
            while let d = peek(), d.isASCIIDigit { _ = d; i += 1 }
        }
        if peek() == "e" || peek() == "E" {
            var k = 1
            if peek(k) == "+" || peek(k) == "-" { k += 1 }
            if peek(k)?.isASCIIDigit ?? false {
                isDouble = true
                i += k
                while let d = peek(), d.isASCIIDigit { _ = d; i += 1 }
            }
        }
        if let d = peek(), d.isASCIILetter || d == "_" {
            if d == "u" || d == "U" {
                throw .unsignedLiteral(at: start..<i + 1)
            }
            throw .numberRunsIntoName(at: start..<i + 1)
        }
        let text = asciiText(start..<i)
        if isDouble {
            guard let v = Double(text) else { throw .malformedNumber(at: start..<i) }
            return Token(kind: .double(v), span: start..<i)
        }
        guard let v = Int(text) else {
            throw .integerTooLarge(text, at: start..<i)
        }
        return Token(kind: .int(v), span: start..<i)
    }

    private mutating func string(_ start: Int, quote: Unicode.Scalar) throws(SyntaxError) -> Token {
        i += 1
        var value = String.UnicodeScalarView()
        while true {
            guard let c = peek() else {
                throw .unterminatedString(quote: quote, at: start..<i)
            }
            if c == quote { i += 1; break }
            if c == "\n" { throw .stringPastEndOfLine(quote: quote, at: start..<i) }
            if c == "\\" {
                guard let e = peek(1) else { throw .unterminatedString(quote: quote, at: start..<i) }
                i += 2
                switch e {
                case "n": value.append("\n")
                case "t": value.append("\t")
                case "r": value.append("\r")
                case "\\", "\"", "'", "`", "?": value.append(e)
                case "u":
                    var code: UInt32 = 0
                    for _ in 0..<4 {
                        guard let h = peek(), let v = Int(String(h), radix: 16) else {
                            throw .unicodeEscapeDigits(at: i - 2..<i)
                        }
                        code = code * 16 + UInt32(v); i += 1
                    }
                    guard let s = Unicode.Scalar(code) else { throw .invalidUnicodeEscape(at: i - 6..<i) }
                    value.append(s)
                default:
                    throw .unknownEscape(e, at: i - 2..<i)
                }
                continue
            }
            value.append(c)
            i += 1
        }
        return Token(kind: .string(String(value)), span: start..<i)
    }
}

