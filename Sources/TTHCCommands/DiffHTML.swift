import Catalogue
import Review

/// `tthc diff --format html`: one standalone page a reviewer opens offline and prints.
///
/// No script, font, image or style sheet is fetched: everything is in the page. The summary table
/// comes first, then one section per procedure. Redlines are inline `<ins>`/`<del>`; a checkbox
/// (plain CSS, no JavaScript) switches to a side-by-side view of old and new. Meaning never rests on
/// colour alone: insertions are underlined, deletions struck through, and every direction is an arrow
/// with words ("↓ nhẹ hơn"), so the page reads the same in black and white and on paper.
struct DiffHTML {
    var report: DiffReport

    var html: String {
        var h = """
            <!DOCTYPE html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="tthc diff">
            <title>So sánh thủ tục hành chính: \(e(report.old)) → \(e(report.new))</title>
            <style>\(Self.css)</style>
            </head>
            <body>
            <input type="checkbox" id="song-song" class="toggle">
            <header>
            <h1>So sánh thủ tục hành chính</h1>
            <p class="sides"><span>Bản cũ: <code>\(e(report.old))</code></span> <span>Bản mới: <code>\(e(report.new))</code></span></p>

            """
        if report.sample { h += "<p class=\"sample\" role=\"note\">⚠ \(e(Province.sampleNotice))</p>\n" }
        h += """
            <p class="controls"><label for="song-song">Xem song song bản cũ và bản mới</label></p>
            <p class="legend">Cách đọc: <ins>chữ thêm vào</ins> được gạch chân, <del>chữ bỏ đi</del> bị gạch ngang; \
            <span class="dir lighter">↓ nhẹ hơn</span>, <span class="dir heavier">↑ nặng hơn</span>, \
            <span class="dir neutral">· trung tính</span> cho người dân; câu chỉ đổi chỗ ghi \
            <span class="tag">↷ chuyển đi</span> / <span class="tag">↷ chuyển đến</span>.</p>
            </header>
            <main>

            """
        h += summary()
        if !report.header.isEmpty { h += header() }
        for p in report.procedures where p.status != "unchanged" { h += section(p) }
        h += "</main>\n</body>\n</html>\n"
        return h
    }

    // MARK: Parts of the page

    func summary() -> String {
        let s = report.summary
        let changed = report.procedures.filter { $0.status != "unchanged" }
        var h = "<section id=\"tom-tat\" aria-labelledby=\"tom-tat-h\">\n<h2 id=\"tom-tat-h\">Tóm tắt</h2>\n"
        if changed.isEmpty && report.header.isEmpty {
            return h + "<p class=\"none\">Không có thay đổi (\(s.procedures) thủ tục).</p>\n</section>\n"
        }
        h += "<p>\(changed.count)/\(s.procedures) thủ tục thay đổi: \(s.lighter) thay đổi nhẹ hơn, \(s.heavier) nặng hơn, \(s.neutral) trung tính cho người dân.</p>\n"
        guard !changed.isEmpty else { return h + "</section>\n" }
        h += """
            <table class="summary">
            <thead><tr><th scope="col">Mã</th><th scope="col">Thủ tục</th><th scope="col">Tình trạng</th>\
            <th scope="col" class="n">↓ nhẹ hơn</th><th scope="col" class="n">↑ nặng hơn</th><th scope="col" class="n">· trung tính</th></tr></thead>
            <tbody>

            """
        for p in changed {
            let match = p.match.map { "<br><small class=\"match\">(\(e($0.vietnamese)))</small>" } ?? ""
            h += "<tr><td><a href=\"#\(anchor(p))\">\(e(p.shownCode))</a></td><td>\(e(p.name))\(match)</td>"
                + "<td>\(e(report.status(p)))</td><td class=\"n\">\(p.lighter)</td><td class=\"n\">\(p.heavier)</td><td class=\"n\">\(p.neutral)</td></tr>\n"
        }
        h += "</tbody>\n<tfoot><tr><th scope=\"row\" colspan=\"3\">Cộng</th><td class=\"n\">\(s.lighter)</td><td class=\"n\">\(s.heavier)</td><td class=\"n\">\(s.neutral)</td></tr></tfoot>\n</table>\n</section>\n"
        return h
    }

    func header() -> String {
        var h = "<section id=\"quyet-dinh\">\n<h2>Quyết định</h2>\n<ul class=\"changes\">\n"
        for c in report.header {
            h += "<li class=\"change\">\(e(c.summary))" + detail(words: c.words, old: c.old, new: c.new) + "</li>\n"
        }
        return h + "</ul>\n</section>\n"
    }

    func section(_ p: DiffReport.Procedure) -> String {
        var h = "<section class=\"procedure\" id=\"\(anchor(p))\">\n<h2><span class=\"code\">\(e(p.shownCode))</span> \(e(p.name))</h2>\n"
        h += "<p class=\"status\">\(e(report.headline(p)))</p>\n"
        if let match = p.match { h += "<p class=\"match\" role=\"note\">\(e(match.vietnamese))</p>\n" }
        for line in p.parts?.vietnamese ?? [] { h += "<p class=\"warning\" role=\"note\">⚠ \(e(line))</p>\n" }
        if p.actionChanged, let a = p.oldAction, let b = p.newAction {
            h += "<p>Hình thức công bố: \(e(a.vietnamese)) → \(e(b.vietnamese))</p>\n"
        }
        var part: Part?
        for change in p.changes {
            if change.part != part {
                if part != nil { h += "</ul>\n" }
                part = change.part
                h += "<h3>\(e(change.part.vietnamese))</h3>\n<ul class=\"changes\">\n"
            }
            h += "<li class=\"change \(change.direction.rawValue)\">\(direction(change.direction)) \(e(change.summary))"
                + detail(words: change.words, old: change.old, new: change.new) + "</li>\n"
        }
        if part != nil { h += "</ul>\n" }
        return h + "</section>\n"
    }

    func direction(_ d: Direction) -> String {
        "<span class=\"dir \(d.rawValue)\">\(DiffReport.marker(d)) \(e(d.vietnamese))</span>"
    }

    /// The inline redline, and the side-by-side view the checkbox shows instead.
    func detail(words: [WordRun]?, old: String?, new: String?) -> String {
        if let words, words.contains(where: { $0.kind != .same }) {
            func mark(_ run: WordRun) -> String {
                switch run.kind {
                case .same: e(run.text)
                case .deleted: "<del>\(e(run.text))</del>"
                case .inserted: "<ins>\(e(run.text))</ins>"
                case .movedFrom: "<del class=\"moved\"><span class=\"tag\">↷ chuyển đi:</span> \(e(run.text))</del>"
                case .movedTo: "<ins class=\"moved\"><span class=\"tag\">↷ chuyển đến:</span> \(e(run.text))</ins>"
                }
            }
            let inline = words.map(mark).joined(separator: " ")
            let oldSide = words.filter(\.kind.inOld).map(mark).joined(separator: " ")
            let newSide = words.filter(\.kind.inNew).map(mark).joined(separator: " ")
            return "\n<p class=\"redline inline\">\(inline)</p>\n" + sideBySide(oldSide, newSide)
        }
        guard old != nil || new != nil else { return "" }
        return "\n" + sideBySide(old.map { "<del>\(e($0))</del>" } ?? "", new.map { "<ins>\(e($0))</ins>" } ?? "")
    }

    func sideBySide(_ old: String, _ new: String) -> String {
        "<div class=\"sbs\"><div class=\"old\"><span class=\"label\">Bản cũ</span> \(old)</div>"
            + "<div class=\"new\"><span class=\"label\">Bản mới</span> \(new)</div></div>\n"
    }

    /// A fragment id from the key: letters and digits kept, everything else '-'.
    func anchor(_ p: DiffReport.Procedure) -> String {
        "tt-" + String(VietnameseText.searchKey(p.key).map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" })
    }

    /// Escapes text for HTML content and attribute values.
    func e(_ text: String) -> String { Self.escape(text) }

    static func escape(_ text: String) -> String { MarkupText.escape(text) }

    /// Colours pass WCAG AA on white (text 4.5:1 or better); underline and strike-through carry the
    /// meaning without them.
    static let css = """

        :root { color-scheme: light; }
        body { font: 16px/1.5 "Noto Sans", "Segoe UI", Arial, sans-serif; color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 60rem; padding: 1rem 1.5rem; }
        h1 { font-size: 1.6rem; margin: .5rem 0; }
        h2 { font-size: 1.25rem; border-bottom: 2px solid #1a1a1a; padding-bottom: .2rem; margin-top: 2rem; }
        h3 { font-size: 1.05rem; margin: 1rem 0 .3rem; }
        code { font-family: "Noto Sans Mono", monospace; font-size: .9em; word-break: break-all; }
        .sides span { display: inline-block; margin-right: 1.5rem; }
        .sample { border: 2px solid #8a4b00; color: #5c3200; padding: .4rem .6rem; font-weight: bold; }
        .legend { font-size: .9rem; }
        table.summary { border-collapse: collapse; width: 100%; font-size: .95rem; }
        table.summary th, table.summary td { border: 1px solid #6b6b6b; padding: .3rem .5rem; text-align: left; vertical-align: top; }
        table.summary thead th { background: #ececec; }
        table.summary .n { text-align: right; white-space: nowrap; }
        a { color: #0b4f8a; }
        ins { text-decoration: underline 2px; text-underline-offset: 2px; background: #dff3e4; color: #0f3d1c; }
        del { text-decoration: line-through 2px; background: #fbe3e3; color: #6b1010; }
        ins.moved, del.moved { background: #e6ecf7; color: #123a6b; text-decoration-style: dotted; }
        .tag { font-weight: bold; font-size: .85em; }
        .dir { font-weight: bold; white-space: nowrap; }
        .dir.lighter { color: #0f5c2a; }
        .dir.heavier { color: #8c1515; }
        .dir.neutral { color: #4a4a4a; }
        ul.changes { list-style: none; padding-left: 0; }
        li.change { margin: .35rem 0; padding: .3rem .5rem; border-left: 4px solid #9a9a9a; }
        li.change.lighter { border-left: 4px solid #1e7a3c; }
        li.change.heavier { border-left: 4px double #a61b1b; }
        .redline { margin: .25rem 0 0 1rem; }
        .match { font-style: italic; }
        .warning { border-left: 4px solid #8a4b00; padding-left: .5rem; }
        .status { font-weight: bold; }
        .toggle { position: absolute; left: -9999px; }
        .controls label { cursor: pointer; display: inline-block; border: 1px solid #1a1a1a; padding: .2rem .6rem; border-radius: .3rem; }
        .controls label::before { content: "☐ "; }
        #song-song:checked ~ header .controls label::before { content: "☑ "; }
        #song-song:focus-visible ~ header .controls label { outline: 3px solid #0b4f8a; outline-offset: 2px; }
        .sbs { display: none; }
        #song-song:checked ~ main .sbs { display: grid; grid-template-columns: 1fr 1fr; gap: .5rem; margin: .25rem 0 0 1rem; }
        #song-song:checked ~ main .inline { display: none; }
        .sbs > div { border: 1px solid #9a9a9a; padding: .3rem .5rem; }
        .sbs .label { display: block; font-size: .8rem; font-weight: bold; text-transform: uppercase; }
        @media print {
          body { max-width: none; padding: 0; font-size: 11pt; }
          .controls { display: none; }
          a { color: inherit; text-decoration: none; }
          section.procedure { break-before: auto; }
          h2, h3 { break-after: avoid; }
          li.change, tr { break-inside: avoid; }
          ins, del, .sample { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }

        """
}
