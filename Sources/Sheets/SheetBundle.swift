import Catalogue
import Dispatch

/// A commune's board as one document: a cover, a table of contents grouped by field, then every
/// sheet, in the order of the table.
public struct SheetBundle: Sendable {
    public var province: Province
    public var commune: Province.Commune
    public var date: LocalDate
    /// Sorted by field, then name, then code.
    public var sheets: [Sheet]

    public init(province: Province, commune: Province.Commune, date: LocalDate, sheets: [Sheet]) {
        self.province = province
        self.commune = commune
        self.date = date
        // A bundle's few hundred sheets share a few dozen fields: each field's key is folded once.
        var fieldKeys: [String: String] = [:]
        self.sheets = sheets
            .map { sheet in
                let field = fieldKeys[sheet.field] ?? {
                    let key = VietnameseText.searchKey(sheet.field)
                    fieldKeys[sheet.field] = key
                    return key
                }()
                return (key: (field, VietnameseText.searchKey(sheet.name), sheet.code), sheet: sheet)
            }
            .sorted { $0.key < $1.key }
            .map(\.sheet)
    }

    /// The commune's board on a date, from the replayed catalogue.
    public init(catalogue: Catalogue, province: Province, commune: Province.Commune, date: LocalDate, postedOn: LocalDate? = nil) {
        let state = catalogue.state(at: date)
        let entries = Board.entries(state, commune: commune.code)
        // Built on two threads: the bundle's sheets are built before any of them can be laid out,
        // on the command's critical path.
        let built = UnsafeMutableBufferPointer<Sheet?>.allocate(capacity: entries.count)
        built.initialize(repeating: nil)
        defer {
            built.deinitialize()
            built.deallocate()
        }
        let slots = SheetSlots(slots: built)
        let chunks = entries.count < 64 ? 1 : 2
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            for i in stride(from: chunk, to: entries.count, by: chunks) {
                let entry = entries[i]
                slots.slots[i] = Sheet(
                    procedure: entry.procedure, key: entry.key,
                    context: SheetContext(version: entry.version, catalogue: catalogue, province: province, commune: commune, postedOn: postedOn ?? date))
            }
        }
        self.init(province: province, commune: commune, date: date, sheets: built.map { $0! })
    }

    /// Fields in order, with the indices of their sheets.
    public var groups: [(field: String, sheets: [Int])] {
        var groups: [(field: String, sheets: [Int])] = []
        for (index, sheet) in sheets.enumerated() {
            if groups.last?.field == sheet.field { groups[groups.count - 1].sheets.append(index) } else { groups.append((sheet.field, [index])) }
        }
        return groups
    }

    public var cover: Section {
        var blocks = [
            Block("Ủy ban nhân dân \(commune.name)".uppercased(), style: .banner, alignment: .center, spaceBefore: 0),
            Block("BẢNG NIÊM YẾT THỦ TỤC HÀNH CHÍNH", style: .title, alignment: .center, spaceBefore: 200),
            Block("tại Bộ phận Một cửa \(commune.name), \(province.name)", style: .heading, alignment: .center, spaceBefore: 12),
            Block("\(sheets.count) thủ tục hành chính thuộc \(groups.count) lĩnh vực", alignment: .center, spaceBefore: 24),
            Block("Có hiệu lực ngày \(date.vietnamese)", alignment: .center, spaceBefore: 6),
        ]
        if let address = commune.address { blocks.append(Block(address, alignment: .center, spaceBefore: 120)) }
        let contacts = [commune.phone.map { "Điện thoại: \($0)" }, commune.email.map { "Thư điện tử: \($0)" }].compactMap { $0 }
        if !contacts.isEmpty { blocks.append(Block(contacts.joined(separator: " · "), alignment: .center)) }
        return Section(blocks: blocks, footer: "\(commune.name) · bảng niêm yết ngày \(date.vietnamese)", numbered: false, outline: "Bìa")
    }

    /// The table of contents; `pages` holds each sheet's first page in the whole PDF, or nil while
    /// laying out (the numbers sit in a fixed column, so they never change the layout).
    public func tableOfContents(pages: [Int]?) -> Section {
        var blocks = [Block("MỤC LỤC", style: .title, alignment: .center, spaceBefore: 0)]
        for (number, group) in groups.enumerated() {
            blocks.append(Block("\(Self.roman(number + 1)). \(group.field) (\(group.sheets.count) thủ tục)", style: .heading, keepWithNext: true))
            for (position, index) in group.sheets.enumerated() {
                let sheet = sheets[index]
                blocks.append(Block(
                    [Block.Run("\(position + 1). "), .bold(sheet.code), Block.Run(" – \(sheet.name)")],
                    indent: 12, spaceBefore: 4, trailing: pages.map { String($0[index]) } ?? "000"))
            }
        }
        return Section(blocks: blocks, continuation: "Mục lục (tiếp theo)", footer: "\(commune.name) · mục lục", outline: "Mục lục")
    }

    static func roman(_ n: Int) -> String {
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var n = n, out = ""
        for (value, letters) in table { while n >= value { out += letters; n -= value } }
        return out
    }
}

/// The sheets being built, each slot written by one thread only.
private struct SheetSlots: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<Sheet?>
}
