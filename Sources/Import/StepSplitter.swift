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
        let prose = StoredText.prose(text)
        guard !prose.isEmpty else { return [] }
        // Unicode scalars, not Characters: every marker character is one scalar in NFC text, and
        // scalars need no grapheme breaking.
        let chars = Array(prose.unicodeScalars)
        let markers = findMarkers(chars)
        if !markers.isEmpty {
            var steps: [Step] = []
            let preamble = StoredText.prose(string(chars[0..<markers[0].start]))
            let cleanedPreamble = PortalText.stripBullet(preamble)
            if !cleanedPreamble.isEmpty { steps.append(Step(text: cleanedPreamble)) }
            for (k, marker) in markers.enumerated() {
                let end = k + 1 < markers.count ? markers[k + 1].start : chars.count
                var body = StoredText.prose(string(chars[marker.bodyStart..<end]))
                // A bullet left at the end belongs to the next marker ("…\n- Bước 2").
                while let last = body.last, PortalText.bullets.contains(last) {
                    body = StoredText.prose(String(body.dropLast()))
                }
                steps.append(step(number: marker.number, body: body))
            }
            return steps
        }
        return bulletSteps(prose) ?? [Step(text: prose)]
    }

    /// "Bước 2: Nộp hồ sơ\n* …" has a short first line: it is the step's title.
    private static func step(number: Int, body: String) -> Step {
        let label = "Bước \(number)"
        guard !body.isEmpty else { return Step(text: label) }
        // Line breaks found on bytes: prose has no "\r", so a "\n" byte is a line break Character.
        let lines = body.utf8.split(separator: 0x0A, maxSplits: 1, omittingEmptySubsequences: true).map { Substring($0) }
        if lines.count == 2, lines[0].prefix(101).count <= 100, let last = lines[0].last, !".;:,".contains(last) {
            return Step(title: "\(label): \(lines[0])", text: StoredText.prose(String(lines[1])))
        }
        return Step(title: label, text: body)
    }

    private struct Marker {
        var start: Int
        var bodyStart: Int
        var number: Int
    }

    /// Encoded byte by byte: appending scalars to a `String.UnicodeScalarView` one at a time costs
    /// hundreds of instructions a scalar (a tenth of the import's CPU, measured with callgrind).
    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * 2)
        for s in scalars { UTF8.encode(s) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let word: [(Unicode.Scalar, Unicode.Scalar)] = [("b", "B"), ("ư", "Ư"), ("ớ", "Ớ"), ("c", "C")]
    private static let bulletScalars: Set<Unicode.Scalar> = Set(PortalText.bullets.flatMap(\.unicodeScalars))
    private static let afterNumber: Set<Unicode.Scalar> = [":", ".", ")", "-", "–"]

    private static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    private static func findMarkers(_ c: [Unicode.Scalar]) -> [Marker] {
        var markers: [Marker] = []
        var expected = 1
        var i = 0
        while i + 4 < c.count {
            guard (0..<4).allSatisfy({ c[i + $0] == word[$0].0 || c[i + $0] == word[$0].1 }) else {
                i += 1
                continue
            }
            var j = i + 4
            while j < c.count, c[j] == " " { j += 1 }
            var number = 0, digits = 0
            while j < c.count, isDigit(c[j]), digits < 3 {
                number = number * 10 + Int(c[j].value - 0x30)
                digits += 1
                j += 1
            }
            guard digits > 0, number == expected else {
                i += 1
                continue
            }
            while j < c.count, c[j] == " " { j += 1 }
            guard j < c.count, afterNumber.contains(c[j]), atStepBoundary(c, i) else {
                i += 1
                continue
            }
            // Start the marker at its bullet, if any, so the bullet does not trail the previous step.
            var start = i
            while start > 0, c[start - 1] == " " || bulletScalars.contains(c[start - 1]) { start -= 1 }
            markers.append(Marker(start: start, bodyStart: j + 1, number: number))
            expected += 1
            i = j + 1
        }
        return markers
    }

    /// The start of the text or of a line (after bullets and spaces), or after ". ", "; " or ": ".
    private static func atStepBoundary(_ c: [Unicode.Scalar], _ i: Int) -> Bool {
        var k = i - 1
        while k >= 0, c[k] == " " || bulletScalars.contains(c[k]) { k -= 1 }
        if k < 0 || c[k] == "\n" { return true }
        return (c[k] == "." || c[k] == ";" || c[k] == ":") && k < i - 1
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
