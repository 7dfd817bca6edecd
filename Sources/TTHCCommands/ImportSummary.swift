import Catalogue
import Import

/// What the import did, record by record, as the officer reads it.
struct ImportSummary {
    var plan: DraftPlan
    var files: Int
    var warnings: Int
    var output: String

    var text: String {
        var lines: [String] = []
        let new = plan.count { $0 == .new }
        let amended = plan.count { if case .amended = $0 { true } else { false } }
        let unchanged = plan.count { $0 == .unchanged }
        let abolished = plan.count { $0 == .abolished }
        let skipped = plan.count { if case .skipped = $0 { true } else { false } }
        lines.append("Nhập từ Cổng Dịch vụ công quốc gia: \(files) tệp → dự thảo \(plan.decision.number) (\(output)).")
        lines.append("  Mới: \(new); sửa đổi, bổ sung: \(amended); không thay đổi: \(unchanged); bỏ qua: \(skipped); đề nghị bãi bỏ: \(abolished); cảnh báo: \(warnings).")
        for row in plan.rows {
            let label: String
            switch row.outcome {
            case .new: label = "mới"
            case .amended(let parts): label = "sửa đổi: " + parts.map(\.vietnamese).joined(separator: "; ")
            case .unchanged: label = "không thay đổi, không đưa vào dự thảo"
            case .abolished: label = "đề nghị bãi bỏ (không có trong dữ liệu nhập)"
            case .skipped(let reason): label = "bỏ qua: \(reason)"
            }
            lines.append("  \(row.code) \(row.name) — \(label)")
        }
        return lines.joined(separator: "\n")
    }
}
