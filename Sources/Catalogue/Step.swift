/// The steps (trình tự thực hiện) of one case; a procedure with one way through has one unnamed group.
public struct StepGroup: Hashable, Codable, Sendable {
    public var caseName: String?
    @Many public var steps: [Step]

    public init(caseName: String? = nil, steps: [Step] = []) {
        self.caseName = caseName
        self.steps = steps
    }

    private enum CodingKeys: String, CodingKey {
        case caseName = "case"
        case steps
    }
}

/// One step: an optional short title ("Bước 1: Nộp hồ sơ") and what happens.
public struct Step: Hashable, Codable, Sendable {
    public var title: String?
    public var text: String

    public init(title: String? = nil, text: String) {
        self.title = title
        self.text = text
    }
}
