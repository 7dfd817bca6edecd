import Catalogue
import Formats
import Foundation

/// Problems found in one record, each at its file, line, column and JSON path.
final class RecordDiagnostics {
    let tree: JSONTree
    /// The tree's text, valid while `tree` lives: read without copying the tree.
    let text: JSONTree.Text
    private(set) var list: [Diagnostic] = []

    init(tree: JSONTree) {
        self.tree = tree
        self.text = tree.text
    }

    func describe(_ value: JSONValue) -> String { text.kindDescription(of: value) }

    func error(_ path: String, _ message: String, at value: JSONValue) {
        list.append(.error("\(path.isEmpty ? "" : "\(path): ")\(message)", at: tree.location(of: value)))
    }

    func warning(_ path: String, _ message: String, at value: JSONValue) {
        list.append(.warning("\(path.isEmpty ? "" : "\(path): ")\(message)", at: tree.location(of: value)))
    }
}

/// One object of a portal record, read key by key.
///
/// Every key the mapping reads is marked used; `finish()` then warns about every key left over that
/// holds something (not null, empty, false or zero), so nothing the portal sends is dropped without a
/// word, even keys the portal adds later. Keys that are the portal's own bookkeeping (ids, storage
/// paths, timestamps) are declared with `ignore` and documented in docs/import-dvcqg.md.
final class PortalObject {
    /// The longest text accepted: far above any real step description (a few kilobytes), far below what
    /// would make the draft unreadable.
    static let maximumTextBytes = 64 * 1024
    /// The longest list accepted: real records hold at most a few dozen dossier items or legal bases.
    static let maximumListCount = 1_000

    let value: JSONValue
    /// Where the object lies, as parts: the JSON path (`path`) is spelt only for a message, as most
    /// objects read never have one (spelling "executionCases[0].profileComponents[3]" for every
    /// object was a tenth of the mapping's work).
    private let parent: PortalObject?
    private let key: String
    private let index: Int?
    let diagnostics: RecordDiagnostics
    let text: JSONTree.Text
    private let members: [JSONValue.Member]
    /// The key spans, hash slots and read flags below, in one allocation per object: three arrays
    /// each cost an allocation and a look-up of their generic storage type, a fifth of the
    /// mapping's work over the tens of thousands of objects a large import reads.
    private let table: KeyTable
    /// Where each member's key lies in the file (`members.count` of them): looked up on the bytes,
    /// with no copy of a member (and no reference counting) per comparison.
    private let keys: UnsafeMutablePointer<KeySpan>

    /// FNV-1a of a key's bytes.
    @inline(__always)
    private static func hash(_ p: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in p { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }
    /// Open addressing over the keys' hashes (member index + 1; 0: empty), so a look-up probes a
    /// slot or two instead of comparing every key of the object (a record's root has about ninety).
    /// `mask + 1` of them; none (`hasSlots` false) when a key is spelt with escapes: keys are then
    /// compared one by one, decoded.
    private let slots: UnsafeMutablePointer<Int32>
    private let hasSlots: Bool
    private let mask: Int
    /// Which members a reader asked for by key (every member of that key, when a key is written
    /// twice): flags by position, not a set of keys, to spare hashing every key read.
    private let used: UnsafeMutablePointer<Bool>

    /// The root object of a record.
    convenience init?(root value: JSONValue, diagnostics: RecordDiagnostics) {
        self.init(value, parent: nil, key: "", index: nil, diagnostics: diagnostics)
    }

    /// The object at `key` of `parent` (at `index` in that list, when it is a list's element).
    init?(_ value: JSONValue, parent: PortalObject?, key: String, index: Int?, diagnostics: RecordDiagnostics) {
        guard case .object(let members) = value.content else {
            diagnostics.error(Self.path(parent: parent, key: key, index: index), "expected an object { … }, found \(diagnostics.describe(value))", at: value)
            return nil
        }
        self.value = value
        self.parent = parent
        self.key = key
        self.index = index
        self.diagnostics = diagnostics
        self.text = diagnostics.text
        self.members = members
        let text = diagnostics.text
        let count = members.count
        var escaped = false
        for member in members where member.keyEscaped { escaped = true }
        var size = 0
        if !escaped {
            size = 4
            while size < 2 * count { size <<= 1 }
        }
        let table = KeyTable.make(keys: count, slots: size)
        self.table = table
        (keys, slots, used) = table.pointers(keys: count, slots: size)
        hasSlots = !escaped
        mask = max(0, size - 1)
        for (k, member) in members.enumerated() {
            (keys + k).initialize(to: KeySpan(
                start: member.keyOffset, end: member.keyEnd, escaped: member.keyEscaped,
                hash: Self.hash(UnsafeBufferPointer(rebasing: text.bytes[(member.keyOffset + 1)..<(member.keyEnd - 1)]))))
        }
        var duplicates: [Int] = []
        if !escaped {
            let base = text.bytes.baseAddress!
            for k in 0..<count {
                let key = keys[k]
                let length = key.end - key.start
                var s = Int(truncatingIfNeeded: key.hash) & mask
                var seen = false
                // Every earlier member with the same key lies on this probe chain.
                while slots[s] != 0 {
                    let other = keys[Int(slots[s]) - 1]
                    if !seen, other.hash == key.hash, other.end - other.start == length,
                       memcmp(base + other.start, base + key.start, length) == 0 {
                        seen = true
                    }
                    s = (s + 1) & mask
                }
                slots[s] = Int32(k + 1)
                if seen { duplicates.append(k) }
            }
        }
        if hasSlots {
            for k in duplicates {
                diagnostics.warning(child(text.key(of: members[k])), "the key appears twice in the same object; the first is read", at: members[k].value)
            }
        } else if members.count <= 64 {
            for k in members.indices where appearsBefore(k) {
                diagnostics.warning(child(text.key(of: members[k])), "the key appears twice in the same object; the first is read", at: members[k].value)
            }
        } else {
            var seen: Set<String> = []
            for member in members where !seen.insert(text.key(of: member)).inserted {
                diagnostics.warning(child(text.key(of: member)), "the key appears twice in the same object; the first is read", at: member.value)
            }
        }
    }

    /// Whether the key of member `k` is also the key of an earlier member. Objects of portal records
    /// hold a few dozen keys: comparing the bytes of the earlier ones (lengths first) costs less than
    /// making and hashing a string for every key; larger (hostile) objects use a set.
    private func appearsBefore(_ k: Int) -> Bool {
        let key = keys[k]
        if key.escaped { return (0..<k).contains { text.member(members[$0], hasKeyOf: members[k]) } }
        let length = key.end - key.start
        let base = text.bytes.baseAddress!
        for j in 0..<k {
            let other = keys[j]
            if other.escaped {
                if text.member(members[j], hasKeyOf: members[k]) { return true }
            } else if other.hash == key.hash, other.end - other.start == length, memcmp(base + other.start, base + key.start, length) == 0 {
                return true
            }
        }
        return false
    }

    /// The object's JSON path ("executionCases[0].profileComponents[3]"; the root's is empty).
    var path: String { Self.path(parent: parent, key: key, index: index) }

    private static func path(parent: PortalObject?, key: String, index: Int?) -> String {
        guard let parent else { return "" }
        let base = parent.child(key)
        return index.map { "\(base)[\($0)]" } ?? base
    }

    func child(_ key: String) -> String {
        let path = self.path
        return path.isEmpty ? key : "\(path).\(key)"
    }

    /// The value of a key, marking it used; nil when absent or null.
    func raw(_ key: String) -> JSONValue? {
        guard let member = markUsed(key) else { return nil }
        if case .null = member.value.content { return nil }
        return member.value
    }

    /// Marks every member of the key used; returns the first.
    private func markUsed(_ key: String) -> JSONValue.Member? {
        guard let first = indices(of: key, marking: true) else { return nil }
        return members[first]
    }

    /// The index of the first member of the key, marking every member of it used when asked.
    private func indices(of key: String, marking: Bool) -> Int? {
        var first: Int?
        var key = key
        key.withUTF8 { k in
            let hash = Self.hash(k)
            if hasSlots {
                var s = Int(truncatingIfNeeded: hash) & mask
                while slots[s] != 0 {
                    let j = Int(slots[s]) - 1
                    let span = keys[j]
                    if span.hash == hash, text.hasKey(span.start, span.end, k) {
                        if first.map({ j < $0 }) ?? true { first = j }
                        if marking { used[j] = true }
                    }
                    s = (s + 1) & mask
                }
                return
            }
            for j in members.indices {
                let span = keys[j]
                let same = span.escaped ? text.member(members[j], hasKey: String(decoding: k, as: UTF8.self))
                    : span.hash == hash && text.hasKey(span.start, span.end, k)
                guard same else { continue }
                if first == nil { first = j }
                if !marking { return }
                used[j] = true
            }
        }
        return first
    }

    func has(_ key: String) -> Bool { indices(of: key, marking: false) != nil }

    /// Text; nil when absent, null or blank. Wrong types and oversized text are errors.
    func string(_ key: String) -> String? {
        guard let value = raw(key) else { return nil }
        return withText(value, key) { bytes, _ in ValidUTF8.string(bytes) }
    }

    /// `string(key)` cleaned to one line (`PortalText.line`), straight from the file's bytes.
    func line(_ key: String) -> String? {
        guard let value = raw(key) else { return nil }
        return withText(value, key, PortalText.line(utf8:surelyNFC:))
    }

    /// `string(key)` cleaned as prose (`PortalText.prose`), straight from the file's bytes.
    func prose(_ key: String) -> String? {
        guard let value = raw(key) else { return nil }
        return withText(value, key, PortalText.prose(utf8:surelyNFC:))
    }

    /// `string(key)` in stored prose form (`StoredText.prose`: markup left as it is).
    func storedProse(_ key: String) -> String? {
        guard let value = raw(key) else { return nil }
        return withText(value, key) { bytes, surelyNFC in StoredText.prose(utf8: bytes, surelyNFC: surelyNFC) }
    }

    /// `string(key)` cleaned as a name (`PortalText.name`), straight from the file's bytes.
    func name(_ key: String) -> String? {
        guard let value = raw(key) else { return nil }
        return withText(value, key, PortalText.name(utf8:surelyNFC:))
    }

    /// The checks of `string(_:)` on a value's bytes, then `make` of them: text, at most
    /// `maximumTextBytes`, not blank.
    private func withText(_ value: JSONValue, _ key: String, _ make: (UnsafeBufferPointer<UInt8>, Bool) -> String) -> String? {
        guard case .string = value.content else {
            diagnostics.error(child(key), "expected text in double quotes, found \(diagnostics.describe(value))", at: value)
            return nil
        }
        return text.withText(of: value) { bytes, surelyNFC -> String? in
            if bytes.count > Self.maximumTextBytes {
                diagnostics.error(child(key), "the text is \(bytes.count / 1024) KiB long, over the \(Self.maximumTextBytes / 1024) KiB a portal record's text can hold; the record is damaged, export it again", at: value)
                return nil
            }
            return Self.isBlank(bytes) ? nil : make(bytes, surelyNFC)
        } ?? nil
    }

    /// Text that is required: missing, null or blank is an error.
    func requiredString(_ key: String) -> String? {
        requiredText(key) { string(key) }
    }

    /// `requiredString(key)` cleaned to one line.
    func requiredLine(_ key: String) -> String? {
        requiredText(key) { line(key) }
    }

    /// `requiredString(key)` cleaned as a name.
    func requiredName(_ key: String) -> String? {
        requiredText(key) { name(key) }
    }

    private func requiredText(_ key: String, _ read: () -> String?) -> String? {
        guard let index = indices(of: key, marking: false) else {
            diagnostics.error(path, "the required key '\(key)' is missing; every portal record has it, so the file is not a portal record or is damaged", at: value)
            return nil
        }
        let member = members[index]
        switch member.value.content {
        case .null:
            diagnostics.error(child(key), "is null; a portal record always has it", at: member.value)
        case .string where text.withText(of: member.value, { bytes, _ in Self.isBlank(bytes) }) == true:
            diagnostics.error(child(key), "is blank; a portal record always has it", at: member.value)
        default: break
        }
        return read()
    }

    func bool(_ key: String) -> Bool? {
        guard let value = raw(key) else { return nil }
        if case .bool(let b) = value.content { return b }
        diagnostics.error(child(key), "expected true or false, found \(diagnostics.describe(value))", at: value)
        return nil
    }

    /// A number as written ("10000", "16.5"); text holding a number is accepted and returned as is,
    /// for the caller to read (amounts often arrive as "10.000 đồng").
    enum Number {
        case literal(String)
        case text(String)
    }

    func number(_ key: String) -> (Number, JSONValue)? {
        guard let value = raw(key) else { return nil }
        switch value.content {
        case .number: return (.literal(text.literal(of: value)!), value)
        case .string:
            guard let s = text.string(of: value), !PortalObject.isBlank(s) else { return nil }
            if s.utf8.count > Self.maximumTextBytes {
                diagnostics.error(child(key), "the text is \(s.utf8.count / 1024) KiB long; expected a number", at: value)
                return nil
            }
            return (.text(s), value)
        default:
            diagnostics.error(child(key), "expected a number, found \(diagnostics.describe(value))", at: value)
            return nil
        }
    }

    /// A whole number of zero or more.
    func count(_ key: String) -> Int? {
        guard let (number, value) = number(key) else { return nil }
        let text: String = switch number {
        case .literal(let n): n
        case .text(let s): s.trimmingCharacters(in: .whitespaces)
        }
        if let n = Int(text), n >= 0, n <= PortalObject.maximumListCount { return n }
        if let d = Double(text), d >= 0, d.rounded() == d, d <= Double(PortalObject.maximumListCount) { return Int(d) }
        diagnostics.error(child(key), "expected a whole number from 0 to \(PortalObject.maximumListCount), found \(diagnostics.describe(value))", at: value)
        return nil
    }

    func object(_ key: String) -> PortalObject? {
        guard let value = raw(key) else { return nil }
        return PortalObject(value, parent: self, key: key, index: nil, diagnostics: diagnostics)
    }


    /// How many elements a list holds (absent, null or not a list: 0), without their paths.
    func listCount(_ key: String) -> Int {
        guard let value = raw(key) else { return 0 }
        return list(key, value).count
    }

    private func list(_ key: String, _ value: JSONValue) -> [JSONValue] {
        guard case .array(let elements) = value.content else {
            diagnostics.error(child(key), "expected a list [ … ], found \(diagnostics.describe(value))", at: value)
            return []
        }
        if elements.count > Self.maximumListCount {
            diagnostics.error(child(key), "holds \(elements.count) entries, over the \(Self.maximumListCount) a portal record can hold; the record is damaged, export it again", at: value)
            return []
        }
        return elements
    }

    /// The objects of a list, skipping (with an error) elements that are not objects.
    func objects(_ key: String) -> [PortalObject] {
        guard let value = raw(key) else { return [] }
        let elements = list(key, value)
        guard !elements.isEmpty else { return [] }
        var objects: [PortalObject] = []
        objects.reserveCapacity(elements.count)
        for (k, element) in elements.enumerated() {
            if case .null = element.content { continue }
            if let o = PortalObject(element, parent: self, key: key, index: k, diagnostics: diagnostics) { objects.append(o) }
        }
        return objects
    }

    /// Text elements of a list.
    func strings(_ key: String) -> [String] {
        guard let value = raw(key) else { return [] }
        return list(key, value).enumerated().compactMap { k, element in
            switch element.content {
            case .string:
                let s = text.string(of: element)!
                return PortalObject.isBlank(s) ? nil : s
            case .null: return nil
            default:
                diagnostics.error("\(child(key))[\(k)]", "expected text in double quotes, found \(diagnostics.describe(element))", at: element)
                return nil
            }
        }
    }

    /// Marks keys as read on purpose without mapping them: the portal's bookkeeping.
    func ignore(_ keys: String...) {
        for key in keys { _ = markUsed(key) }
    }

    /// Warns about a key the model has no place for, when it holds something.
    func unheld(_ key: String, _ why: String) {
        guard let value = raw(key), holdsSomething(value) else { return }
        diagnostics.warning(child(key), "\(shown(value)) is not imported: \(why)", at: value)
    }

    /// Warns about every key not read that holds something.
    func finish() {
        for (k, member) in members.enumerated() where !used[k] && holdsSomething(member.value) {
            let name = text.key(of: member)
            let key = name.count > 60 ? String(name.prefix(60)) + "…" : name
            diagnostics.warning(
                child(key),
                "\(shown(member.value)) is not imported: tthc does not know this key of portal records; check the draft by hand",
                at: member.value)
        }
    }

    /// Empty or only white space. Text that starts with a printable ASCII byte is not blank: a
    /// Character is white space when its first scalar is, so the Unicode look-up is only needed then.
    static func isBlank(_ s: String) -> Bool {
        if let first = s.utf8.first, first > 0x20, first < 0x80 { return false }
        return s.allSatisfy(\.isWhitespace)
    }

    /// `isBlank` of UTF-8 bytes.
    static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if let first = bytes.first, first > 0x20, first < 0x80 { return false }
        return String(decoding: bytes, as: UTF8.self).allSatisfy(\.isWhitespace)
    }

    func holdsSomething(_ value: JSONValue) -> Bool {
        switch value.content {
        case .null: false
        case .bool(let b): b
        case .string: text.withText(of: value, { bytes, _ in Self.isBlank(bytes) }) == false
        case .number: Double(text.literal(of: value)!) != 0
        case .array(let a): a.contains(where: holdsSomething)
        case .object(let m): m.contains { holdsSomething($0.value) }
        }
    }

    /// A short rendering of a value for messages.
    func shown(_ value: JSONValue) -> String {
        switch value.content {
        case .string:
            let one = StoredText.singleLine(text.string(of: value)!)
            return "'\(one.count > 60 ? String(one.prefix(60)) + "…" : one)'"
        case .number: return text.literal(of: value)!
        case .bool(let b): return b ? "true" : "false"
        case .array(let a): return "a list of \(a.count)"
        case .object: return "an object"
        case .null: return "null"
        }
    }
}
