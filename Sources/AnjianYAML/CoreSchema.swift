/// Scalar resolution by the YAML 1.2 core schema: `yes`, `no`, `on` and `off` stay strings.
enum CoreSchema {
    static func resolve(_ text: String, style: YAMLScalar.Style, tag: String?) -> YAMLScalar.Resolved {
        switch tag {
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
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        default: break
        }
        if let b = resolveBool(text) { return .bool(b) }
        if let i = resolveInt(text) { return i }
        if let f = resolveFloat(text) { return .float(f) }
        return .string(text)
    }

    static func resolveBool(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    static func resolveInt(_ text: String) -> YAMLScalar.Resolved? {
        if text.hasPrefix("0o") || text.hasPrefix("0x") {
            let body = text.dropFirst(2)
            let radix = text.hasPrefix("0o") ? 8 : 16
            guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.hexDigitValue.map { $0 < radix } ?? false) }) else { return nil }
            return Int(body, radix: radix).map { .int($0) } ?? .intOutOfRange
        }
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text.first == "+" ? body : Substring(text)).map { .int($0) } ?? .intOutOfRange
    }

    static func resolveFloat(_ text: String) -> Double? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
        var rest = Substring(text)
        var sign = ""
        if rest.first == "-" || rest.first == "+" { sign = rest.first == "-" ? "-" : ""; rest = rest.dropFirst() }
        let isDigit: (Character) -> Bool = { $0.isASCII && $0.isNumber }
        let whole = rest.prefix(while: isDigit)
        rest = rest.dropFirst(whole.count)
        var fraction = Substring("")
        if rest.first == "." {
            rest = rest.dropFirst()
            fraction = rest.prefix(while: isDigit)
            rest = rest.dropFirst(fraction.count)
        }
        guard !whole.isEmpty || !fraction.isEmpty else { return nil }
        var exponent = ""
        if rest.first == "e" || rest.first == "E" {
            rest = rest.dropFirst()
            var expSign = ""
            if rest.first == "-" || rest.first == "+" { expSign = String(rest.first!); rest = rest.dropFirst() }
            let digits = rest.prefix(while: isDigit)
            guard !digits.isEmpty else { return nil }
            rest = rest.dropFirst(digits.count)
            exponent = "e" + expSign + digits
        }
        guard rest.isEmpty else { return nil }
        return Double(sign + (whole.isEmpty ? "0" : whole) + "." + (fraction.isEmpty ? "0" : fraction) + exponent)
    }
}
