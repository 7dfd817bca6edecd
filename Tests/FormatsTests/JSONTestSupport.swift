import Catalogue
import Foundation
import Testing

@testable import Formats

/// Shared material for the JSON format tests: a decision with every part filled in, and paths.
enum JSONTestSupport {
    /// The repository root, found from this file's path.
    static let repository: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let fixtures = repository.appendingPathComponent("Tests/FormatsTests/Fixtures/json")
    static let schema = repository.appendingPathComponent("Sources/Formats/Schemas/tthc.schema.json")

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// Reads text, expecting it to fail; returns the diagnostics as printed.
    static func errors(_ text: String, file: String = "d.json") -> [String] {
        errors(bytes(text), file: file)
    }

    static func errors(_ bytes: [UInt8], file: String = "d.json") -> [String] {
        do {
            _ = try JSONFormat.read(bytes, file: file)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    static func decision(_ text: String, file: String = "d.json") throws -> SourcedDecision {
        let document = try JSONFormat.read(bytes(text), file: file)
        guard case .decision(let sourced) = document else {
            Issue.record("expected a decision, read \(document)")
            throw FormatError(.error("not a decision"))
        }
        return sourced
    }

    static func date(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }
    static func number(_ text: String) -> DecimalNumber { DecimalNumber(text)! }

    /// A procedure with every part, every optional value set and every default overridden somewhere,
    /// so a round trip exercises every key the format has. The wording is made up for the test.
    static let fullProcedure = Procedure(
        code: ProcedureCode("1.004222.000.00.00.H99"),
        name: "Đăng ký thường trú",
        levels: [.commune, .shared],
        fields: [Field(name: "Đăng ký, quản lý cư trú", code: "G13-CA01")],
        reception: [
            Reception(place: .communeCounter, communes: ["00001", "00004"], name: "Bộ phận Một cửa"),
            Reception(place: .provinceCentre),
        ],
        steps: [
            StepGroup(caseName: "Trường hợp nộp trực tiếp", steps: [
                Step(title: "Bước 1", text: "Chuẩn bị hồ sơ theo quy định."),
                Step(text: "Nộp hồ sơ tại Bộ phận Một cửa / Công an xã."),
            ]),
            StepGroup(steps: [Step(text: "Nhận kết quả.")]),
        ],
        channels: [
            Channel(
                method: .inPerson,
                time: ProcessingTime(
                    value: number("16.5"), unit: .workingDays, text: "16,5 ngày làm việc (sau cắt giảm)",
                    stages: [
                        ProcessingTime.Stage(name: "Công an xã", value: number("12.5"), unit: .workingDays),
                        ProcessingTime.Stage(name: "Bưu điện"),
                    ]),
                fees: [
                    Fee(kind: .fee, amount: 400000, currency: "VND", text: "Theo quy định", description: "Lệ phí đăng ký",
                        exemptions: ["Người có công với cách mạng", "Hộ nghèo"]),
                    Fee(kind: .charge, amount: number("0.5")),
                ],
                description: "Nộp tại \"Bộ phận Một cửa\" trụ sở\\xã\nhoặc bưu cục"),
            Channel(method: .online, time: ProcessingTime(unit: .sameDay), fees: [Fee(kind: .fee, amount: 0)]),
            Channel(method: .postal, time: ProcessingTime(value: 3, unit: .months)),
        ],
        dossier: Dossier(
            cases: [
                DossierCase(name: "Trường hợp chung", items: [
                    DossierItem(name: "Tờ khai thay đổi thông tin cư trú", code: "TK01", form: "Mẫu CT01",
                                originals: 2, copies: 1, required: false, presentation: .show, note: "Ký tên"),
                    DossierItem(name: "Giấy tờ chứng minh chỗ ở hợp pháp"),
                ]),
                DossierCase(items: [DossierItem(name: "Bản sao giấy tờ", originals: 0, copies: 3)]),
            ],
            sets: 1),
        subjects: ["Công dân Việt Nam", "Người nước ngoài"],
        agencies: [
            Agency(role: .performing, name: "Công an xã"),
            Agency(role: .competent, name: "Công an tỉnh"),
            Agency(role: .authorised, name: "Trung tâm"),
            Agency(role: .coordinating, name: "Sở Tư pháp"),
        ],
        results: [Outcome(name: "Thông báo kết quả", code: "KQ01"), Outcome(name: "Xác nhận")],
        forms: [Form(name: "Tờ khai thay đổi thông tin cư trú", code: "CT01", source: "Thông tư 66/2023/TT-BCA",
                     file: "https://example.invalid/forms/ct01.pdf")],
        requirements: [Requirement(text: "Có chỗ ở hợp pháp", basis: "Luật Cư trú 2020, Điều 20"), Requirement(text: "Khác")],
        legalBases: [LegalBasis(number: "68/2020/QH14", title: "Luật Cư trú", article: "Điều 20", issuedOn: date("2020-11-13"))],
        online: OnlineService(level: .full, codes: ["1.004222.01", "1.004222.02"], url: "https://dichvucong.example.invalid/ct01"),
        type: .linked,
        annualVolume: 1200,
        keywords: ["thường trú", "cư trú"],
        notes: "Ghi chú: 1/2 số trường hợp")

    static let fullDecision = Decision(
        number: "12/QĐ-UBND",
        signedOn: date("2026-03-15"),
        place: "Thành phố Mẫu",
        authority: "ỦY BAN NHÂN DÂN TỈNH MẪU",
        signer: Decision.Signer(name: "Nguyễn Văn A", onBehalfOf: "KT. CHỦ TỊCH", title: "PHÓ CHỦ TỊCH"),
        title: "Về việc công bố danh mục thủ tục hành chính",
        effectiveOn: date("2026-04-01"),
        legalBases: [
            LegalBasis(number: "63/2010/NĐ-CP", title: "Nghị định về kiểm soát thủ tục hành chính", article: "Điều 15",
                       issuedOn: date("2010-06-08")),
            LegalBasis(number: "2972/QĐ-BNN-CN"),
        ],
        parentDecision: "5230/QĐ-BCA-C06",
        items: [
            DecisionItem(action: .new, name: "Đăng ký thường trú", level: .commune,
                         field: Field(name: "Cư trú", code: "G13-CA01"), procedure: fullProcedure),
            DecisionItem(action: .amended, code: ProcedureCode("1.003197"), changedParts: [.processingTime, .fees, .legalBasis],
                         basis: "Thông tư 15/2025/TT-BCA",
                         procedure: Procedure(code: ProcedureCode("1.003197"), name: "Xóa đăng ký thường trú", type: .special)),
            DecisionItem(action: .replaced, replaces: [ProcedureCode("1.000001"), ProcedureCode("1.000002")],
                         procedure: Procedure(name: "Liên thông khai sinh", type: .internal)),
            DecisionItem(action: .abolished, code: ProcedureCode("1.010038"), name: "Tách hộ", level: .district,
                         effectiveOn: date("2027-01-01"), basis: "Luật 1/2026"),
        ])
}
