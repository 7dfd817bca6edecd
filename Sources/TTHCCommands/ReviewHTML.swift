import Catalogue
import Foundation

/// The HTML report for the review meeting: one standalone page (no outside files, so it can be
/// mailed or printed), Vietnamese, every text escaped, totals first and then each procedure.
enum ReviewHTML {
    static func escape(_ s: String) -> String { MarkupText.escape(s) }

    static let style = """
        body{font-family:"Noto Serif","Times New Roman",serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#111;line-height:1.45}
        h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #999}h3{font-size:1rem}
        table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border:1px solid #999;padding:.25rem .4rem;vertical-align:top;text-align:left}
        th{background:#eee}td.n,th.n{text-align:right;white-space:nowrap}.notice{background:#fff3cd;border:1px solid #e0b000;padding:.5rem}
        .rule{font-family:monospace;white-space:nowrap}.muted{color:#555}section.procedure{break-inside:avoid-page}
        @media print{body{margin:0;max-width:none;font-size:11pt}h2{break-after:avoid}section.procedure{break-inside:avoid}a{color:inherit;text-decoration:none}.notice{border:1px solid #000}}
        @page{size:A4;margin:15mm}
        """

    static func page(title: String, notice: String?, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        \(notice.map { "<p class=\"notice\">\(escape($0))</p>\n" } ?? "")\(body)
        </body>
        </html>

        """
    }

    static func money(_ amount: Int?) -> String {
        amount.map { escape(Money.vietnamese(Double($0))) } ?? "<span class=\"muted\">chưa có số lượng hồ sơ</span>"
    }

    /// The page around the procedures' sections: its head (title, totals) and its end.
    static func frame(_ d: ReviewDocument, notice: String?) -> (head: String, end: String) {
        let date = LocalDate(iso: d.date)?.vietnamese ?? d.date
        let s = d.summary
        var b = "<h1>Báo cáo rà soát, đơn giản hóa thủ tục hành chính</h1>\n"
        b += "<p>Danh mục thủ tục hành chính có hiệu lực ngày \(escape(date)).</p>\n"
        b += "<h2>Tổng hợp</h2>\n<table>\n"
        b += "<tr><th>Số thủ tục được rà soát</th><td class=\"n\">\(s.procedures)</td></tr>\n"
        b += "<tr><th>Số thủ tục có đề xuất</th><td class=\"n\">\(s.proceduresWithFindings)</td></tr>\n"
        b += "<tr><th>Tổng số phát hiện</th><td class=\"n\">\(s.findings)</td></tr>\n"
        b += "<tr><th>Chi phí tuân thủ hằng năm trước đơn giản hóa</th><td class=\"n\">\(money(s.annualCostBefore))</td></tr>\n"
        b += "<tr><th>Chi phí tuân thủ hằng năm sau đơn giản hóa</th><td class=\"n\">\(money(s.annualCostAfter))</td></tr>\n"
        b += "<tr><th>Chi phí tiết kiệm hằng năm</th><td class=\"n\">\(money(s.annualSaving))</td></tr>\n"
        b += "<tr><th>Tỷ lệ cắt giảm</th><td class=\"n\">\(escape(Money.rate(s.reductionRate)))</td></tr>\n"
        b += "</table>\n"
        b += "<h3>Phát hiện theo tiêu chí</h3>\n<table>\n<tr><th>Mã tiêu chí</th><th>Nội dung</th><th class=\"n\">Số phát hiện</th></tr>\n"
        for r in s.byRule {
            b += "<tr><td class=\"rule\">\(escape(r.rule))</td><td>\(escape(r.title))</td><td class=\"n\">\(r.count)</td></tr>\n"
        }
        b += "</table>\n"
        if !s.missingVolumes.isEmpty {
            b += "<p>Chưa có số lượng hồ sơ hằng năm, không tính chi phí năm (\(s.missingVolumes.count) thủ tục): \(escape(s.missingVolumes.joined(separator: ", ")))</p>\n"
        }
        b += "<h2>Chi tiết theo thủ tục</h2>\n"
        // The sections go where this mark is; the page is cut there.
        let mark = "\u{0}sections\u{0}"
        let whole = page(title: "Báo cáo rà soát, đơn giản hóa thủ tục hành chính — \(date)", notice: notice, body: b + mark)
        let cut = whole.range(of: mark)!
        return (String(whole[..<cut.lowerBound]), String(whole[cut.upperBound...]))
    }

    /// One procedure's section: its costs and a table of its findings.
    static func section(_ p: ReviewDocument.ProcedureEntry) -> String {
        var b = "<section class=\"procedure\" id=\"\(escape(p.key))\">\n"
        b += "<h3>\(escape(p.code)) — \(escape(p.name))</h3>\n"
        let volume = p.annualVolume.map { "\(Money.grouped($0)) hồ sơ/năm" } ?? "chưa có số lượng hồ sơ/năm"
        b += "<p>Chi phí một hồ sơ: \(money(p.cost.perInstanceBefore)) → \(money(p.cost.perInstanceAfter)) (\(escape(Money.rate(p.cost.reductionRate)))); \(escape(volume)); chi phí hằng năm: \(money(p.cost.annualBefore)) → \(money(p.cost.annualAfter)).</p>\n"
        b += "<table>\n<tr><th>Tiêu chí</th><th>Nội dung rà soát</th><th>Lý do, căn cứ</th><th>Phương án</th><th class=\"n\">Chi phí/hồ sơ</th></tr>\n"
        for f in p.findings {
            var why = escape(f.reason)
            if let db = f.database { why += "<br>Cơ sở dữ liệu: \(escape(db.database)) (\(escape(db.ministry)))" }
            if let o = f.overlap {
                why += "<br>Mức trùng: \(Int((o.score * 100).rounded())) %; thành phần chung: \(escape(o.shared.joined(separator: "; ")))"
            }
            why += "<br><span class=\"muted\">Căn cứ: \(escape(f.legalGround))</span>"
            let cost = f.automatic
                ? (f.cost.map { "\(money($0.perInstanceBefore)) → \(money($0.perInstanceAfter))<br>\(escape(Money.rate($0.reductionRate)))" } ?? "")
                : "<span class=\"muted\">chưa lượng hóa</span>"
            b += "<tr><td class=\"rule\">\(escape(f.rule))</td><td>\(escape(f.location)):<br>«\(escape(f.subject))»</td><td>\(why)</td><td>\(escape(f.proposal))\(f.accepted ? "" : " <span class=\"muted\">(chưa chấp nhận)</span>")</td><td class=\"n\">\(cost)</td></tr>\n"
        }
        b += "</table>\n</section>\n"
        return b
    }
}

/// The findings as CSV, one row a finding, for spreadsheets.
enum ReviewCSV {
    static let header = [
        "code", "name", "rule", "location", "subject", "reason", "legal_ground", "proposal", "automatic", "accepted",
        "cost_before", "cost_after", "saving", "reduction_rate", "annual_saving", "database", "ministry", "overlap_score",
    ]

    /// One procedure's rows.
    static func rows(_ p: ReviewDocument.ProcedureEntry) -> String {
        var out = ""
        for f in p.findings {
            out += CSV.row([
                p.code, p.name, f.rule, f.location, f.subject, f.reason, f.legalGround, f.proposal,
                f.automatic ? "yes" : "no", f.accepted ? "yes" : "no",
                f.cost.map { String($0.perInstanceBefore) } ?? "", f.cost.map { String($0.perInstanceAfter) } ?? "",
                f.cost.map { String($0.perInstanceSaving) } ?? "", f.cost.map { String($0.reductionRate) } ?? "",
                f.cost?.annualSaving.map(String.init) ?? "", f.database?.database ?? "", f.database?.ministry ?? "",
                f.overlap.map { String($0.score) } ?? "",
            ])
        }
        return out
    }
}

/// The register of Resolution 66.7/2025/NQ-CP's appendix: papers replaced by data the state holds,
/// with the columns the resolution prints — code | procedure | dossier item to replace (or cut) |
/// database | owning ministry | legal text | article, clause, form.
enum DatabaseRegister {
    struct Row: Sendable {
        var code: String
        var procedure: String
        var item: String
        var database: String
        var ministry: String
        var legal: String
        var article: String
    }

    static let headings = [
        "STT", "Mã thủ tục hành chính", "Tên thủ tục hành chính", "Thành phần hồ sơ thay thế (cắt giảm)",
        "Cơ sở dữ liệu khai thác", "Bộ, ngành quản lý cơ sở dữ liệu", "Văn bản quy định thành phần hồ sơ",
        "Điều, khoản, mẫu",
    ]

    /// One procedure's papers a database replaces.
    static func rows(_ p: ReviewDocument.ProcedureEntry) -> [Row] {
        p.findings.compactMap { f -> Row? in
            guard f.rule == "database" || f.rule == "household-book", let db = f.database else { return nil }
            return Row(code: p.code, procedure: p.name, item: f.subject, database: db.database, ministry: db.ministry,
                       legal: db.procedureBasis ?? "", article: db.article ?? "")
        }
    }

    static func csv(_ rows: [Row]) -> String {
        var out = CSV.row(headings)
        for (n, r) in rows.enumerated() {
            out += CSV.row([String(n + 1), r.code, r.procedure, r.item, r.database, r.ministry, r.legal, r.article])
        }
        return out
    }

    static func html(_ rows: [Row], date: String, notice: String?) -> String {
        let esc = ReviewHTML.escape
        var b = "<h1>Danh mục thành phần hồ sơ được thay thế bằng khai thác dữ liệu</h1>\n"
        b += "<p>Theo Nghị quyết số 66.7/2025/NQ-CP; danh mục thủ tục hành chính có hiệu lực ngày \(esc(LocalDate(iso: date)?.vietnamese ?? date)).</p>\n"
        b += "<table>\n<tr>" + headings.map { "<th>\(esc($0))</th>" }.joined() + "</tr>\n"
        for (n, r) in rows.enumerated() {
            b += "<tr><td class=\"n\">\(n + 1)</td>" + [r.code, r.procedure, r.item, r.database, r.ministry, r.legal, r.article]
                .map { "<td>\(esc($0))</td>" }.joined() + "</tr>\n"
        }
        b += "</table>\n"
        return ReviewHTML.page(title: "Danh mục thành phần hồ sơ thay thế bằng dữ liệu (Nghị quyết 66.7/2025/NQ-CP)", notice: notice, body: b)
    }
}
