import Catalogue

/// The processing times of a national code's record on the National Public Service Portal
/// (dichvucong.gov.vn), per submission channel: what a province's time is held to (`--national`).
public struct NationalTime: Sendable, Hashable {
    /// The record's time for each channel it lists.
    public var times: [SubmissionMethod: ProcessingTime]
    /// The record's file, as the report names it.
    public var file: String

    public init(times: [SubmissionMethod: ProcessingTime], file: String) {
        self.times = times
        self.file = file
    }

    /// A procedure's channels as a record: the portal's record mapped into the model.
    public init(record procedure: Procedure, file: String) {
        var times: [SubmissionMethod: ProcessingTime] = [:]
        for channel in procedure.channels where times[channel.method] == nil { times[channel.method] = channel.time }
        self.init(times: times, file: file)
    }

    /// How the report names it: "hồ sơ quốc gia trên Cổng Dịch vụ công quốc gia, tệp …".
    public var source: String { "hồ sơ quốc gia trên Cổng Dịch vụ công quốc gia, tệp \(file)" }
}
