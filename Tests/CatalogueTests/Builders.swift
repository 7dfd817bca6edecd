import Catalogue
import Foundation

/// Small builders so each test states only what it is about.
func date(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

func procedure(_ code: String?, _ name: String, days: Int = 5, fee: Int = 0) -> Procedure {
    Procedure(
        code: code.map(ProcedureCode.init), name: name, levels: [.commune], fields: [Field(name: "Hộ tịch")],
        channels: [Channel(method: .inPerson, time: ProcessingTime(value: DecimalNumber(integerLiteral: days), unit: .workingDays),
                           fees: [Fee(amount: DecimalNumber(integerLiteral: fee))])],
        dossier: Dossier(cases: [DossierCase(items: [DossierItem(name: "Tờ khai")])], sets: 1))
}

func decision(
    _ number: String, signed: String, effective: String? = nil, _ items: [DecisionItem]
) -> Decision {
    Decision(
        number: number, signedOn: date(signed), authority: "ỦY BAN NHÂN DÂN TỈNH MẪU",
        title: "Công bố danh mục thủ tục hành chính", effectiveOn: effective.map(date), items: items)
}

func sourced(_ d: Decision, file: String? = nil) -> SourcedDecision {
    let f = file ?? "decisions/\(d.number.replacingOccurrences(of: "/", with: "-")).xml"
    return SourcedDecision(
        decision: d, location: SourceLocation(file: f, line: 2, column: 1),
        itemLocations: d.items.indices.map { SourceLocation(file: f, line: 10 + $0 * 10, column: 5) })
}

func new(_ p: Procedure, effective: String? = nil) -> DecisionItem {
    DecisionItem(action: .new, effectiveOn: effective.map(date), procedure: p)
}

func amend(_ p: Procedure, parts: [Part], effective: String? = nil) -> DecisionItem {
    DecisionItem(action: .amended, effectiveOn: effective.map(date), changedParts: parts, procedure: p)
}

func abolish(_ code: String, effective: String? = nil) -> DecisionItem {
    DecisionItem(action: .abolished, code: ProcedureCode(code), effectiveOn: effective.map(date), basis: "Thông tư 01/2026/TT-BTP")
}

func replace(_ old: [String], with p: Procedure) -> DecisionItem {
    DecisionItem(action: .replaced, replaces: old.map(ProcedureCode.init), procedure: p)
}

func replay(_ decisions: [Decision]) -> Replay.Result {
    Replay.run(decisions.map { sourced($0) })
}

