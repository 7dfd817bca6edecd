import Catalogue
import Foundation
@testable import Formats

/// Made-up decisions for the XML tests (modelled on DOMAIN.md's examples, not copied from any record).
enum XMLSamples {
    static func date(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    /// A procedure that uses every part of the model, with non-default values everywhere a default exists.
    static let fullProcedure = Procedure(
        code: ProcedureCode("1.004222.000.00.00.H29"),
        name: "Đăng ký thường trú",
        levels: [.commune, .shared],
        fields: [Field(name: "Đăng ký, quản lý cư trú", code: "G01-CA01"), Field(name: "Hộ tịch")],
        reception: [
            Reception(place: .communeCounter, communes: ["X01", "X02"], name: "Bộ phận Một cửa"),
            Reception(place: .provinceCentre),
        ],
        steps: [
            StepGroup(caseName: "Trường hợp nộp trực tiếp", steps: [
                Step(title: "Bước 1: Nộp hồ sơ", text: "Công dân nộp hồ sơ tại Công an cấp xã.\nMang theo giấy tờ tùy thân."),
                Step(text: "Cán bộ kiểm tra & tiếp nhận <hồ sơ>."),
            ]),
            StepGroup(steps: [Step(text: "Nhận kết quả.\n\nKhông thu phí khi nộp đúng hạn.")]),
        ],
        channels: [
            Channel(
                method: .inPerson,
                time: ProcessingTime(value: DecimalNumber("16.5")!, unit: .workingDays, text: "16,5 ngày (sau cắt giảm)", stages: [
                    ProcessingTime.Stage(name: "Công an cấp xã", value: 7, unit: .workingDays),
                    ProcessingTime.Stage(name: "Chuyển hồ sơ"),
                ]),
                fees: [
                    Fee(kind: .fee, amount: 20000, description: "Lệ phí đăng ký cư trú", exemptions: ["Trẻ em dưới 6 tuổi", "Người có công"]),
                    Fee(kind: .charge, text: "Theo quy định tại Thông tư 85/2019/TT-BTC"),
                ],
                description: "Nộp tại trụ sở Công an cấp xã."),
            Channel(method: .online, time: ProcessingTime(unit: .sameDay), fees: [Fee(amount: 10000)]),
            Channel(method: .postal, time: ProcessingTime(text: "Theo quy định"), fees: [Fee(kind: .fee, amount: 25, currency: "USD")]),
        ],
        dossier: Dossier(cases: [
            DossierCase(name: "Trường hợp có chỗ ở hợp pháp", items: [
                DossierItem(name: "Tờ khai thay đổi thông tin cư trú", code: "TK01", form: "Mẫu CT01", originals: 1, copies: 0),
                DossierItem(name: "Giấy tờ chứng minh chỗ ở hợp pháp", originals: 0, copies: 2, required: false, presentation: .show, note: "Bản sao có chứng thực\nhoặc bản sao kèm bản chính để đối chiếu"),
            ]),
            DossierCase(items: [DossierItem(name: "Văn bản đồng ý của chủ hộ")]),
        ], sets: 1),
        subjects: ["Công dân Việt Nam", "Người nước ngoài \"đặc biệt\""],
        agencies: [Agency(role: .performing, name: "Công an cấp xã"), Agency(role: .coordinating, name: "UBND cấp xã")],
        results: [Outcome(name: "Thông báo kết quả đăng ký thường trú", code: "KQ01"), Outcome(name: "Văn bản từ chối")],
        forms: [Form(name: "Tờ khai thay đổi thông tin cư trú", code: "CT01", source: "Thông tư 66/2023/TT-BCA", file: "mau ct01.docx")],
        requirements: [Requirement(text: "Có chỗ ở hợp pháp.\nKhông thuộc trường hợp bị cấm.", basis: "Điều 20 Luật Cư trú 2020"), Requirement(text: "Không có")],
        legalBases: [LegalBasis(number: "68/2020/QH14", title: "Luật Cư trú", article: "Điều 20", issuedOn: date("2020-11-13")), LegalBasis(number: "154/2024/NĐ-CP")],
        online: OnlineService(level: .partial, codes: ["1.004222.01", "1.004222.02"], url: "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.004222&a=b"),
        type: .linked,
        annualVolume: 1200,
        keywords: ["thường trú", "cư trú"],
        notes: "Áp dụng từ ngày 01/7/2025.\nThay thế quy định cũ.")

    static let fullDecision = Decision(
        number: "3218/QĐ-UBND",
        signedOn: date("2026-03-15"),
        place: "Hà Tĩnh",
        authority: "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH",
        signer: Decision.Signer(name: "Nguyễn Văn A", onBehalfOf: "KT. CHỦ TỊCH", title: "PHÓ CHỦ TỊCH"),
        title: "Về việc công bố danh mục thủ tục hành chính mới ban hành, được sửa đổi, bổ sung, thay thế và bị bãi bỏ",
        effectiveOn: date("2026-04-01"),
        legalBases: [
            LegalBasis(number: "63/2010/NĐ-CP", title: "Nghị định về kiểm soát thủ tục hành chính", issuedOn: date("2010-06-08")),
            LegalBasis(number: "2972/QĐ-BNN-CN"),
        ],
        parentDecision: "2972/QĐ-BNN-CN",
        items: [
            DecisionItem(action: .new, code: ProcedureCode("1.004222.000.00.00.H29"), name: "Đăng ký thường trú", level: .commune,
                         field: Field(name: "Đăng ký, quản lý cư trú", code: "G01-CA01"), procedure: fullProcedure),
            DecisionItem(action: .amended, code: ProcedureCode("1.001193"), changedParts: [.processingTime, .fees, .legalBasis],
                         basis: "Thông tư 15/2025/TT-BTP", procedure: Procedure(code: ProcedureCode("1.001193"), name: "Đăng ký khai sinh")),
            DecisionItem(action: .replaced, effectiveOn: date("2026-05-01"), replaces: [ProcedureCode("1.000001"), ProcedureCode("1.000002")],
                         procedure: Procedure(name: "Liên thông đăng ký khai sinh, thường trú, cấp thẻ BHYT", type: .linked)),
            DecisionItem(action: .abolished, code: ProcedureCode("1.003197"), name: "Xóa đăng ký thường trú", level: .district,
                         effectiveOn: date("2027-01-01"), basis: "Luật Cư trú 2020"),
        ])

    /// The sample under `Fixtures/xml/` beside this file.
    static func fixture(_ name: String, file: StaticString = #filePath) throws -> [UInt8] {
        let url = URL(fileURLWithPath: "\(file)").deletingLastPathComponent()
            .appendingPathComponent("Fixtures/xml/\(name)")
        return [UInt8](try Data(contentsOf: url))
    }

    static func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    /// Reads a decision, failing the test with every diagnostic when it is not one.
    static func decision(_ xml: String, file: String = "test.xml") throws -> SourcedDecision {
        guard case .decision(let d) = try XMLFormat.read(bytes(xml), file: file) else {
            throw FormatError(.error("expected a decision"))
        }
        return d
    }

    /// The diagnostics reading `xml` fails with (empty when it reads).
    static func failures(_ xml: [UInt8], file: String = "test.xml") -> [Diagnostic] {
        do {
            _ = try XMLFormat.read(xml, file: file)
            return []
        } catch {
            return error.diagnostics
        }
    }

    static func failures(_ xml: String, file: String = "test.xml") -> [Diagnostic] {
        failures(bytes(xml), file: file)
    }

    /// A small valid decision around `items` (XML for the item elements).
    static func decisionXML(items: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <decision xmlns="urn:tthc:1" number="1/QĐ-UBND" signedOn="2026-01-05">
          <authority>ỦY BAN NHÂN DÂN TỈNH MẪU</authority>
          <title>Công bố thủ tục</title>
          <items>
        \(items)
          </items>
        </decision>
        """
    }

    /// Validates with the system's `xmllint`, if installed, returning its exit status and output.
    static func xmllint(_ xml: String) throws -> (status: Int32, output: String)? {
        let tool = URL(fileURLWithPath: "/usr/bin/xmllint")
        guard FileManager.default.isExecutableFile(atPath: tool.path) else { return nil }
        let schema = XMLFormat.schema
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tthc-xmllint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let xsd = dir.appendingPathComponent("tthc.xsd"), doc = dir.appendingPathComponent("doc.xml")
        try Data(schema.utf8).write(to: xsd)
        try Data(xml.utf8).write(to: doc)
        let process = Process()
        process.executableURL = tool
        process.arguments = ["--noout", "--nonet", "--schema", xsd.path, doc.path]
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
