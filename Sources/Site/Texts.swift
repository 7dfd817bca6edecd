import Catalogue
import Review

/// Vietnamese wording the pages share.
enum Texts {
    static func action(_ action: DecisionItem.Action) -> String {
        switch action {
        case .new: "Ban hành mới"
        case .amended: "Sửa đổi, bổ sung"
        case .replaced: "Thay thế"
        case .abolished: "Bãi bỏ"
        }
    }

    /// "Nhẹ hơn cho người dân" etc., as a badge says it.
    static func direction(_ direction: Direction) -> String {
        switch direction {
        case .lighter: "Nhẹ hơn"
        case .heavier: "Nặng hơn"
        case .neutral: "Thay đổi"
        }
    }

    /// "Trực tiếp: 05 ngày làm việc".
    static func time(_ time: ProcessingTime) -> String {
        let main = time.vietnamese
        guard !time.stages.isEmpty else { return main }
        let stages = time.stages.map { stage -> String in
            var t = stage.name
            if let v = stage.value { t += ": \(v.vietnamese)" }
            if let u = stage.unit { t += " \(u.vietnamese.lowercased())" }
            return t
        }
        return main.isEmpty ? stages.joined(separator: "; ") : "\(main) (\(stages.joined(separator: "; ")))"
    }

    /// A URL safe to put in `href`: only http and https; anything else (`javascript:`, `data:`) is
    /// shown as text instead.
    static func safeURL(_ text: String?) -> String? {
        guard let text = text?.trimmingWhitespace, !text.isEmpty else { return nil }
        let lower = text.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return nil }
        guard !text.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" }) else { return nil }
        return text
    }

    /// Counts as pages print them: "01 bản chính".
    static func count(_ n: Int, _ noun: String) -> String {
        "\(n < 10 ? "0\(n)" : "\(n)") \(noun)"
    }

    /// "1.234" with Vietnamese thousands dots.
    static func number(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(".") }
            out.append(c)
        }
        return out
    }
}

extension String {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return String(s)
    }

    /// Nil for an empty or blank string, so the key is left out of a view.
    var nonBlank: String? {
        trimmingWhitespace.isEmpty ? nil : self
    }
}
