import Catalogue

/// What the name of one of the portal's dossier cases (`executionCases[].name`) means.
///
/// Portals use the case list for more than cases: "* Giấy tờ phải nộp:" and "* Giấy tờ phải xuất
/// trình:" split one dossier into papers handed in and papers only shown at the counter; "*Lưu ý:"
/// holds notes, not papers; "Bao gồm" and "Hồ sơ gồm" name nothing at all.
enum DossierHeading: Equatable {
    /// A real case, with its cleaned name (nil: the dossier's only, unnamed case).
    case dossierCase(String?)
    /// Papers handed in (nộp), under the unnamed case.
    case submit
    /// Papers only shown (xuất trình), under the unnamed case.
    case show
    /// Notes: the items' text belongs in the procedure's notes.
    case notes

    init(_ raw: String?) {
        guard let raw else {
            self = .dossierCase(nil)
            return
        }
        self.init(name: PortalText.name(raw))
    }

    /// From the case's name already cleaned with `PortalText.name`.
    init(name: String) {
        var name = name
        while let last = name.last, last == ":" { name = PortalText.name(String(name.dropLast())) }
        // Only the start decides; folding a long case name whole would be wasted work.
        let key = SearchKeyFolding.searchKey(String(name.prefix(48)))
        if key.isEmpty || Self.nothing.contains(key) {
            self = .dossierCase(nil)
        } else if key.hasPrefix("luu y") || key == "ghi chu" {
            self = .notes
        } else if key.hasPrefix("giay to phai xuat trinh") || key.hasPrefix("giay to xuat trinh") {
            self = .show
        } else if key.hasPrefix("giay to phai nop") || key.hasPrefix("giay to nop") {
            self = .submit
        } else {
            self = .dossierCase(name)
        }
    }

    /// Headings that only say "the dossier consists of".
    private static let nothing: Set<String> = [
        "bao gom", "ho so gom", "ho so bao gom", "thanh phan ho so", "thanh phan ho so gom",
        "thanh phan ho so bao gom", "thanh phan, so luong ho so",
    ]
}
