import Catalogue
import Formats

/// Splits the one text blob portals hold for the steps ("Bước 1: … Bước 2: …") into steps.
///
/// A marker counts only where a step can start — at the start of the text or of a line (after an
/// optional bullet), or after the end of a sentence — and only in sequence (1, 2, 3 …), so "theo
/// Bước 2 nêu trên" inside a step never splits it. Without markers, a text whose every line is a
/// bullet of the same kind is one step per bullet; any other text is one step.
enum StepSplitter {
    static func split(_ text: String) -> [Step] {
        split(prose: StoredText.prose(text))
    }

    /// Splits text already in stored prose form.
    static func split(prose: String) -> [Step] {
        guard !prose.isEmpty else { return [] }
        // On the UTF-8 bytes: every marker character is ASCII or one scalar of a few bytes, and
        // decoding the text into scalars (an array of four bytes each) cost more than the search.
        let bytes = Array(prose.utf8)
        return bytes.withUnsafeBufferPointer { c -> [Step] in
            let markers = findMarkers(c)
            guard !markers.isEmpty else { return bulletSteps(prose) ?? [Step(text: prose)] }
            var steps: [Step] = []
            let preamble = StoredText.prose(utf8: UnsafeBufferPointer(rebasing: c[0..<markers[0].start]))
            let cleanedPreamble = PortalText.stripBullet(preamble)
            if !cleanedPreamble.isEmpty { steps.append(Step(text: cleanedPreamble)) }
            for (k, marker) in markers.enumerated() {
                let end = k + 1 < markers.count ? markers[k + 1].start : c.count
                var body = StoredText.prose(utf8: UnsafeBufferPointer(rebasing: c[marker.bodyStart..<end]))
                // A bullet left at the end belongs to the next marker ("…\n- Bước 2").
                while let last = body.last, PortalText.bullets.contains(last) {
                    body = StoredText.prose(String(body.dropLast()))
                }
                steps.append(step(number: marker.number, body: body))
            }
            return steps
        }
    }

    /// "Bước 2: Nộp hồ sơ\n* …" has a short first line: it is the step's title.
    private static func step(number: Int, body: String) -> Step {
        let label = "Bước \(number)"
        guard !body.isEmpty else { return Step(text: label) }
        var body = body
        // Line breaks found on bytes: prose has no "\r", so a "\n" byte is a line break Character.
        let titled = body.withUTF8 { p -> Step? in
            let n = p.count
            // The first line, and the rest after its line break (as `split(separator: "\n",
            // maxSplits: 1)` cuts them: empty lines before the first are passed over).
            var start = 0
            while start < n, p[start] == 0x0A { start += 1 }
            var end = start
            while end < n, p[end] != 0x0A { end += 1 }
            guard end + 1 < n else { return nil }
            let line = UnsafeBufferPointer(rebasing: p[start..<end])
            let rest = UnsafeBufferPointer(rebasing: p[(end + 1)..<n])
            // At most 100 Characters (surely so within 100 bytes), not ending in ".;:," — a byte of
            // these after an ASCII byte is a Character of its own.
            guard line.count <= 100 || Substring(decoding: line, as: UTF8.self).prefix(101).count <= 100 else { return nil }
            let last = line[line.count - 1]
            if line.count == 1 || line[line.count - 2] < 0x80 {
                if last == UInt8(ascii: ".") || last == UInt8(ascii: ";") || last == UInt8(ascii: ":") || last == UInt8(ascii: ",") { return nil }
            } else if let c = Substring(decoding: line, as: UTF8.self).last, ".;:,".contains(c) {
                return nil
            }
            return Step(title: "\(label): \(String(decoding: line, as: UTF8.self))", text: StoredText.prose(utf8: rest))
        }
        return titled ?? Step(title: label, text: body)
    }

    /// Byte offsets into the prose's UTF-8.
    private struct Marker {
        var start: Int
        var bodyStart: Int
        var number: Int
    }

    /// The length of a bullet (one of `PortalText.bullets`) whose last byte is at `k`, or 0.
    private static func bullet(endingAt k: Int, _ c: UnsafeBufferPointer<UInt8>) -> Int {
        switch c[k] {
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "*"): return 1
        case 0xB7: return k >= 1 && c[k - 1] == 0xC2 ? 2 : 0  // ·
        default:
            guard k >= 2, c[k - 2] == 0xE2 else { return 0 }
            switch (c[k - 1], c[k]) {
            case (0x80, 0xA2), (0x80, 0x93), (0x80, 0x94), (0x97, 0x8F), (0x96, 0xAA), (0x97, 0xA6): return 3  // • – — ● ▪ ◦
            default: return 0
            }
        }
    }

    /// Steps back from `k` over spaces and bullets; returns the last byte before them (-1 at the start).
    private static func skipBack(_ k: Int, _ c: UnsafeBufferPointer<UInt8>) -> Int {
        var k = k
        while k >= 0 {
            if c[k] == 0x20 {
                k -= 1
            } else {
                let n = bullet(endingAt: k, c)
                guard n > 0 else { break }
                k -= n
            }
        }
        return k
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// "Bước", "bước", "BƯỚC" and mixes: b/B, ư/Ư (C6 B0 / C6 AF), ớ/Ớ (E1 BB 9B / 9A), c/C.
    private static func isWord(_ c: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        i + 7 <= c.count && c[i] | 0x20 == UInt8(ascii: "b") && c[i + 1] == 0xC6 && (c[i + 2] == 0xB0 || c[i + 2] == 0xAF)
            && c[i + 3] == 0xE1 && c[i + 4] == 0xBB && (c[i + 5] == 0x9B || c[i + 5] == 0x9A) && c[i + 6] | 0x20 == UInt8(ascii: "c")
    }

    private static func findMarkers(_ c: UnsafeBufferPointer<UInt8>) -> [Marker] {
        var markers: [Marker] = []
        var expected = 1
        var i = 0
        let n = c.count
        while i < n {
            guard c[i] | 0x20 == UInt8(ascii: "b"), isWord(c, i) else {
                i += 1
                continue
            }
            var j = i + 7
            while j < n, c[j] == 0x20 { j += 1 }
            var number = 0, digits = 0
            while j < n, isDigit(c[j]), digits < 3 {
                number = number * 10 + Int(c[j] - 0x30)
                digits += 1
                j += 1
            }
            guard digits > 0, number == expected else {
                i += 1
                continue
            }
            while j < n, c[j] == 0x20 { j += 1 }
            // ":", ".", ")", "-" or "–" (E2 80 93).
            var after = 0
            if j < n {
                switch c[j] {
                case UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: ")"), UInt8(ascii: "-"): after = 1
                case 0xE2 where j + 2 < n && c[j + 1] == 0x80 && c[j + 2] == 0x93: after = 3
                default: break
                }
            }
            guard after > 0, atStepBoundary(c, i) else {
                i += 1
                continue
            }
            // Start the marker at its bullet, if any, so the bullet does not trail the previous step.
            let start = skipBack(i - 1, c) + 1
            markers.append(Marker(start: start, bodyStart: j + after, number: number))
            expected += 1
            i = j + after
        }
        return markers
    }

    /// The start of the text or of a line (after bullets and spaces), or after ". ", "; " or ": ".
    private static func atStepBoundary(_ c: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let k = skipBack(i - 1, c)
        if k < 0 || c[k] == 0x0A { return true }
        return (c[k] == UInt8(ascii: ".") || c[k] == UInt8(ascii: ";") || c[k] == UInt8(ascii: ":")) && k < i - 1
    }

    /// One step per bullet when every line starts with one; lines with another bullet (sub-points)
    /// stay with the step above.
    private static func bulletSteps(_ prose: String) -> [Step]? {
        let lines = prose.utf8.split(separator: 0x0A).map { String(Substring($0)) }.filter { !$0.isEmpty }
        guard lines.count >= 2, let top = lines[0].first, PortalText.bullets.contains(top) else { return nil }
        var steps: [[String]] = []
        for line in lines {
            guard let first = line.first, PortalText.bullets.contains(first) else { return nil }
            if first == top {
                steps.append([PortalText.stripBullet(line)])
            } else {
                steps[steps.count - 1].append(line)
            }
        }
        guard steps.count >= 2 else { return nil }
        return steps.map { Step(text: StoredText.prose($0.joined(separator: "\n"))) }
    }
}
