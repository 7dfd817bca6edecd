/// A part of a procedure, as an amending decision names it ("sửa đổi thời hạn giải quyết, phí").
///
/// The history records which decision last set each part, and `tthc validate` checks that an amended
/// item's declared parts are the parts that really changed; both compare parts through `value(in:)`.
public enum Part: String, Codable, CaseIterable, Sendable, Comparable {
    case name
    case code
    case levels
    case fields
    case reception
    case steps
    /// The submission channels offered and their descriptions.
    case channels
    case processingTime = "processing-time"
    case fees
    case dossier
    case subjects
    case agencies
    case results
    case forms
    case requirements
    case legalBasis = "legal-basis"
    case online
    case type
    case annualVolume = "annual-volume"
    case keywords
    case notes

    public var vietnamese: String {
        switch self {
        case .name: "Tên thủ tục"
        case .code: "Mã thủ tục"
        case .levels: "Cấp thực hiện"
        case .fields: "Lĩnh vực"
        case .reception: "Địa điểm tiếp nhận"
        case .steps: "Trình tự thực hiện"
        case .channels: "Cách thức thực hiện"
        case .processingTime: "Thời hạn giải quyết"
        case .fees: "Phí, lệ phí"
        case .dossier: "Thành phần, số lượng hồ sơ"
        case .subjects: "Đối tượng thực hiện"
        case .agencies: "Cơ quan thực hiện"
        case .results: "Kết quả thực hiện"
        case .forms: "Mẫu đơn, tờ khai"
        case .requirements: "Yêu cầu, điều kiện"
        case .legalBasis: "Căn cứ pháp lý"
        case .online: "Dịch vụ công trực tuyến"
        case .type: "Loại thủ tục"
        case .annualVolume: "Số lượng hồ sơ hằng năm"
        case .keywords: "Từ khóa"
        case .notes: "Ghi chú"
        }
    }

    /// The part's content in a procedure, comparable across versions.
    public func value(in p: Procedure) -> AnyHashable {
        switch self {
        case .name: p.name
        case .code: p.code?.rawValue
        case .levels: p.levels
        case .fields: p.fields
        case .reception: p.reception
        case .steps: p.steps
        case .channels: p.channels.map { [AnyHashable($0.method), AnyHashable($0.description)] }
        case .processingTime: p.channels.map { [AnyHashable($0.method), AnyHashable($0.time)] }
        case .fees: p.channels.map { [AnyHashable($0.method), AnyHashable($0.fees)] }
        case .dossier: p.dossier
        case .subjects: p.subjects
        case .agencies: p.agencies
        case .results: p.results
        case .forms: p.forms
        case .requirements: p.requirements
        case .legalBasis: p.legalBases
        case .online: p.online
        case .type: p.type
        case .annualVolume: p.annualVolume
        case .keywords: p.keywords
        case .notes: p.notes
        }
    }

    /// The parts whose content differs between two versions of a procedure.
    public static func changed(from old: Procedure, to new: Procedure) -> Set<Part> {
        Set(allCases.filter { $0.value(in: old) != $0.value(in: new) })
    }

    public static func < (a: Part, b: Part) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
