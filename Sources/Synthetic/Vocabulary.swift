import Catalogue

/// A ministry that owns fields and issues the decisions provinces follow.
///
/// `gCode` is the electronic agency code the national portal prefixes field codes with. G15 (Bộ Tư
/// pháp) is the real one DOMAIN.md §3 quotes; the others are made up in the same shape.
struct Ministry: Sendable {
    let name: String
    /// The suffix of its documents: "BTP" in "15/2025/TT-BTP" and "2972/QĐ-BTP".
    let short: String
    let gCode: String
    /// The provincial department that carries its procedures out.
    let department: String
}

/// Who typically does a field's procedures: it decides subjects and the papers asked for.
enum Audience: Sendable {
    case citizens, business, organisations, mixed
}

/// A procedure name as the national catalogue words it, with what the citizen receives.
struct Stem: Sendable {
    let name: String
    let result: String
    /// The name and result as they read inside a sentence ("Tờ khai đăng ký khai sinh").
    let lowerName: String
    let lowerResult: String

    /// "Name|Result"; without a result, a name "Cấp X" yields X ("Cấp giấy phép …" → "Giấy phép …").
    init(_ text: String) {
        let parts = text.split(separator: "|", maxSplits: 1).map(String.init)
        name = parts[0]
        if parts.count > 1 {
            result = parts[1]
        } else if name.hasPrefix("Cấp ") {
            result = Vocabulary.capitalisedFirst(String(name.dropFirst(4)))
        } else {
            result = "Văn bản trả lời"
        }
        lowerName = Vocabulary.lowercasedFirst(name)
        lowerResult = Vocabulary.lowercasedFirst(result)
    }
}

/// A field (lĩnh vực) with everything the generator needs to invent its procedures.
struct FieldSpec: Sendable {
    let name: String
    /// Portal-style code, `G15-TP07`.
    let code: String
    let ministry: Int
    /// Relative share of the catalogue.
    let weight: Int
    /// Weights of province, commune, shared and non-territorial levels.
    let levelWeights: [Int]
    let audience: Audience
    /// The field's main law, cited in legal bases and requirements.
    let law: String
    /// Share (percent) of internal procedures (between state bodies).
    let internalPercent: Int
    let stems: [Stem]
    let lowerName: String
    /// Letters of the field code used in form codes: "TP" for `G15-TP07`.
    let formPrefix: String

    init(
        _ name: String, _ code: String, ministry: Int, weight: Int, levels: [Int], _ audience: Audience,
        law: String, internalShare: Int = 1, _ stems: [String]
    ) {
        self.name = name
        self.code = code
        self.ministry = ministry
        self.weight = weight
        self.levelWeights = levels
        self.audience = audience
        self.law = law
        self.internalPercent = internalShare
        self.stems = stems.map(Stem.init)
        lowerName = name.lowercased()
        formPrefix = code.split(separator: "-").last.map { String($0.prefix(2)) } ?? "TK"
    }

    var field: Field { Field(name: name, code: code) }
}

/// A paper a dossier may ask for, with the usual counts.
struct PaperTemplate: Sendable {
    let name: String
    var originals = 1
    var copies = 0
    var show = false
    var required = true
    var note: String?
}

/// The words the generator builds from. All literals are NFC; the test suite checks the output.
enum Vocabulary {
    static func capitalisedFirst(_ s: String) -> String {
        guard let first = s.first else { return s }
        return first.uppercased() + s.dropFirst()
    }

    static func lowercasedFirst(_ s: String) -> String {
        guard let first = s.first else { return s }
        return first.lowercased() + s.dropFirst()
    }

    /// Two digits, as Vietnamese documents write small counts ("05 ngày", "Mẫu số 03").
    static func twoDigits(_ n: Int) -> String {
        n < 10 && n >= 0 ? "0\(n)" : "\(n)"
    }

    static let ministries: [Ministry] = [
        Ministry(name: "Bộ Tư pháp", short: "BTP", gCode: "G15", department: "Sở Tư pháp"),
        Ministry(name: "Bộ Công an", short: "BCA", gCode: "G01", department: "Công an tỉnh"),
        Ministry(
            name: "Bộ Nông nghiệp và Môi trường", short: "BNNMT", gCode: "G05",
            department: "Sở Nông nghiệp và Môi trường"),
        Ministry(name: "Bộ Tài chính", short: "BTC", gCode: "G06", department: "Sở Tài chính"),
        Ministry(name: "Bộ Công Thương", short: "BCT", gCode: "G07", department: "Sở Công Thương"),
        Ministry(name: "Bộ Xây dựng", short: "BXD", gCode: "G10", department: "Sở Xây dựng"),
        Ministry(name: "Bộ Y tế", short: "BYT", gCode: "G12", department: "Sở Y tế"),
        Ministry(
            name: "Bộ Giáo dục và Đào tạo", short: "BGDĐT", gCode: "G13", department: "Sở Giáo dục và Đào tạo"),
        Ministry(
            name: "Bộ Văn hóa, Thể thao và Du lịch", short: "BVHTTDL", gCode: "G14",
            department: "Sở Văn hóa, Thể thao và Du lịch"),
        Ministry(name: "Bộ Nội vụ", short: "BNV", gCode: "G08", department: "Sở Nội vụ"),
        Ministry(
            name: "Bộ Khoa học và Công nghệ", short: "BKHCN", gCode: "G11", department: "Sở Khoa học và Công nghệ"),
        Ministry(
            name: "Bộ Dân tộc và Tôn giáo", short: "BDTTG", gCode: "G22", department: "Sở Dân tộc và Tôn giáo"),
    ]

    // Level weights: [province, commune, shared, non-territorial].
    static let fields: [FieldSpec] = [
        FieldSpec("Hộ tịch", "G15-TP07", ministry: 0, weight: 8, levels: [4, 84, 8, 4], .citizens, law: "Luật Hộ tịch", [
            "Đăng ký khai sinh|Giấy khai sinh",
            "Đăng ký kết hôn|Giấy chứng nhận kết hôn",
            "Đăng ký khai tử|Trích lục khai tử",
            "Đăng ký nhận cha, mẹ, con|Trích lục đăng ký nhận cha, mẹ, con",
            "Đăng ký giám hộ|Trích lục đăng ký giám hộ",
            "Đăng ký chấm dứt giám hộ|Trích lục đăng ký chấm dứt giám hộ",
            "Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch|Trích lục thay đổi, cải chính hộ tịch",
            "Đăng ký lại khai sinh|Giấy khai sinh",
            "Đăng ký lại kết hôn|Giấy chứng nhận kết hôn",
            "Đăng ký lại khai tử|Trích lục khai tử",
            "Cấp Giấy xác nhận tình trạng hôn nhân",
            "Cấp bản sao Trích lục hộ tịch|Bản sao Trích lục hộ tịch",
            "Ghi vào Sổ hộ tịch việc ly hôn đã được giải quyết ở nước ngoài|Trích lục ghi vào Sổ hộ tịch",
            "Đăng ký khai sinh kết hợp nhận cha, mẹ, con|Giấy khai sinh",
        ]),
        FieldSpec("Chứng thực", "G15-TP05", ministry: 0, weight: 4, levels: [10, 55, 30, 5], .citizens, law: "Bộ luật Dân sự", [
            "Chứng thực bản sao từ bản chính giấy tờ, văn bản|Bản sao được chứng thực từ bản chính",
            "Chứng thực chữ ký trong các giấy tờ, văn bản|Giấy tờ, văn bản được chứng thực chữ ký",
            "Chứng thực chữ ký người dịch|Bản dịch được chứng thực chữ ký người dịch",
            "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản|Hợp đồng, giao dịch được chứng thực",
            "Chứng thực di chúc|Di chúc được chứng thực",
            "Chứng thực văn bản thỏa thuận phân chia di sản|Văn bản thỏa thuận phân chia di sản được chứng thực",
            "Chứng thực văn bản khai nhận di sản|Văn bản khai nhận di sản được chứng thực",
            "Sửa lỗi sai sót trong hợp đồng, giao dịch|Hợp đồng, giao dịch đã được sửa lỗi sai sót",
            "Cấp bản sao có chứng thực từ bản chính hợp đồng, giao dịch đã được chứng thực|Bản sao có chứng thực",
        ]),
        FieldSpec("Nuôi con nuôi", "G15-TP08", ministry: 0, weight: 1, levels: [20, 75, 5, 0], .citizens, law: "Luật Nuôi con nuôi", [
            "Đăng ký việc nuôi con nuôi trong nước|Giấy chứng nhận nuôi con nuôi",
            "Đăng ký lại việc nuôi con nuôi trong nước|Giấy chứng nhận nuôi con nuôi",
            "Đăng ký việc nuôi con nuôi thực tế|Giấy chứng nhận nuôi con nuôi",
            "Đăng ký việc nuôi con nuôi có yếu tố nước ngoài|Giấy chứng nhận nuôi con nuôi",
            "Cấp bản sao Giấy chứng nhận nuôi con nuôi|Bản sao Giấy chứng nhận nuôi con nuôi",
        ]),
        FieldSpec("Lý lịch tư pháp", "G15-TP09", ministry: 0, weight: 1, levels: [90, 0, 0, 10], .citizens, law: "Luật Lý lịch tư pháp", [
            "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam|Phiếu lý lịch tư pháp",
            "Cấp Phiếu lý lịch tư pháp cho cơ quan tiến hành tố tụng|Phiếu lý lịch tư pháp",
            "Cấp Phiếu lý lịch tư pháp cho cơ quan nhà nước, tổ chức chính trị - xã hội|Phiếu lý lịch tư pháp",
        ]),
        FieldSpec("Công chứng", "G15-TP11", ministry: 0, weight: 2, levels: [100, 0, 0, 0], .business, law: "Luật Công chứng", [
            "Thành lập Văn phòng công chứng|Quyết định cho phép thành lập Văn phòng công chứng",
            "Đăng ký hoạt động Văn phòng công chứng|Giấy đăng ký hoạt động",
            "Thay đổi nội dung đăng ký hoạt động của Văn phòng công chứng|Giấy đăng ký hoạt động",
            "Hợp nhất Văn phòng công chứng|Quyết định cho phép hợp nhất Văn phòng công chứng",
            "Chuyển nhượng Văn phòng công chứng|Quyết định cho phép chuyển nhượng Văn phòng công chứng",
            "Cấp Thẻ công chứng viên",
            "Cấp lại Thẻ công chứng viên|Thẻ công chứng viên",
            "Đăng ký tập sự hành nghề công chứng|Văn bản chấp thuận đăng ký tập sự",
        ]),
        FieldSpec("Luật sư", "G15-TP10", ministry: 0, weight: 1, levels: [100, 0, 0, 0], .business, law: "Luật Luật sư", [
            "Đăng ký hoạt động của tổ chức hành nghề luật sư|Giấy đăng ký hoạt động",
            "Thay đổi nội dung đăng ký hoạt động của tổ chức hành nghề luật sư|Giấy đăng ký hoạt động",
            "Đăng ký hành nghề luật sư với tư cách cá nhân|Giấy đăng ký hành nghề luật sư",
            "Thành lập chi nhánh của tổ chức hành nghề luật sư|Giấy đăng ký hoạt động của chi nhánh",
            "Hợp nhất công ty luật|Giấy đăng ký hoạt động",
        ]),
        FieldSpec("Đăng ký, quản lý cư trú", "G01-CA03", ministry: 1, weight: 4, levels: [5, 85, 5, 5], .citizens, law: "Luật Cư trú", [
            "Đăng ký thường trú|Thông báo kết quả đăng ký thường trú",
            "Xóa đăng ký thường trú|Thông báo xóa đăng ký thường trú",
            "Đăng ký tạm trú|Thông báo kết quả đăng ký tạm trú",
            "Gia hạn tạm trú|Thông báo kết quả gia hạn tạm trú",
            "Xóa đăng ký tạm trú|Thông báo xóa đăng ký tạm trú",
            "Tách hộ|Thông báo kết quả tách hộ",
            "Khai báo tạm vắng|Phiếu khai báo tạm vắng",
            "Thông báo lưu trú|Xác nhận thông báo lưu trú",
            "Điều chỉnh thông tin về cư trú trong Cơ sở dữ liệu về cư trú|Thông báo điều chỉnh thông tin về cư trú",
            "Xác nhận thông tin về cư trú|Văn bản xác nhận thông tin về cư trú",
        ]),
        FieldSpec("Căn cước", "G01-CA04", ministry: 1, weight: 2, levels: [55, 30, 5, 10], .citizens, law: "Luật Căn cước", [
            "Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên|Thẻ căn cước",
            "Cấp thẻ căn cước cho người dưới 14 tuổi|Thẻ căn cước",
            "Cấp đổi thẻ căn cước|Thẻ căn cước",
            "Cấp lại thẻ căn cước|Thẻ căn cước",
            "Cấp giấy chứng nhận căn cước",
            "Xác nhận số chứng minh nhân dân, số căn cước công dân|Giấy xác nhận số định danh cá nhân",
            "Tích hợp, cập nhật, điều chỉnh thông tin trên thẻ căn cước|Thẻ căn cước",
        ]),
        FieldSpec("Phòng cháy, chữa cháy", "G01-CA06", ministry: 1, weight: 2, levels: [90, 0, 10, 0], .business, law: "Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ", [
            "Thẩm định thiết kế về phòng cháy và chữa cháy|Văn bản thẩm định thiết kế về phòng cháy và chữa cháy",
            "Kiểm tra kết quả nghiệm thu về phòng cháy và chữa cháy|Văn bản chấp thuận kết quả nghiệm thu",
            "Cấp giấy xác nhận đủ điều kiện kinh doanh dịch vụ phòng cháy và chữa cháy",
            "Phục hồi hoạt động của cơ sở, phương tiện giao thông cơ giới|Văn bản cho phép phục hồi hoạt động",
            "Phê duyệt phương án chữa cháy của cơ sở|Phương án chữa cháy được phê duyệt",
        ]),
        FieldSpec("Đất đai", "G05-NM01", ministry: 2, weight: 8, levels: [45, 30, 15, 10], .mixed, law: "Luật Đất đai", [
            "Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất lần đầu|Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
            "Đăng ký biến động đất đai, tài sản gắn liền với đất|Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
            "Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất|Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
            "Cấp lại Giấy chứng nhận quyền sử dụng đất do bị mất|Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
            "Đính chính Giấy chứng nhận đã cấp|Giấy chứng nhận đã được đính chính",
            "Tách thửa hoặc hợp thửa đất|Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
            "Chuyển mục đích sử dụng đất|Quyết định cho phép chuyển mục đích sử dụng đất",
            "Gia hạn sử dụng đất khi hết thời hạn sử dụng đất|Quyết định gia hạn sử dụng đất",
            "Giao đất, cho thuê đất không thông qua đấu giá quyền sử dụng đất|Quyết định giao đất, cho thuê đất",
            "Thu hồi đất do chấm dứt việc sử dụng đất theo pháp luật|Quyết định thu hồi đất",
            "Cung cấp thông tin, dữ liệu đất đai|Thông tin, dữ liệu đất đai",
            "Hòa giải tranh chấp đất đai|Biên bản hòa giải tranh chấp đất đai",
        ]),
        FieldSpec("Môi trường", "G05-NM02", ministry: 2, weight: 3, levels: [75, 20, 5, 0], .business, law: "Luật Bảo vệ môi trường", [
            "Cấp giấy phép môi trường",
            "Cấp đổi giấy phép môi trường|Giấy phép môi trường",
            "Điều chỉnh giấy phép môi trường|Giấy phép môi trường",
            "Thẩm định báo cáo đánh giá tác động môi trường|Quyết định phê duyệt kết quả thẩm định báo cáo đánh giá tác động môi trường",
            "Đăng ký môi trường|Văn bản tiếp nhận đăng ký môi trường",
            "Vận hành thử nghiệm công trình xử lý chất thải|Văn bản thông báo kết quả vận hành thử nghiệm",
        ]),
        FieldSpec("Trồng trọt và bảo vệ thực vật", "G05-NM03", ministry: 2, weight: 2, levels: [80, 15, 5, 0], .business, law: "Luật Trồng trọt", [
            "Cấp Giấy chứng nhận đủ điều kiện buôn bán phân bón",
            "Cấp lại Giấy chứng nhận đủ điều kiện buôn bán phân bón|Giấy chứng nhận đủ điều kiện buôn bán phân bón",
            "Cấp Giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật",
            "Cấp Giấy phép vận chuyển thuốc bảo vệ thực vật",
            "Công nhận cây đầu dòng, vườn cây đầu dòng|Quyết định công nhận cây đầu dòng",
            "Cấp Giấy chứng nhận kiểm dịch thực vật nội địa",
        ]),
        FieldSpec("Chăn nuôi và thú y", "G05-NM04", ministry: 2, weight: 2, levels: [70, 25, 5, 0], .business, law: "Luật Chăn nuôi", [
            "Cấp Giấy chứng nhận đủ điều kiện chăn nuôi",
            "Kê khai hoạt động chăn nuôi|Xác nhận kê khai hoạt động chăn nuôi",
            "Cấp Giấy chứng nhận kiểm dịch động vật, sản phẩm động vật vận chuyển ra khỏi địa bàn cấp tỉnh",
            "Cấp Giấy chứng nhận đủ điều kiện vệ sinh thú y",
            "Cấp chứng chỉ hành nghề thú y",
            "Cấp lại chứng chỉ hành nghề thú y|Chứng chỉ hành nghề thú y",
            "Cấp Giấy chứng nhận cơ sở an toàn dịch bệnh động vật",
        ]),
        FieldSpec("Thủy sản và kiểm ngư", "G05-NM05", ministry: 2, weight: 2, levels: [70, 25, 5, 0], .business, law: "Luật Thủy sản", [
            "Cấp văn bản chấp thuận đóng mới, cải hoán tàu cá|Văn bản chấp thuận đóng mới, cải hoán tàu cá",
            "Cấp giấy phép khai thác thủy sản",
            "Cấp lại giấy phép khai thác thủy sản|Giấy phép khai thác thủy sản",
            "Đăng ký tàu cá|Giấy chứng nhận đăng ký tàu cá",
            "Xóa đăng ký tàu cá|Giấy chứng nhận xóa đăng ký tàu cá",
            "Cấp giấy phép nuôi trồng thủy sản trên biển",
            "Cấp Giấy chứng nhận an toàn thực phẩm đối với tàu cá",
        ]),
        FieldSpec("Lâm nghiệp", "G05-NM06", ministry: 2, weight: 2, levels: [70, 25, 5, 0], .mixed, law: "Luật Lâm nghiệp", [
            "Phê duyệt phương án quản lý rừng bền vững|Quyết định phê duyệt phương án quản lý rừng bền vững",
            "Chuyển loại rừng|Quyết định chuyển loại rừng",
            "Giao rừng, cho thuê rừng|Quyết định giao rừng, cho thuê rừng",
            "Xác nhận bảng kê lâm sản|Bảng kê lâm sản được xác nhận",
            "Cấp mã số cơ sở nuôi, trồng các loài động vật, thực vật hoang dã|Giấy chứng nhận mã số cơ sở",
            "Phê duyệt hồ sơ thiết kế trồng rừng thay thế|Quyết định phê duyệt hồ sơ thiết kế",
        ]),
        FieldSpec("Tài nguyên nước", "G05-NM07", ministry: 2, weight: 2, levels: [90, 5, 5, 0], .business, law: "Luật Tài nguyên nước", [
            "Cấp giấy phép khai thác nước dưới đất",
            "Cấp giấy phép khai thác, sử dụng nước mặt",
            "Gia hạn, điều chỉnh giấy phép khai thác nước dưới đất|Giấy phép khai thác nước dưới đất",
            "Cấp giấy phép hành nghề khoan nước dưới đất",
            "Đăng ký khai thác nước dưới đất|Tờ khai đăng ký khai thác được xác nhận",
            "Tính tiền cấp quyền khai thác tài nguyên nước|Quyết định phê duyệt tiền cấp quyền khai thác",
        ]),
        FieldSpec("Thành lập và hoạt động của hộ kinh doanh", "G06-TC01", ministry: 3, weight: 3, levels: [0, 95, 0, 5], .business, law: "Luật Doanh nghiệp", [
            "Đăng ký thành lập hộ kinh doanh|Giấy chứng nhận đăng ký hộ kinh doanh",
            "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh|Giấy chứng nhận đăng ký hộ kinh doanh",
            "Tạm ngừng hoạt động hộ kinh doanh|Giấy xác nhận về việc hộ kinh doanh tạm ngừng kinh doanh",
            "Chấm dứt hoạt động hộ kinh doanh|Thông báo về việc chấm dứt hoạt động hộ kinh doanh",
            "Cấp lại Giấy chứng nhận đăng ký hộ kinh doanh|Giấy chứng nhận đăng ký hộ kinh doanh",
        ]),
        FieldSpec("Thành lập và hoạt động doanh nghiệp", "G06-TC02", ministry: 3, weight: 4, levels: [95, 0, 0, 5], .business, law: "Luật Doanh nghiệp", [
            "Đăng ký thành lập doanh nghiệp tư nhân|Giấy chứng nhận đăng ký doanh nghiệp",
            "Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên|Giấy chứng nhận đăng ký doanh nghiệp",
            "Đăng ký thành lập công ty cổ phần|Giấy chứng nhận đăng ký doanh nghiệp",
            "Đăng ký thay đổi người đại diện theo pháp luật|Giấy chứng nhận đăng ký doanh nghiệp",
            "Đăng ký thay đổi vốn điều lệ|Giấy chứng nhận đăng ký doanh nghiệp",
            "Thông báo tạm ngừng kinh doanh|Giấy xác nhận về việc doanh nghiệp tạm ngừng kinh doanh",
            "Đăng ký hoạt động chi nhánh, văn phòng đại diện|Giấy chứng nhận đăng ký hoạt động chi nhánh, văn phòng đại diện",
            "Giải thể doanh nghiệp|Thông báo về việc giải thể doanh nghiệp",
            "Chuyển đổi công ty trách nhiệm hữu hạn thành công ty cổ phần|Giấy chứng nhận đăng ký doanh nghiệp",
        ]),
        FieldSpec("Đầu tư tại Việt Nam", "G06-TC03", ministry: 3, weight: 3, levels: [100, 0, 0, 0], .business, law: "Luật Đầu tư", [
            "Chấp thuận chủ trương đầu tư|Quyết định chấp thuận chủ trương đầu tư",
            "Điều chỉnh chủ trương đầu tư|Quyết định chấp thuận điều chỉnh chủ trương đầu tư",
            "Cấp Giấy chứng nhận đăng ký đầu tư",
            "Điều chỉnh Giấy chứng nhận đăng ký đầu tư|Giấy chứng nhận đăng ký đầu tư",
            "Gia hạn thời hạn hoạt động của dự án đầu tư|Quyết định gia hạn thời hạn hoạt động",
            "Chấm dứt hoạt động dự án đầu tư|Quyết định chấm dứt hoạt động dự án đầu tư",
            "Chuyển nhượng dự án đầu tư|Quyết định chấp thuận chuyển nhượng dự án đầu tư",
        ]),
        FieldSpec("Quản lý công sản", "G06-TC04", ministry: 3, weight: 2, levels: [70, 20, 10, 0], .organisations, law: "Luật Quản lý, sử dụng tài sản công", internalShare: 40, [
            "Thanh lý tài sản công|Quyết định thanh lý tài sản công",
            "Điều chuyển tài sản công|Quyết định điều chuyển tài sản công",
            "Bán tài sản công|Quyết định bán tài sản công",
            "Xác lập quyền sở hữu toàn dân đối với tài sản|Quyết định xác lập quyền sở hữu toàn dân",
            "Giao tài sản công cho đơn vị sự nghiệp công lập|Quyết định giao tài sản công",
        ]),
        FieldSpec("Hợp tác xã", "G06-TC05", ministry: 3, weight: 2, levels: [70, 25, 5, 0], .business, law: "Luật Hợp tác xã", [
            "Đăng ký thành lập hợp tác xã|Giấy chứng nhận đăng ký hợp tác xã",
            "Đăng ký thay đổi nội dung đăng ký hợp tác xã|Giấy chứng nhận đăng ký hợp tác xã",
            "Tạm ngừng hoạt động hợp tác xã|Giấy xác nhận về việc hợp tác xã tạm ngừng hoạt động",
            "Giải thể tự nguyện hợp tác xã|Thông báo về việc giải thể hợp tác xã",
            "Đăng ký thành lập liên hiệp hợp tác xã|Giấy chứng nhận đăng ký liên hiệp hợp tác xã",
        ]),
        FieldSpec("Lưu thông hàng hóa trong nước", "G07-CT01", ministry: 4, weight: 3, levels: [65, 30, 5, 0], .business, law: "Luật Thương mại", [
            "Cấp Giấy phép bán lẻ sản phẩm thuốc lá",
            "Cấp lại Giấy phép bán lẻ sản phẩm thuốc lá|Giấy phép bán lẻ sản phẩm thuốc lá",
            "Cấp Giấy phép bán lẻ rượu",
            "Cấp sửa đổi, bổ sung Giấy phép bán lẻ rượu|Giấy phép bán lẻ rượu",
            "Cấp Giấy phép sản xuất rượu thủ công nhằm mục đích kinh doanh",
            "Cấp Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu",
            "Cấp Giấy xác nhận đủ điều kiện làm thương nhân phân phối xăng dầu",
            "Cấp Giấy phép kinh doanh khí",
        ]),
        FieldSpec("An toàn thực phẩm", "G12-YT03", ministry: 6, weight: 3, levels: [70, 25, 5, 0], .business, law: "Luật An toàn thực phẩm", [
            "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm",
            "Cấp lại Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm|Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm",
            "Đăng ký bản công bố sản phẩm|Giấy tiếp nhận đăng ký bản công bố sản phẩm",
            "Cấp Giấy xác nhận nội dung quảng cáo thực phẩm",
            "Tự công bố sản phẩm thực phẩm|Bản tự công bố sản phẩm",
            "Cấp Giấy chứng nhận lưu hành tự do đối với thực phẩm xuất khẩu",
        ]),
        FieldSpec("Hoạt động xây dựng", "G10-XD01", ministry: 5, weight: 5, levels: [60, 30, 10, 0], .mixed, law: "Luật Xây dựng", [
            "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ|Giấy phép xây dựng",
            "Cấp giấy phép xây dựng mới đối với công trình không theo tuyến|Giấy phép xây dựng",
            "Cấp giấy phép sửa chữa, cải tạo công trình|Giấy phép xây dựng",
            "Điều chỉnh giấy phép xây dựng|Giấy phép xây dựng",
            "Gia hạn giấy phép xây dựng|Giấy phép xây dựng",
            "Cấp giấy phép di dời công trình",
            "Thẩm định báo cáo nghiên cứu khả thi đầu tư xây dựng|Văn bản thông báo kết quả thẩm định",
            "Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III|Chứng chỉ hành nghề hoạt động xây dựng",
            "Cấp chứng chỉ năng lực hoạt động xây dựng",
            "Kiểm tra công tác nghiệm thu hoàn thành công trình|Văn bản chấp thuận kết quả nghiệm thu",
        ]),
        FieldSpec("Nhà ở", "G10-XD02", ministry: 5, weight: 2, levels: [80, 10, 10, 0], .citizens, law: "Luật Nhà ở", [
            "Cho thuê nhà ở công vụ|Quyết định cho thuê nhà ở công vụ",
            "Bán nhà ở xã hội|Hợp đồng mua bán nhà ở xã hội",
            "Xác nhận đối tượng được hưởng chính sách hỗ trợ nhà ở xã hội|Giấy xác nhận đối tượng",
            "Công nhận chủ đầu tư dự án nhà ở|Quyết định công nhận chủ đầu tư",
            "Cấp chứng chỉ hành nghề môi giới bất động sản",
        ]),
        FieldSpec("Đường bộ", "G10-XD03", ministry: 5, weight: 3, levels: [95, 0, 0, 5], .business, law: "Luật Đường bộ", [
            "Cấp giấy phép lưu hành xe quá tải trọng, xe quá khổ giới hạn trên đường bộ",
            "Cấp phù hiệu xe kinh doanh vận tải|Phù hiệu xe",
            "Cấp giấy phép kinh doanh vận tải bằng xe ô tô",
            "Chấp thuận xây dựng công trình thiết yếu trong phạm vi bảo vệ kết cấu hạ tầng giao thông đường bộ|Văn bản chấp thuận",
            "Cấp giấy phép thi công nút giao đấu nối vào quốc lộ|Giấy phép thi công",
            "Đăng ký khai thác tuyến vận tải hành khách cố định|Thông báo đăng ký khai thác tuyến",
        ]),
        FieldSpec("Khám bệnh, chữa bệnh", "G12-YT01", ministry: 6, weight: 4, levels: [95, 0, 0, 5], .business, law: "Luật Khám bệnh, chữa bệnh", [
            "Cấp giấy phép hành nghề khám bệnh, chữa bệnh",
            "Cấp lại giấy phép hành nghề khám bệnh, chữa bệnh|Giấy phép hành nghề khám bệnh, chữa bệnh",
            "Cấp giấy phép hoạt động đối với phòng khám đa khoa|Giấy phép hoạt động",
            "Cấp giấy phép hoạt động đối với phòng khám chuyên khoa|Giấy phép hoạt động",
            "Điều chỉnh giấy phép hoạt động khám bệnh, chữa bệnh|Giấy phép hoạt động",
            "Cấp giấy khám sức khỏe cho người lái xe|Giấy khám sức khỏe",
            "Công bố cơ sở đủ điều kiện thực hiện khám sức khỏe|Văn bản tiếp nhận công bố",
        ]),
        FieldSpec("Dược phẩm", "G12-YT02", ministry: 6, weight: 3, levels: [100, 0, 0, 0], .business, law: "Luật Dược", [
            "Cấp Chứng chỉ hành nghề dược",
            "Cấp lại Chứng chỉ hành nghề dược|Chứng chỉ hành nghề dược",
            "Cấp Giấy chứng nhận đủ điều kiện kinh doanh dược cho cơ sở bán lẻ thuốc",
            "Điều chỉnh nội dung Giấy chứng nhận đủ điều kiện kinh doanh dược|Giấy chứng nhận đủ điều kiện kinh doanh dược",
            "Cấp giấy xác nhận nội dung thông tin thuốc",
            "Đánh giá đáp ứng thực hành tốt cơ sở bán lẻ thuốc|Văn bản đánh giá đáp ứng thực hành tốt",
        ]),
        FieldSpec("Bảo trợ xã hội", "G12-YT04", ministry: 6, weight: 3, levels: [15, 75, 10, 0], .citizens, law: "Luật Người khuyết tật", [
            "Trợ cấp xã hội hằng tháng đối với đối tượng bảo trợ xã hội|Quyết định trợ cấp xã hội hằng tháng",
            "Điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng|Quyết định điều chỉnh, thôi hưởng trợ cấp",
            "Hỗ trợ chi phí mai táng đối với đối tượng bảo trợ xã hội|Quyết định hỗ trợ chi phí mai táng",
            "Tiếp nhận đối tượng có hoàn cảnh đặc biệt khó khăn vào cơ sở trợ giúp xã hội|Quyết định tiếp nhận",
            "Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật|Giấy xác nhận khuyết tật",
            "Đổi, cấp lại Giấy xác nhận khuyết tật|Giấy xác nhận khuyết tật",
            "Hỗ trợ khẩn cấp đối với trẻ em có nguy cơ bị xâm hại|Quyết định hỗ trợ khẩn cấp",
        ]),
        FieldSpec("Giáo dục và Đào tạo thuộc hệ thống giáo dục quốc dân", "G13-GD01", ministry: 7, weight: 4, levels: [50, 40, 10, 0], .mixed, law: "Luật Giáo dục", [
            "Thành lập trường mầm non tư thục|Quyết định cho phép thành lập",
            "Cho phép trường mầm non hoạt động giáo dục|Quyết định cho phép hoạt động giáo dục",
            "Sáp nhập, chia, tách trường tiểu học|Quyết định sáp nhập, chia, tách",
            "Cho phép trung tâm ngoại ngữ, tin học hoạt động giáo dục|Quyết định cho phép hoạt động giáo dục",
            "Chuyển trường đối với học sinh trung học cơ sở|Giấy giới thiệu chuyển trường",
            "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc|Bản sao văn bằng, chứng chỉ từ sổ gốc",
            "Chỉnh sửa nội dung văn bằng, chứng chỉ|Quyết định chỉnh sửa văn bằng, chứng chỉ",
            "Xét, duyệt chính sách hỗ trợ đối với học sinh bán trú|Quyết định phê duyệt danh sách học sinh",
            "Công nhận trường đạt chuẩn quốc gia|Quyết định công nhận",
        ]),
        FieldSpec("Giáo dục nghề nghiệp", "G13-GD02", ministry: 7, weight: 1, levels: [100, 0, 0, 0], .organisations, law: "Luật Giáo dục nghề nghiệp", [
            "Cấp giấy chứng nhận đăng ký hoạt động giáo dục nghề nghiệp",
            "Thành lập trung tâm giáo dục nghề nghiệp tư thục|Quyết định cho phép thành lập",
            "Cấp giấy chứng nhận đăng ký bổ sung hoạt động giáo dục nghề nghiệp",
            "Cấp lại giấy chứng nhận đăng ký hoạt động giáo dục nghề nghiệp|Giấy chứng nhận đăng ký hoạt động giáo dục nghề nghiệp",
        ]),
        FieldSpec("Văn hóa cơ sở", "G14-VH01", ministry: 8, weight: 3, levels: [50, 45, 5, 0], .mixed, law: "Luật Di sản văn hóa", [
            "Cấp giấy phép kinh doanh dịch vụ karaoke",
            "Cấp giấy phép điều chỉnh giấy phép kinh doanh dịch vụ karaoke|Giấy phép kinh doanh dịch vụ karaoke",
            "Cấp giấy phép kinh doanh dịch vụ vũ trường",
            "Thông báo tổ chức lễ hội|Văn bản trả lời",
            "Công nhận danh hiệu Gia đình văn hóa|Giấy khen",
            "Công nhận câu lạc bộ thể thao cơ sở|Quyết định công nhận",
            "Cấp văn bản chấp thuận tổ chức biểu diễn nghệ thuật|Văn bản chấp thuận",
            "Xét tặng danh hiệu Khu dân cư văn hóa|Giấy công nhận",
        ]),
        FieldSpec("Du lịch", "G14-VH02", ministry: 8, weight: 2, levels: [95, 0, 0, 5], .business, law: "Luật Du lịch", [
            "Cấp giấy phép kinh doanh dịch vụ lữ hành nội địa",
            "Cấp thẻ hướng dẫn viên du lịch tại điểm",
            "Cấp đổi thẻ hướng dẫn viên du lịch|Thẻ hướng dẫn viên du lịch",
            "Công nhận hạng cơ sở lưu trú du lịch|Quyết định công nhận hạng",
            "Công nhận điểm du lịch|Quyết định công nhận điểm du lịch",
            "Thông báo cơ sở lưu trú du lịch đáp ứng điều kiện kinh doanh|Văn bản tiếp nhận thông báo",
        ]),
        FieldSpec("Thi đua, khen thưởng", "G08-NV01", ministry: 9, weight: 2, levels: [50, 40, 10, 0], .organisations, law: "Luật Thi đua, khen thưởng", [
            "Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh|Bằng khen",
            "Tặng danh hiệu Tập thể lao động xuất sắc|Quyết định tặng danh hiệu",
            "Tặng danh hiệu Chiến sĩ thi đua cấp tỉnh|Quyết định tặng danh hiệu",
            "Tặng Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã|Giấy khen",
            "Khen thưởng đột xuất|Quyết định khen thưởng",
            "Khen thưởng theo chuyên đề|Quyết định khen thưởng",
        ]),
        FieldSpec("Việc làm", "G08-NV02", ministry: 9, weight: 2, levels: [90, 0, 5, 5], .mixed, law: "Bộ luật Lao động", [
            "Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam|Giấy phép lao động",
            "Gia hạn giấy phép lao động cho người lao động nước ngoài|Giấy phép lao động",
            "Xác nhận người lao động nước ngoài không thuộc diện cấp giấy phép lao động|Văn bản xác nhận",
            "Cấp giấy phép hoạt động dịch vụ việc làm của doanh nghiệp",
            "Giải quyết hưởng trợ cấp thất nghiệp|Quyết định hưởng trợ cấp thất nghiệp",
            "Tạm dừng hưởng trợ cấp thất nghiệp|Quyết định tạm dừng hưởng trợ cấp thất nghiệp",
        ]),
        FieldSpec("Người có công", "G08-NV03", ministry: 9, weight: 3, levels: [40, 50, 10, 0], .citizens, law: "Pháp lệnh Ưu đãi người có công với cách mạng", [
            "Giải quyết chế độ trợ cấp thờ cúng liệt sĩ|Quyết định trợ cấp thờ cúng liệt sĩ",
            "Công nhận và giải quyết chế độ ưu đãi người hoạt động kháng chiến|Quyết định công nhận",
            "Cấp giấy xác nhận thân nhân của người có công",
            "Giải quyết trợ cấp một lần đối với người có công|Quyết định trợ cấp một lần",
            "Di chuyển hồ sơ khi người hưởng trợ cấp ưu đãi thay đổi nơi thường trú|Phiếu báo di chuyển hồ sơ",
            "Hỗ trợ người có công cải thiện nhà ở|Quyết định hỗ trợ cải thiện nhà ở",
        ]),
        FieldSpec("Công chức, viên chức", "G08-NV04", ministry: 9, weight: 2, levels: [80, 10, 10, 0], .organisations, law: "Luật Cán bộ, công chức", internalShare: 50, [
            "Thi tuyển công chức|Quyết định tuyển dụng",
            "Xét tuyển viên chức|Quyết định tuyển dụng",
            "Thăng hạng chức danh nghề nghiệp viên chức|Quyết định bổ nhiệm chức danh nghề nghiệp",
            "Tiếp nhận vào làm công chức|Quyết định tiếp nhận",
            "Chuyển công tác công chức|Quyết định điều động",
        ]),
        FieldSpec("Bưu chính", "G11-KH01", ministry: 10, weight: 1, levels: [100, 0, 0, 0], .business, law: "Luật Bưu chính", [
            "Cấp giấy phép bưu chính",
            "Sửa đổi, bổ sung giấy phép bưu chính|Giấy phép bưu chính",
            "Cấp văn bản xác nhận thông báo hoạt động bưu chính",
        ]),
        FieldSpec("Tiêu chuẩn đo lường chất lượng", "G11-KH02", ministry: 10, weight: 1, levels: [100, 0, 0, 0], .business, law: "Luật Đo lường", [
            "Đăng ký công bố hợp quy|Thông báo tiếp nhận hồ sơ công bố hợp quy",
            "Chứng nhận chuẩn đo lường|Giấy chứng nhận chuẩn đo lường",
            "Kiểm tra nhà nước về chất lượng hàng hóa nhập khẩu|Thông báo kết quả kiểm tra",
            "Đăng ký tham dự sơ tuyển Giải thưởng Chất lượng quốc gia|Văn bản tiếp nhận",
        ]),
        FieldSpec("Tín ngưỡng, tôn giáo", "G22-DT01", ministry: 11, weight: 2, levels: [50, 45, 5, 0], .organisations, law: "Luật Tín ngưỡng, tôn giáo", [
            "Đăng ký sinh hoạt tôn giáo tập trung|Văn bản chấp thuận",
            "Thông báo danh mục hoạt động tôn giáo|Văn bản trả lời",
            "Đề nghị tổ chức cuộc lễ ngoài cơ sở tôn giáo|Văn bản chấp thuận",
            "Đăng ký người được bổ nhiệm, bầu cử, suy cử làm chức việc|Văn bản chấp thuận",
            "Thông báo về việc thay đổi địa điểm sinh hoạt tín ngưỡng|Văn bản trả lời",
        ]),
    ]

    static let fieldWeights: [Int] = fields.map(\.weight)

    /// Words that narrow a procedure to a case, as national names often do, by who does it.
    static func qualifiers(_ audience: Audience) -> [String] {
        switch audience {
        case .citizens: citizenQualifiers
        case .business: businessQualifiers
        case .organisations: organisationQualifiers
        case .mixed: mixedQualifiers
        }
    }

    private static let citizenQualifiers = [
        "có yếu tố nước ngoài", "cho người Việt Nam định cư ở nước ngoài", "tại khu vực biên giới",
        "đối với trường hợp ủy quyền", "trong trường hợp bị mất, hư hỏng", "trên môi trường điện tử",
        "đối với trường hợp đã thực hiện trước ngày 01/7/2025", "theo cơ chế một cửa liên thông",
    ]
    private static let businessQualifiers = [
        "đối với tổ chức", "đối với cá nhân", "đối với doanh nghiệp nhỏ và vừa", "trong khu công nghiệp, khu kinh tế",
        "khi thay đổi địa điểm", "khi thay đổi người đại diện", "đối với cơ sở ngoài công lập", "lần đầu",
        "trên môi trường điện tử", "có vốn đầu tư nước ngoài",
    ]
    private static let organisationQualifiers = [
        "đối với cơ quan, đơn vị thuộc tỉnh", "đối với đơn vị sự nghiệp công lập", "theo cơ chế một cửa liên thông",
        "trên môi trường điện tử", "thuộc thẩm quyền của Ủy ban nhân dân cấp tỉnh",
    ]
    private static let mixedQualifiers = [
        "đối với tổ chức", "đối với cá nhân", "đối với hộ gia đình, cá nhân", "theo cơ chế một cửa liên thông",
        "trên môi trường điện tử", "trong trường hợp bị mất, hư hỏng", "có yếu tố nước ngoài",
    ]

    static let caseNames: [String] = [
        "Trường hợp cấp mới", "Trường hợp cấp lại do bị mất, hư hỏng", "Trường hợp điều chỉnh nội dung",
        "Trường hợp đăng ký đúng hạn", "Trường hợp đăng ký quá hạn", "Trường hợp cá nhân đề nghị",
        "Trường hợp tổ chức đề nghị", "Trường hợp ủy quyền thực hiện", "Trường hợp có yếu tố nước ngoài",
        "Trường hợp cần xác minh", "Trường hợp gia hạn", "Trường hợp nộp hồ sơ trực tuyến",
    ]

    static let citizenPapers: [PaperTemplate] = [
        PaperTemplate(name: "Bản sao Giấy khai sinh", originals: 0, copies: 1),
        PaperTemplate(name: "Giấy tờ chứng minh nơi cư trú"),
        PaperTemplate(name: "Căn cước công dân", show: true),
        PaperTemplate(name: "Thẻ căn cước", show: true),
        PaperTemplate(name: "Hộ chiếu hoặc giấy tờ có giá trị thay hộ chiếu", show: true),
        PaperTemplate(name: "Bản sao Giấy chứng nhận kết hôn", originals: 0, copies: 1),
        PaperTemplate(name: "Giấy xác nhận tình trạng hôn nhân"),
        PaperTemplate(name: "Giấy chứng sinh"),
        PaperTemplate(name: "Bản sao Trích lục khai tử", originals: 0, copies: 1),
        PaperTemplate(name: "Văn bản ủy quyền có chứng thực", required: false, note: "Trường hợp ủy quyền thực hiện"),
        PaperTemplate(name: "Ảnh 4x6 cm chụp không quá 06 tháng", originals: 2),
        PaperTemplate(name: "Giấy chứng nhận sức khỏe do cơ sở khám bệnh, chữa bệnh có thẩm quyền cấp"),
        PaperTemplate(name: "Phiếu lý lịch tư pháp số 1"),
        PaperTemplate(name: "Thẻ bảo hiểm y tế", show: true),
        PaperTemplate(name: "Giấy tờ chứng minh thuộc đối tượng được miễn, giảm lệ phí", required: false),
        PaperTemplate(name: "Bản sao có chứng thực Giấy chứng nhận quyền sử dụng đất", originals: 0, copies: 1),
        PaperTemplate(name: "Giấy tờ chứng minh quan hệ nhân thân", originals: 0, copies: 1),
        PaperTemplate(name: "Biên bản xác minh của công an cấp xã", required: false),
    ]

    static let businessPapers: [PaperTemplate] = [
        PaperTemplate(name: "Bản sao Giấy chứng nhận đăng ký doanh nghiệp", originals: 0, copies: 1),
        PaperTemplate(name: "Bản sao có chứng thực văn bằng, chứng chỉ chuyên môn", originals: 0, copies: 1),
        PaperTemplate(name: "Bản sao Giấy chứng nhận quyền sử dụng đất", originals: 0, copies: 1),
        PaperTemplate(name: "Bản sao hợp đồng thuê địa điểm", originals: 0, copies: 1),
        PaperTemplate(name: "Sơ đồ vị trí và mặt bằng cơ sở"),
        PaperTemplate(name: "Bản thuyết minh cơ sở vật chất, trang thiết bị"),
        PaperTemplate(name: "Danh sách nhân sự kèm theo bản sao văn bằng", copies: 1),
        PaperTemplate(name: "Báo cáo kết quả hoạt động năm trước"),
        PaperTemplate(name: "Biên bản họp thành viên", required: false),
        PaperTemplate(name: "Bản vẽ thiết kế kỹ thuật", originals: 2),
        PaperTemplate(name: "Báo cáo đánh giá tác động môi trường"),
        PaperTemplate(name: "Văn bản thẩm duyệt thiết kế về phòng cháy và chữa cháy", originals: 0, copies: 1),
        PaperTemplate(name: "Giấy chứng nhận đủ điều kiện an toàn thực phẩm", originals: 0, copies: 1),
        PaperTemplate(name: "Giấy phép đã được cấp", note: "Đối với trường hợp cấp lại, điều chỉnh"),
        PaperTemplate(name: "Căn cước công dân của người đại diện theo pháp luật", show: true),
        PaperTemplate(name: "Điều lệ doanh nghiệp"),
        PaperTemplate(name: "Phương án kinh doanh"),
    ]

    static let organisationPapers: [PaperTemplate] = [
        PaperTemplate(name: "Văn bản đề nghị của cơ quan chủ quản"),
        PaperTemplate(name: "Bản sao có chứng thực Quyết định thành lập", originals: 0, copies: 1),
        PaperTemplate(name: "Dự thảo quy chế hoạt động"),
        PaperTemplate(name: "Báo cáo thành tích", originals: 3),
        PaperTemplate(name: "Biên bản họp xét của Hội đồng", originals: 1),
        PaperTemplate(name: "Danh sách trích ngang", required: false),
        PaperTemplate(name: "Bản kê khai tài sản"),
        PaperTemplate(name: "Sơ yếu lý lịch có xác nhận của cơ quan, đơn vị"),
        PaperTemplate(name: "Văn bản thống nhất của cơ quan có liên quan", originals: 0, copies: 1),
    ]

    /// The household book was abolished as a requirement on 01/01/2023 (Decree 104/2022/NĐ-CP); a few
    /// legacy dossiers still ask for it, which is what the review's rules are written to catch.
    static let legacyPaper = PaperTemplate(name: "Sổ hộ khẩu", show: true)

    static let requirements: [String] = [
        "Người đề nghị có năng lực hành vi dân sự đầy đủ",
        "Có địa điểm hoạt động hợp pháp, phù hợp với quy hoạch",
        "Đáp ứng điều kiện về phòng cháy và chữa cháy theo quy định",
        "Người phụ trách chuyên môn có văn bằng phù hợp và ít nhất 02 năm kinh nghiệm",
        "Có trang thiết bị bảo đảm an toàn, vệ sinh môi trường",
        "Không thuộc trường hợp bị cấm hoạt động theo quy định của pháp luật",
        "Hồ sơ được nộp trong thời hạn 30 ngày kể từ ngày phát sinh sự kiện",
        "Có diện tích sử dụng tối thiểu 20 m² cho mỗi phòng",
        "Có phương án bảo đảm an ninh, trật tự",
        "Có vốn điều lệ không thấp hơn mức quy định",
        "Có ít nhất 03 năm hoạt động liên tục trong lĩnh vực đề nghị",
        "Không nợ thuế, phí, lệ phí quá hạn",
    ]

    static let notes: [String] = [
        "Thủ tục hành chính được thực hiện theo cơ chế một cửa liên thông.",
        "Cá nhân, tổ chức có thể nộp hồ sơ tại bất kỳ Bộ phận Một cửa nào trên địa bàn tỉnh.",
        "Thời hạn giải quyết không tính thời gian bổ sung, hoàn thiện hồ sơ.",
        "Khuyến khích nộp hồ sơ trực tuyến để được giảm lệ phí.",
        "Kết quả điện tử có giá trị pháp lý như kết quả bản giấy.",
        "Trường hợp cần xác minh, thời hạn kéo dài thêm không quá 05 ngày làm việc.",
    ]

    static let feeTexts: [String] = [
        "Theo quy định của Bộ Tài chính",
        "Theo quy định tại Thông tư của Bộ Tài chính về phí, lệ phí",
        "Theo Nghị quyết của Hội đồng nhân dân tỉnh",
    ]

    static let exemptions: [String] = [
        "Người có công với cách mạng", "Hộ nghèo, hộ cận nghèo", "Người khuyết tật", "Trẻ em dưới 6 tuổi",
        "Người cao tuổi",
        "Đồng bào dân tộc thiểu số ở vùng có điều kiện kinh tế - xã hội đặc biệt khó khăn",
        "Hồ sơ nộp trực tuyến",
    ]

    static let amounts: [Int] = [
        5000, 8000, 10000, 15000, 20000, 20000, 25000, 30000, 50000, 50000, 75000, 100000, 150000, 200000,
        300000, 400000, 400000, 500000, 1_000_000, 1_200_000, 1_500_000, 2_000_000, 3_000_000, 4_500_000,
    ]

    static func subjects(_ audience: Audience) -> [String] {
        switch audience {
        case .citizens: citizenSubjects
        case .business: businessSubjects
        case .organisations: organisationSubjects
        case .mixed: mixedSubjects
        }
    }

    private static let citizenSubjects = [
        "Công dân Việt Nam", "Người nước ngoài", "Người Việt Nam định cư ở nước ngoài", "Cá nhân",
        "Người đại diện theo pháp luật",
    ]
    private static let businessSubjects = [
        "Doanh nghiệp", "Hộ kinh doanh", "Hợp tác xã", "Chi nhánh, văn phòng đại diện", "Nhà đầu tư trong nước",
        "Nhà đầu tư nước ngoài", "Cá nhân kinh doanh",
    ]
    private static let organisationSubjects = [
        "Cơ quan nhà nước", "Đơn vị sự nghiệp công lập", "Tổ chức chính trị - xã hội", "Tổ chức tôn giáo",
        "Hội, tổ chức phi chính phủ", "Cán bộ, công chức, viên chức",
    ]
    private static let mixedSubjects = [
        "Cá nhân", "Tổ chức", "Hộ gia đình", "Doanh nghiệp", "Cộng đồng dân cư", "Người sử dụng đất",
    ]

    static func papers(_ audience: Audience) -> [PaperTemplate] {
        switch audience {
        case .citizens: citizenPapers
        case .business: businessPapers
        case .organisations: organisationPapers
        case .mixed: mixedPapers
        }
    }

    static let mixedPapers = citizenPapers + businessPapers

    static let coordinating: [String] = [
        "Công an tỉnh", "Cơ quan bảo hiểm xã hội", "Sở Tài chính", "Cơ quan thuế", "Ủy ban nhân dân cấp xã",
        "Sở Nông nghiệp và Môi trường", "Sở Xây dựng", "Văn phòng đăng ký đất đai",
    ]

    /// Syllables of commune names (Sino-Vietnamese place words).
    static let placeSyllables: [String] = [
        "An", "Bình", "Hòa", "Phú", "Tân", "Thạnh", "Long", "Mỹ", "Phước", "Thuận", "Đông", "Tây", "Nam",
        "Bắc", "Hưng", "Thịnh", "Quang", "Trung", "Hải", "Sơn", "Lâm", "Thủy", "Vĩnh", "Xuân", "Hiệp",
        "Lợi", "Đức", "Hà", "Kim", "Ngọc", "Lộc", "Phong", "Thành", "Khánh", "Định", "Yên",
    ]

    static let streets: [String] = [
        "Trần Phú", "Lê Lợi", "Nguyễn Huệ", "Hùng Vương", "Quang Trung", "Lý Thường Kiệt", "Hai Bà Trưng",
        "Phan Đình Phùng", "Nguyễn Du", "Bà Triệu",
    ]

    static let familyNames = [
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
        "Ngô", "Dương", "Lý",
    ]
    static let middleNames = ["Văn", "Thị", "Đức", "Minh", "Quốc", "Thanh", "Hữu", "Ngọc", "Xuân", "Thành"]
    static let givenNames = [
        "An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hùng", "Hương", "Lan", "Long", "Mai", "Nam", "Phong",
        "Quang", "Sơn", "Thắng", "Thảo", "Trung", "Tuấn", "Việt",
    ]

    /// The provincial one-stop centre, as decisions name it.
    static let provinceCentre = "Trung tâm Phục vụ hành chính công tỉnh"
    static let communeCounter = "Bộ phận Một cửa của Ủy ban nhân dân cấp xã"
    static let communeCommittee = "Ủy ban nhân dân cấp xã"
}
