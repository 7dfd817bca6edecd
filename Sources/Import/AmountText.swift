import Catalogue
import Formats
import Foundation

/// Amounts portals send as text: "10.000 đồng", "1.500.000đ", "10,5 USD", "Miễn phí".
///
/// Vietnamese writes '.' between thousands and ',' before a fraction. Only text that *is* an amount
/// is read as one (a number, then at most a currency word and "/lần …"); wording such as "Theo quy
/// định tại Thông tư 85/2019/TT-BTC" is not, and stays text.
enum AmountText {
    struct Amount: Equatable {
        var value: DecimalNumber
        /// ISO 4217 when the text names a currency other than đồng.
        var currency: String?
    }

    static func parse(_ text: String) -> Amount? {
        let key = SearchKeyFolding.searchKey(StoredText.singleLine(text))
        if ["mien phi", "khong thu", "khong thu phi", "khong mat phi", "khong", "0"].contains(key) {
            return Amount(value: 0)
        }
        var chars = Substring(key)
        guard let first = chars.first, first.isASCII, first.isNumber else { return nil }
        let number = chars.prefix { ($0.isASCII && $0.isNumber) || $0 == "." || $0 == "," }
        chars = chars.dropFirst(number.count).drop { $0 == " " }
        guard let value = decimal(String(number)) else { return nil }
        let unit = chars.prefix { $0.isLetter }
        let rest = chars.dropFirst(unit.count).drop { $0 == " " }
        let currency: String?
        switch unit {
        case "", "d", "dong", "vnd": currency = nil
        case "usd": currency = "USD"
        case "eur": currency = "EUR"
        default: return nil
        }
        guard rest.isEmpty || rest.first == "/" || rest.hasPrefix("mot ") || rest.hasPrefix("cho ") else { return nil }
        return Amount(value: value, currency: currency)
    }

    /// "10.000" → 10000, "1.500.000" → 1500000, "10,5" → 10.5, "16.5" → 16.5 (a '.' not followed by
    /// exactly three digits is a decimal point).
    static func decimal(_ s: String) -> DecimalNumber? {
        let groups = s.split(separator: ".", omittingEmptySubsequences: false)
        var plain: String
        if groups.count > 1, groups.dropFirst().allSatisfy({ $0.count == 3 || ($0.contains(",") && $0.prefix { $0 != "," }.count == 3) }) {
            plain = groups.joined()
        } else {
            plain = s
        }
        plain = plain.replacingOccurrences(of: ",", with: ".")
        while plain.hasSuffix(".") { plain.removeLast() }
        return DecimalNumber(plain)
    }
}
