import ArgumentParser
import Catalogue
import Formats
import Foundation

/// Where commands write: results to standard output, diagnostics and progress to standard error.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(line(text))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(line(text))
    }

    /// `text` ending in exactly one line break: its own (LF or CR LF, as in CSV) or an added LF.
    /// (By bytes: in Swift "\r\n" is one Character, so `hasSuffix("\n")` misses a CR LF ending.)
    static func line(_ text: String) -> Data {
        var data = Data(text.utf8)
        if data.last != UInt8(ascii: "\n") { data.append(UInt8(ascii: "\n")) }
        return data
    }

    /// Writes a command's result to OUT (safely: never half a file, never over a file without
    /// `--force`) or, without OUT, to standard output.
    static func deliver(_ text: String, to output: String?, force: Bool) throws {
        guard let output else { return out(text) }
        do {
            try SafeWriter.write(text, to: output, force: force)
        } catch let refusal as SafeWriter.Refusal {
            error(refusal.description)
            throw ExitCode(1)
        }
    }

    /// `deliver(_:to:force:)` of UTF-8 bytes, written to OUT without a `String` of them.
    static func deliver(utf8 bytes: [UInt8], to output: String, force: Bool) throws {
        do {
            try SafeWriter.write(utf8: bytes, to: output, force: force)
        } catch let refusal as SafeWriter.Refusal {
            error(refusal.description)
            throw ExitCode(1)
        }
    }

    /// Whether standard error is a terminal a person watches (and not CI): only then show progress.
    static var showsProgress: Bool {
        isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["CI"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    /// Prints diagnostics, errors first within each file, in reading order.
    /// The lines are gathered and written 64 KiB at a time: an import of 10,000 portal records prints
    /// some 65,000 warnings, and one write each was a measurable part of its time.
    static func report(_ diagnostics: [Diagnostic]) {
        var pending: [UInt8] = []
        pending.reserveCapacity(1 << 16)
        for d in diagnostics.sortedForDisplay {
            let line = d.description
            pending += line.utf8
            if !line.hasSuffix("\n") { pending.append(0x0A) }
            if pending.count >= 1 << 16 {
                FileHandle.standardError.write(Data(pending))
                pending.removeAll(keepingCapacity: true)
            }
        }
        if !pending.isEmpty { FileHandle.standardError.write(Data(pending)) }
    }

    /// A progress line that rewrites itself on a terminal and says nothing elsewhere.
    static func progress(_ label: String) -> (@Sendable (Int, Int) -> Void)? {
        guard showsProgress else { return nil }
        return { done, total in
            guard done == total || done % max(1, total / 100) == 0 else { return }
            let line = "\r\(label) \(done)/\(total)" + (done == total ? "\r\u{1B}[K" : "")
            FileHandle.standardError.write(Data(line.utf8))
        }
    }
}

func Foundation_exit(_ code: Int32) -> Never { exit(code) }
