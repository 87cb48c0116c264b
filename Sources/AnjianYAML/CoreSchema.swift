/// Scalar resolution by the YAML 1.2 core schema: `yes`, `no`, `on` and `off` stay strings.
///
/// Every scalar of every file is resolved, so this works on UTF-8 bytes and turns away most text
/// by its first byte; only what may be a null, a boolean or a number is looked at further.
enum CoreSchema {
    static func resolve(_ text: String, style: YAMLScalar.Style, tag: String?) -> YAMLScalar.Resolved {
        switch tag {
        case nil: break
        case "tag:yaml.org,2002:str", "!": return .string(text)
        case "tag:yaml.org,2002:null": return .null
        case "tag:yaml.org,2002:bool": return resolveBool(text).map { .bool($0) } ?? .string(text)
        case "tag:yaml.org,2002:int": return resolveInt(text) ?? .string(text)
        case "tag:yaml.org,2002:float":
            if let f = resolveFloat(text) { return .float(f) }
            if case .int(let i)? = resolveInt(text) { return .float(Double(i)) }
            return .string(text)
        default: break
        }
        guard style == .plain else { return .string(text) }
        // NOTE: the first byte says which of null, boolean or number a plain scalar can be at
        // all; most keys and answers are text, turned away here without comparing a word.
        guard let first = text.utf8.first else { return .null }
        switch first {
        case UInt8(ascii: "~"):
            return text.utf8.count == 1 ? .null : .string(text)
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            // NOTE: the length first, so that most words are told apart without comparing them.
            return text.utf8.count == 4 && (text == "null" || text == "Null" || text == "NULL") ? .null : .string(text)
        case UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"):
            let count = text.utf8.count
            return count == 4 || count == 5 ? resolveBool(text).map { .bool($0) } ?? .string(text) : .string(text)
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "0")...UInt8(ascii: "9"):
            if let i = resolveInt(text) { return i }
            if let f = resolveFloat(text) { return .float(f) }
            return .string(text)
        default:
            return .string(text)
        }
    }

    static func resolveBool(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    private static func hexValue(_ b: UInt8) -> Int? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(b - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(b - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(b - UInt8(ascii: "A")) + 10
        default: nil
        }
    }

    static func resolveInt(_ text: String) -> YAMLScalar.Resolved? {
        var copy = text
        return copy.withUTF8 { resolveInt(bytes: $0) }
    }

    private static func resolveInt(bytes utf8: UnsafeBufferPointer<UInt8>) -> YAMLScalar.Resolved? {
        if utf8.count > 1, utf8[0] == UInt8(ascii: "0"), utf8[1] == UInt8(ascii: "o") || utf8[1] == UInt8(ascii: "x") {
            let body = utf8.dropFirst(2)
            let radix = utf8[1] == UInt8(ascii: "o") ? 8 : 16
            guard !body.isEmpty, body.allSatisfy({ hexValue($0).map { $0 < radix } ?? false }) else { return nil }
            return Int(String(decoding: body, as: UTF8.self), radix: radix).map { .int($0) } ?? .intOutOfRange
        }
        // NOTE: [-+]?[0-9]+ read digit by digit, accumulated negatively so that Int.min fits.
        var negative = false
        var value = 0
        var digits = 0
        var overflow = false
        for (i, b) in utf8.enumerated() {
            if i == 0 && (b == UInt8(ascii: "-") || b == UInt8(ascii: "+")) {
                negative = b == UInt8(ascii: "-")
                continue
            }
            guard isDigit(b) else { return nil }
            digits += 1
            let (shifted, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = shifted.subtractingReportingOverflow(Int(b - UInt8(ascii: "0")))
            overflow = overflow || o1 || o2
            value = next
        }
        guard digits > 0 else { return nil }
        if overflow { return .intOutOfRange }
        if negative { return .int(value) }
        return value == Int.min ? .intOutOfRange : .int(-value)
    }

    static func resolveFloat(_ text: String) -> Double? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
        var rest = text.utf8[...]
        var sign = ""
        if rest.first == UInt8(ascii: "-") || rest.first == UInt8(ascii: "+") {
            sign = rest.first == UInt8(ascii: "-") ? "-" : ""
            rest = rest.dropFirst()
        }
        let whole = rest.prefix(while: isDigit)
        rest = rest.dropFirst(whole.count)
        var fraction = rest.prefix(0)
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            fraction = rest.prefix(while: isDigit)
            rest = rest.dropFirst(fraction.count)
        }
        guard !whole.isEmpty || !fraction.isEmpty else { return nil }
        var exponent = ""
        if rest.first == UInt8(ascii: "e") || rest.first == UInt8(ascii: "E") {
            rest = rest.dropFirst()
            var expSign = ""
            if rest.first == UInt8(ascii: "-") || rest.first == UInt8(ascii: "+") {
                expSign = rest.first == UInt8(ascii: "-") ? "-" : "+"
                rest = rest.dropFirst()
            }
            let digits = rest.prefix(while: isDigit)
            guard !digits.isEmpty else { return nil }
            rest = rest.dropFirst(digits.count)
            exponent = "e" + expSign + Substring(digits)
        }
        guard rest.isEmpty else { return nil }
        if sign.isEmpty, !whole.isEmpty, !fraction.isEmpty, exponent.isEmpty, text.utf8.first != UInt8(ascii: "+") {
            return Double(text)  // already in the normal form below
        }
        return Double(sign + (whole.isEmpty ? "0" : Substring(whole)) + "." + (fraction.isEmpty ? "0" : Substring(fraction)) + exponent)
    }
}
