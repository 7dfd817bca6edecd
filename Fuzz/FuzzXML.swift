// libFuzzer target: XMLFormat.read (InputText checks, then one streaming libxml2 pass with XSD
// validation and model building), and for what loads, the XML writer round trip. See docs/fuzzing.md.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    Checks.xml(fuzzBytes(data, size))
    return 0
}
