/// One linear pass over a JSON file that checks what `JSONDecoder` cannot tell us, without building
/// any value:
///
/// - syntax, with the exact line and column (on Linux `JSONDecoder` only says "not valid JSON");
/// - keys the model does not know (the synthesized `Codable` would drop them silently), keys written
///   twice, `null` where the model has no null, negative counts and amounts;
/// - where the decision, each of its items, or a standalone procedure starts, for replay messages.
///
/// Values themselves (types, enum values, dates, required keys) are left to `Codable`; its errors are
/// placed in the text by `JSONLocator`. Raw line breaks only occur between tokens in valid JSON, so
/// lines are counted while skipping white space, at no cost inside strings.
struct JSONScanner {
    /// A place in the text: byte offset, and the line and column (counted in Unicode scalars) editors show.
    struct Position: Hashable, Sendable {
        var offset: Int
        var line: Int
        var column: Int
    }

    struct Problem: Sendable {
        var position: Position
        var message: String
    }

    struct Result: Sendable {
        var problems: [Problem] = []
        /// True when the text is not JSON at all (syntax, nesting): decoding it would say nothing more.
        var fatal = false
        var marks: [(mark: JSONShape.Mark, position: Position)] = []
        /// Text values not in the form the model stores (stray, doubled or unusual white space; line
        /// breaks in one-line text), with their cleaned value: the same cleaning the XML reader does, so
        /// a decision reads the same in either format.
        var replacements: [(literal: Range<Int>, cleaned: String)] = []
        /// A `\u` escape produced a non-ASCII scalar, so the decoded text may not be NFC.
        var escapedNonASCII = false
        var root = Position(offset: 0, line: 1, column: 1)
    }

    /// Far deeper than any decision (about ten levels), far shallower than what would exhaust the stack
    /// or `JSONDecoder`'s own limit.
    static let maximumDepth = 100

    /// Scans a file. `rootShape` is the shape checked from the root; nil checks syntax only (for
    /// files other than decisions, such as province.json, whose keys `Codable` checks).
    static func scan(_ text: UnsafeBufferPointer<UInt8>, rootShape: JSONShape? = JSONShape.root) -> Result {
        var scanner = JSONScanner(text)
        scanner.rootShape = rootShape
        scanner.run()
        return scanner.result
    }

    // MARK: - State

    private struct Frame {
        var isObject: Bool
        /// For objects: the object's shape; for arrays: the elements' shape. Nil: not checked.
        var shape: JSONShape?
        var seen: UInt64 = 0
        var index = 0
        /// The current key's content (between the quotes).
        var keyStart = 0
        var keyEnd = 0
        var keyEscaped = false
    }

    private let p: UnsafeBufferPointer<UInt8>
    private var i = 0
    private var line = 1
    private var lineStart = 0
    /// A column already counted on the current line, so counting never restarts from the line start
    /// (a minified file is one long line).
    private var countedOffset = 0
    private var countedColumn = 1
    private var frames: [Frame] = []
    private var stringHadEscape = false
    private var result = Result()
    private var rootShape: JSONShape? = JSONShape.root

    private init(_ p: UnsafeBufferPointer<UInt8>) {
        self.p = p
        frames.reserveCapacity(16)
    }

    // MARK: - Positions

    /// The line a position was on, saved before white space moves the line count on.
    private struct LineStart {
        var line: Int
        var offset: Int
    }

    private var here: LineStart { LineStart(line: line, offset: lineStart) }

    private mutating func position(_ offset: Int, on saved: LineStart? = nil) -> Position {
        let line = saved?.line ?? self.line
        let lineStart = saved?.offset ?? self.lineStart
        if countedOffset < lineStart || countedOffset > offset {
            countedOffset = lineStart
            countedColumn = 1
        }
        var column = countedColumn
        var k = countedOffset
        while k < offset {
            if p[k] & 0xC0 != 0x80 { column += 1 }
            k += 1
        }
        countedOffset = offset
        countedColumn = column
        return Position(offset: offset, line: line, column: column)
    }

    private mutating func problem(_ offset: Int, on saved: LineStart? = nil, _ message: String) {
        result.problems.append(Problem(position: position(offset, on: saved), message: message))
    }

    private mutating func fatal(_ offset: Int, on saved: LineStart? = nil, _ message: String) {
        problem(offset, on: saved, message)
        result.fatal = true
    }

    @inline(__always)
    private mutating func skipWhitespace() {
        while i < p.count {
            switch p[i] {
            case 0x20, 0x09, 0x0D: i += 1
            case 0x0A:
                i += 1
                line += 1
                lineStart = i
            default: return
            }
        }
    }

    // MARK: - The pass

    private enum State { case value, key, afterValue }

    private mutating func run() {
        skipWhitespace()
        guard i < p.count else {
            return fatal(0, on: LineStart(line: 1, offset: 0), #"the file is empty; a JSON file holds {"decision": {…}} or {"procedure": {…}}"#)
        }
        guard p[i] == UInt8(ascii: "{") else {
            return fatal(i, #"the file must hold one JSON object, {"decision": {…}} or {"procedure": {…}}, but it starts with "# + found(at: i))
        }
        result.root = position(i)
        var shape: JSONShape? = rootShape
        var state = State.value
        while true {
            switch state {
            case .value:
                skipWhitespace()
                guard i < p.count else { return fatal(i, "the file ends where a value is expected; it is cut short") }
                if let mark = shape?.mark { result.marks.append((mark, position(i))) }
                switch p[i] {
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    let isObject = p[i] == UInt8(ascii: "{")
                    guard frames.count < Self.maximumDepth else {
                        return fatal(i, "the file nests objects and lists more than \(Self.maximumDepth) levels deep here; a decision is never that deep, so look for brackets that are not closed")
                    }
                    let checked = isObject ? (shape?.kind == .object ? shape : nil) : (shape?.kind == .array ? shape?.element : nil)
                    frames.append(Frame(isObject: isObject, shape: checked))
                    i += 1
                    skipWhitespace()
                    let close = UInt8(ascii: isObject ? "}" : "]")
                    if i < p.count, p[i] == close {
                        i += 1
                        frames.removeLast()
                        state = .afterValue
                    } else if isObject {
                        state = .key
                    } else {
                        shape = checked
                    }
                case UInt8(ascii: "\""):
                    let start = i
                    guard scanString() else { return }
                    if let shape { checkString(start..<i, shape) }
                    state = .afterValue
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    let start = i
                    guard scanNumber() else { return }
                    if let shape { checkNumber(start..<i, shape) }
                    state = .afterValue
                case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                    let start = i
                    guard scanWord() else { return }
                    if p[start] == UInt8(ascii: "n"), let shape {
                        problem(start, "\(path().prefix)null is not allowed here; leave the key out when there is no value, or write \(shape.expected)")
                    }
                    state = .afterValue
                default:
                    return fatal(i, expectedValueMessage())
                }

            case .key:
                skipWhitespace()
                guard i < p.count else { return fatal(i, "the file ends inside an object; a '}' is missing") }
                guard p[i] == UInt8(ascii: "\"") else { return fatal(i, expectedKeyMessage()) }
                let open = i
                let keyLine = here
                guard scanString() else { return }
                let top = frames.count - 1
                frames[top].keyStart = open + 1
                frames[top].keyEnd = i - 1
                frames[top].keyEscaped = stringHadEscape
                skipWhitespace()
                guard i < p.count, p[i] == UInt8(ascii: ":") else {
                    let where_ = i < p.count ? found(at: i) : "the end of the file"
                    return fatal(i, "expected ':' after the key \(text(open..<(frames[top].keyEnd + 1))), found \(where_)")
                }
                i += 1
                shape = nil
                if let object = frames[top].shape { shape = checkKey(object, top: top, at: open, on: keyLine) }
                state = .value

            case .afterValue:
                guard let top = frames.last else {
                    skipWhitespace()
                    if i < p.count {
                        fatal(i, "unexpected \(found(at: i)) after the end of the JSON object; a file holds exactly one object")
                    }
                    return
                }
                skipWhitespace()
                let close = UInt8(ascii: top.isObject ? "}" : "]")
                guard i < p.count else {
                    return fatal(i, "the file ends inside \(top.isObject ? "an object; a '}'" : "a list; a ']'") is missing")
                }
                if p[i] == UInt8(ascii: ",") {
                    let comma = i
                    let commaLine = here
                    i += 1
                    skipWhitespace()
                    if i < p.count, p[i] == close {
                        return fatal(comma, on: commaLine, "a comma before '\(Character(Unicode.Scalar(close)))' has nothing after it; remove this comma")
                    }
                    if top.isObject {
                        state = .key
                    } else {
                        frames[frames.count - 1].index += 1
                        shape = top.shape
                        state = .value
                    }
                } else if p[i] == close {
                    i += 1
                    frames.removeLast()
                } else {
                    let what = top.isObject ? "',' or '}'" : "',' or ']'"
                    var message = "expected \(what) after the value, found \(found(at: i))"
                    if p[i] == UInt8(ascii: "\"") { message += "; a comma is probably missing" }
                    return fatal(i, message)
                }
            }
        }
    }

    /// Looks the key up in the object's shape, reporting unknown and repeated keys; returns the value's shape.
    private mutating func checkKey(_ object: JSONShape, top: Int, at open: Int, on keyLine: LineStart) -> JSONShape? {
        let frame = frames[top]
        let index: Int?
        if frame.keyEscaped {
            let key = decodedString(open..<(frame.keyEnd + 1))
            index = object.properties.firstIndex { $0.name == key }
        } else {
            index = lookup(object, frame.keyStart, frame.keyEnd)
        }
        guard let index else {
            problem(open, on: keyLine, unknownKeyMessage(object, key: decodedString(open..<(frame.keyEnd + 1)), top: top))
            return nil
        }
        let bit: UInt64 = 1 << UInt64(index)
        let name = object.properties[index].name
        if frame.seen & bit != 0 {
            problem(open, on: keyLine, "\(path(upTo: top).prefix)the key '\(name)' appears twice in the same object; keep one")
        } else if top == 0, name == "decision" || name == "procedure" {
            let other = name == "decision" ? "procedure" : "decision"
            if let otherIndex = object.properties.firstIndex(where: { $0.name == other }), frame.seen & (1 << UInt64(otherIndex)) != 0 {
                problem(open, on: keyLine, "the file holds both 'decision' and 'procedure'; a file holds one of them, so move one to a file of its own")
            }
        }
        frames[top].seen |= bit
        return object.properties[index].shape
    }

    @inline(__always)
    private func lookup(_ object: JSONShape, _ start: Int, _ end: Int) -> Int? {
        let length = end - start
        for (n, property) in object.properties.enumerated() where property.utf8.count == length {
            var k = 0
            while k < length, property.utf8[k] == p[start + k] { k += 1 }
            if k == length { return n }
        }
        return nil
    }

    /// Text that XML could not hold either: blank text, codes with spaces, malformed currencies.
    private mutating func checkString(_ range: Range<Int>, _ shape: JSONShape) {
        let first = range.lowerBound + 1, end = range.upperBound - 1
        switch shape.kind {
        case .text, .prose:
            if !stringHadEscape, isClean(first..<end) { return }
            let value = decodedString(range)
            if value.allSatisfy(\.isWhitespace) {
                problem(range.lowerBound, "\(path().prefix)the text is blank; write it, or remove the key")
                return
            }
            var utf8 = Array(value.utf8)
            let cleaned = utf8.withUnsafeMutableBufferPointer { bytes in
                let text = XMLText(composes: false), buffer = UnsafeBufferPointer(bytes)
                return shape.kind == .prose ? text.prose(buffer) : text.singleLine(buffer)
            }
            if cleaned.utf8.count != value.utf8.count || cleaned != value {
                result.replacements.append((range, cleaned))
            }
        case .code:
            if first < end, !stringHadEscape, (first..<end).allSatisfy({ p[$0] > 0x20 && p[$0] < 0x7F }) { return }
            let value = decodedString(range)
            if value.isEmpty {
                problem(range.lowerBound, "\(path().prefix)the code is empty; write it, or remove the key")
            } else if value.contains(where: \.isWhitespace) {
                problem(range.lowerBound, "\(path().prefix)'\(value)' is not a code: a code has no spaces, e.g. 1.001193 or G15-TP07")
            }
        case .currency:
            let value = decodedString(range)
            if !(value.utf8.count == 3 && value.utf8.allSatisfy({ $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") })) {
                problem(range.lowerBound, "\(path().prefix)'\(value)' is not a currency code; write three capital letters (ISO 4217), e.g. USD, or leave it out for đồng")
            }
        case .decimal:
            if p[first] == UInt8(ascii: "-") {
                problem(range.lowerBound, "\(path().prefix)\(text(range)) is negative; write 0 or more")
            }
        default: break
        }
    }

    /// True when raw (unescaped) string bytes are surely in stored form: some visible character, no
    /// white space at either end, no two spaces in a row, and none of the rarer Unicode spaces (whose
    /// UTF-8 starts with C2, E1 9A, E2 80/81 or E3 80). Raw JSON strings hold no line breaks or tabs.
    private func isClean(_ r: Range<Int>) -> Bool {
        guard let firstIndex = r.first, let lastIndex = r.last,
              p[firstIndex] != 0x20, p[lastIndex] != 0x20 else { return false }
        var visible = false
        var k = r.lowerBound
        while k < r.upperBound {
            let b = p[k]
            if b == 0x20 {
                if p[k + 1] == 0x20 { return false }
            } else if b == 0xC2 {
                return false
            } else if b == 0xE1 || b == 0xE2 || b == 0xE3, k + 1 < r.upperBound {
                let b1 = p[k + 1]
                if (b == 0xE1 && b1 == 0x9A) || (b == 0xE2 && (b1 == 0x80 || b1 == 0x81)) || (b == 0xE3 && b1 == 0x80) {
                    return false
                }
                visible = true
            } else {
                visible = true
            }
            k += 1
        }
        return visible
    }

    private mutating func checkNumber(_ range: Range<Int>, _ shape: JSONShape) {
        switch shape.kind {
        case .integer(let minimum):
            // JSONDecoder reports fractions and overflow with no path at all, so catch them here.
            let literal = text(range)
            let value: Int
            if let whole = Int(literal) {
                value = whole
            } else if let real = Double(literal), real.rounded() == real, let whole = Int(exactly: real) {
                value = whole
            } else {
                let reason = literal.allSatisfy { $0 == "-" || $0.isNumber } ? "is too large" : "is not a whole number"
                return problem(range.lowerBound, "\(path().prefix)\(literal) \(reason); write \(shape.expected)")
            }
            if value < minimum {
                problem(range.lowerBound, "\(path().prefix)\(value) is too small; write \(shape.expected)")
            } else if value > JSONShape.maximumCount {
                problem(range.lowerBound, "\(path().prefix)\(value) is too large; write \(shape.expected)")
            }
        case .decimal:
            if p[range.lowerBound] == UInt8(ascii: "-") {
                problem(range.lowerBound, "\(path().prefix)\(text(range)) is negative; write 0 or more")
            }
        default: break
        }
    }

    // MARK: - Tokens

    /// Scans a string starting at its opening quote, leaving `i` after the closing one.
    private mutating func scanString() -> Bool {
        let open = i
        i += 1
        stringHadEscape = false
        while i < p.count {
            let b = p[i]
            if b == UInt8(ascii: "\"") {
                i += 1
                return true
            }
            if b == UInt8(ascii: "\\") {
                stringHadEscape = true
                guard i + 1 < p.count else { break }
                switch p[i + 1] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                    UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    i += 2
                case UInt8(ascii: "u"):
                    guard let value = hex4(i + 2) else {
                        fatal(i, #"'\u' must be followed by four hexadecimal digits, e.g. \u00E9"#)
                        return false
                    }
                    if value >= 0x80 { result.escapedNonASCII = true }
                    if (0xDC00..<0xE000).contains(value) {
                        fatal(i, "\(text(i..<(i + 6))) is half of a character (a lone low surrogate); write the character itself")
                        return false
                    }
                    if (0xD800..<0xDC00).contains(value) {
                        guard i + 7 < p.count, p[i + 6] == UInt8(ascii: "\\"), p[i + 7] == UInt8(ascii: "u"),
                              let low = hex4(i + 8), (0xDC00..<0xE000).contains(low) else {
                            fatal(i, "\(text(i..<(i + 6))) is half of a character (a high surrogate without its pair); write the character itself")
                            return false
                        }
                        i += 6
                    }
                    i += 6
                default:
                    fatal(i, "'\\\(found(at: i + 1, quoted: false))' is not a JSON escape; write \\\\ for a backslash, \\n for a line break, \\\" for a quote")
                    return false
                }
                continue
            }
            if b < 0x20 {
                let what: String = switch b {
                case 0x0A, 0x0D: #"a line break inside text must be written \n"#
                case 0x09: #"a tab inside text must be written \t"#
                default: "control character U+\(hex(b)) inside text; write it as \\u\(hex(b)) or remove it"
                }
                if b == 0x0A || b == 0x0D {
                    // Most likely a missing closing quote rather than a deliberate line break.
                    fatal(i, "\(what), or the closing double quote is missing")
                } else {
                    fatal(i, what)
                }
                return false
            }
            i += 1
        }
        fatal(open, "this text has no closing double quote")
        return false
    }

    private func hex4(_ at: Int) -> Int? { JSONEscape.hex4(p, at: at).map(Int.init) }

    private func hex(_ b: UInt8) -> String {
        let s = String(b, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - s.count) + s
    }

    @inline(__always)
    private func isDigit(_ k: Int) -> Bool {
        k < p.count && p[k] >= UInt8(ascii: "0") && p[k] <= UInt8(ascii: "9")
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?` (RFC 8259).
    private mutating func scanNumber() -> Bool {
        let start = i
        if p[i] == UInt8(ascii: "-") { i += 1 }
        guard isDigit(i) else {
            fatal(start, "'-' must be followed by digits")
            return false
        }
        if p[i] == UInt8(ascii: "0"), isDigit(i + 1) {
            fatal(start, "numbers are written without leading zeros: write 5, not 05 (put codes such as 05 in double quotes)")
            return false
        }
        while isDigit(i) { i += 1 }
        if i < p.count, p[i] == UInt8(ascii: ".") {
            i += 1
            guard isDigit(i) else {
                fatal(start, "a '.' in a number must be followed by digits: write 16.5 or 16")
                return false
            }
            while isDigit(i) { i += 1 }
        }
        if i < p.count, p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E") {
            i += 1
            if i < p.count, p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") { i += 1 }
            guard isDigit(i) else {
                fatal(start, "the exponent of this number has no digits")
                return false
            }
            while isDigit(i) { i += 1 }
        }
        return true
    }

    /// `true`, `false` or `null`.
    private mutating func scanWord() -> Bool {
        let bytes: [UInt8] = switch p[i] {
        case UInt8(ascii: "t"): JSONScanner.trueBytes
        case UInt8(ascii: "f"): JSONScanner.falseBytes
        default: JSONScanner.nullBytes
        }
        if i + bytes.count <= p.count, p[i..<(i + bytes.count)].elementsEqual(bytes),
           !(i + bytes.count < p.count && isWordByte(p[i + bytes.count])) {
            i += bytes.count
            return true
        }
        fatal(i, expectedValueMessage())
        return false
    }

    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)
    private static let nullBytes = Array("null".utf8)

    private func isWordByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "_") || b >= 0x80
    }

    // MARK: - Messages

    /// The path of the value being read: the current key or index of every open container.
    private func path(upTo count: Int? = nil) -> JSONPath {
        var components: [JSONPath.Component] = []
        for frame in frames.prefix(count ?? frames.count) {
            if frame.isObject {
                components.append(.key(decodedString((frame.keyStart - 1)..<(frame.keyEnd + 1))))
            } else {
                components.append(.index(frame.index))
            }
        }
        return JSONPath(components)
    }

    private func unknownKeyMessage(_ object: JSONShape, key: String, top: Int) -> String {
        let names = object.properties.map(\.name)
        let suggestion = JSONScanner.closest(to: key, among: names).map { "did you mean '\($0)'?" }
        if top == 0 {
            return "unknown key '\(key)' at the top of the file; "
                + (suggestion.map { "\($0) " } ?? "")
                + "a file holds one key, 'decision' or 'procedure' (and optionally '$schema')"
        }
        let here = path(upTo: top)
        return "\(here.prefix)unknown key '\(key)'; "
            + (suggestion ?? "the keys here are \(names.joined(separator: ", "))")
    }

    /// The known key a typo most likely meant: same letters ignoring case, or at most two edits away.
    static func closest(to key: String, among names: [String]) -> String? {
        let lower = key.lowercased()
        if let same = names.first(where: { $0.lowercased() == lower }) { return same }
        var best: (name: String, distance: Int)?
        for name in names {
            let d = editDistance(Array(lower.unicodeScalars), Array(name.lowercased().unicodeScalars))
            if d <= 2, d < (best?.distance ?? .max) { best = (name, d) }
        }
        return best?.name
    }

    private static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        var previous = Array(0...b.count)
        for (x, ca) in a.enumerated() {
            var current = [x + 1] + Array(repeating: 0, count: b.count)
            for (y, cb) in b.enumerated() {
                current[y + 1] = Swift.min(previous[y + 1] + 1, current[y] + 1, previous[y] + (ca == cb ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    private func expectedValueMessage() -> String {
        let what = "expected a value (text in double quotes, a number, true, false, an object or a list), found \(found(at: i))"
        switch p[i] {
        case UInt8(ascii: "'"): return "\(what); JSON text uses double quotes, not single quotes"
        case UInt8(ascii: "/"): return "\(what); JSON has no comments, remove it"
        case UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ","): return what
        default:
            var end = i
            while end < p.count, isWordByte(p[end]), end - i < 40 { end += 1 }
            let word = text(i..<end)
            if ["true", "false", "null"].contains(word.lowercased()) {
                return "'\(word)' must be written in lower case: \(word.lowercased())"
            }
            return what + "; put text in double quotes"
        }
    }

    private func expectedKeyMessage() -> String {
        var message = "expected a key in double quotes, found \(found(at: i))"
        if p[i] == UInt8(ascii: "'") {
            message += "; JSON uses double quotes, not single quotes"
        } else if isDigit(i) {
            message += "; if this is the fraction of a number, write it with a point (16.5), not a comma"
        } else if p[i] == UInt8(ascii: "/") {
            message += "; JSON has no comments, remove it"
        }
        return message
    }

    /// The character at an offset as a message shows it: `'x'`, or the end of the file.
    private func found(at offset: Int, quoted: Bool = true) -> String {
        guard offset < p.count else { return "the end of the file" }
        var end = offset + 1
        while end < p.count, p[end] & 0xC0 == 0x80 { end += 1 }
        let character = text(offset..<end)
        return quoted ? "'\(character)'" : character
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: p[range]), as: UTF8.self)
    }

    /// A string literal's value (quotes included in `range`), escapes resolved.
    private func decodedString(_ range: Range<Int>) -> String {
        JSONLocator.stringValue(UnsafeBufferPointer(rebasing: p[range])) ?? text(range)
    }
}
