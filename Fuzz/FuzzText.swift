// libFuzzer target: InputText.decode alone (size, BOM, UTF-16, NUL, legacy 8-bit bytes, NFC).
// What it returns must be NFC and decode to itself again. See docs/fuzzing.md.

import Catalogue
import Formats

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzText(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzBytes(data, size)
    let text: String
    do { text = try InputText.decode(bytes, file: Checks.inputName) } catch {
        Checks.checkRefusal(error, lines: Checks.lineCount(bytes))
        return 0
    }
    let utf8 = Array(text.utf8)
    if utf8 != Array(VietnameseText.nfc(text).utf8) { Checks.fail("decoded text is not NFC: \(utf8)") }
    // NFC text without a BOM decodes to itself (a leading U+FEFF would be dropped again, as a BOM).
    if !utf8.starts(with: [0xEF, 0xBB, 0xBF]) {
        do {
            let again = try InputText.decode(utf8, file: Checks.inputName)
            if Array(again.utf8) != utf8 { Checks.fail("decoding is not idempotent: \(utf8) → \(Array(again.utf8))") }
        } catch {
            Checks.fail("decoded text is refused when decoded again: \(error)")
        }
    }
    return 0
}
