// Shared by every fuzz target (compiled into each, see scripts/fuzz): what must hold for any input,
// whether it loads or not. A broken property is a crash, so libFuzzer keeps the input that broke it.

import Catalogue
import Formats

#if canImport(Glibc)
import Glibc
#endif

enum Checks {
    /// The name the input is read under; every located diagnostic must point into it.
    static let inputName = "fuzz-input"

    /// Stops the run with the property that failed; libFuzzer then saves the input as `crash-…`.
    static func fail(_ message: String) -> Never {
        fatalError("tthc fuzz property broken: \(message)")
    }

    /// A refused input: at least one error, each located in the input (or unlocated), with a message.
    static func checkRefusal(_ error: FormatError, lines: Int) {
        let diagnostics = error.diagnostics
        if !diagnostics.hasErrors { fail("a refusal without an error diagnostic: \(error)") }
        for diagnostic in diagnostics {
            if diagnostic.message.isEmpty { fail("a diagnostic with no message at \(String(describing: diagnostic.location))") }
            guard let location = diagnostic.location else { continue }
            if location.file != inputName { fail("a diagnostic about another file: \(diagnostic)") }
            if location.line < 0 || location.line > lines + 1 || location.column < 0 {
                fail("a diagnostic outside the input (\(lines) lines): \(diagnostic)")
            }
        }
        // Rendering must not trap either.
        _ = error.description
    }

    static func lineCount(_ bytes: [UInt8]) -> Int {
        bytes.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    }

    /// A document that loaded must survive its own writer: written out and read back, it is the same
    /// model (the writers promise canonical output that reads back to the same value).
    static func checkRoundTrip(
        _ document: Document,
        write: (Decision) -> String, writeProcedure: (Procedure) -> String,
        read: ([UInt8], String) throws(FormatError) -> Document, format: String
    ) {
        switch document {
        case .decision(let sourced):
            if sourced.itemLocations.count > sourced.decision.items.count {
                fail("\(format): more item locations (\(sourced.itemLocations.count)) than items (\(sourced.decision.items.count))")
            }
            let text = write(sourced.decision)
            let back: Document
            do { back = try read(Array(text.utf8), "round-trip") } catch {
                fail("\(format): the writer's output does not read back:\n\(error)\n--- written:\n\(text)")
            }
            guard case .decision(let again) = back else { fail("\(format): a decision read back as a procedure") }
            if again.decision != sourced.decision {
                fail("\(format): a decision changed on a round trip\n--- written:\n\(text)\n--- read back, written again:\n\(write(again.decision))")
            }
        case .procedure(let procedure, _):
            let text = writeProcedure(procedure)
            let back: Document
            do { back = try read(Array(text.utf8), "round-trip") } catch {
                fail("\(format): the writer's output does not read back:\n\(error)\n--- written:\n\(text)")
            }
            guard case .procedure(let again, _) = back else { fail("\(format): a procedure read back as a decision") }
            if again != procedure {
                fail("\(format): a procedure changed on a round trip\n--- written:\n\(text)\n--- read back, written again:\n\(writeProcedure(again))")
            }
        }
    }

    static func xml(_ bytes: [UInt8]) {
        let document: Document
        do { document = try XMLFormat.read(bytes, file: inputName) } catch {
            checkRefusal(error, lines: lineCount(bytes))
            return
        }
        checkRoundTrip(
            document, write: { XMLFormat.write($0) }, writeProcedure: { XMLFormat.write($0) },
            read: { (bytes, file) throws(FormatError) in try XMLFormat.read(bytes, file: file) }, format: "XML")
    }

    static func json(_ bytes: [UInt8]) {
        let document: Document
        do { document = try JSONFormat.read(bytes, file: inputName) } catch {
            checkRefusal(error, lines: lineCount(bytes))
            return
        }
        checkRoundTrip(
            document, write: { JSONFormat.write($0) }, writeProcedure: { JSONFormat.write($0) },
            read: { (bytes, file) throws(FormatError) in try JSONFormat.read(bytes, file: file) }, format: "JSON")
    }
}

/// Bytes from libFuzzer as an array (the loaders' input type). `data` may be null when `size` is 0.
func fuzzBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}
