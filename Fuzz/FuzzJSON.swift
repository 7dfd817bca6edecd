// libFuzzer target: JSONFormat.read (InputText checks, the hand-written scanner, JSONDecoder and the
// error locator), and for what loads, the JSON writer round trip. See docs/fuzzing.md.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    Checks.json(fuzzBytes(data, size))
    return 0
}
