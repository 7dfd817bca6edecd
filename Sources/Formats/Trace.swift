import Foundation

/// Phase timings for developers measuring a command: with `TTHC_TRACE=1` in the environment each
/// `mark` prints the seconds since the first one and what just finished to standard error
/// (`[  1.394] site data`); without it a mark costs one check of a constant.
public enum Trace {
    static let isOn = ProcessInfo.processInfo.environment["TTHC_TRACE"].map { !$0.isEmpty && $0 != "0" } ?? false
    static let start = now()

    public static func mark(_ what: @autoclosure () -> String) {
        guard isOn else { return }
        let line = String(format: "[%8.3f] ", now() - start) + what() + "\n"
        FileHandle.standardError.write(Data(line.utf8))
    }

    private static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
