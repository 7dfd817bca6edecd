/// A part of a procedure, as an amending decision names it ("sửa đổi thời hạn giải quyết, phí").
///
/// The history records which decision last set each part, and `tthc validate` checks that an amended
/// item's declared parts are the parts that really changed; both compare parts through `differs(_:_:)`.
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

    /// Whether this part differs between two versions. Compares typed values directly: replay and
    /// the synthetic generator call it for every amendment, and boxing into `AnyHashable` was most
    /// of their cost.
    public func differs(_ a: Procedure, _ b: Procedure) -> Bool {
        func channels<T: Equatable>(_ value: (Channel) -> T) -> Bool {
            a.channels.count != b.channels.count
                || zip(a.channels, b.channels).contains { $0.method != $1.method || value($0) != value($1) }
        }
        switch self {
        case .name: return a.name != b.name
        case .code: return a.code != b.code
        case .levels: return a.levels != b.levels
        case .fields: return a.fields != b.fields
        case .reception: return a.reception != b.reception
        case .steps: return a.steps != b.steps
        case .channels: return channels(\.description)
        case .processingTime: return channels(\.time)
        case .fees: return channels(\.fees)
        case .dossier: return a.dossier != b.dossier
        case .subjects: return a.subjects != b.subjects
        case .agencies: return a.agencies != b.agencies
        case .results: return a.results != b.results
        case .forms: return a.forms != b.forms
        case .requirements: return a.requirements != b.requirements
        case .legalBasis: return a.legalBases != b.legalBases
        case .online: return a.online != b.online
        case .type: return a.type != b.type
        case .annualVolume: return a.annualVolume != b.annualVolume
        case .keywords: return a.keywords != b.keywords
        case .notes: return a.notes != b.notes
        }
    }

    /// The parts whose content differs between two versions of a procedure.
    public static func changed(from old: Procedure, to new: Procedure) -> Set<Part> {
        Set(allCases.filter { $0.differs(old, new) })
    }

    public static func < (a: Part, b: Part) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
