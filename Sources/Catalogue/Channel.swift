/// A way to submit (cách thức thực hiện), with its own processing time and fees (Decree 63, art. 8).
public struct Channel: Hashable, Codable, Sendable {
    public var method: SubmissionMethod
    public var time: ProcessingTime
    @Many public var fees: [Fee]
    public var description: String?

    public init(method: SubmissionMethod, time: ProcessingTime, fees: [Fee] = [], description: String? = nil) {
        self.method = method
        self.time = time
        self.fees = fees
        self.description = description
    }
}

public enum SubmissionMethod: String, Codable, CaseIterable, Sendable, Comparable {
    case inPerson = "in-person"
    case online
    case postal

    public var vietnamese: String {
        switch self {
        case .inPerson: "Trực tiếp"
        case .online: "Trực tuyến"
        case .postal: "Dịch vụ bưu chính"
        }
    }

    public static func < (a: SubmissionMethod, b: SubmissionMethod) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
