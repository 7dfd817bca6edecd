import Catalogue
import Foundation

/// Reads `province.json`, the province's own settings and communes.
public enum ProvinceFile {
    public static func read(_ path: String) throws(FormatError) -> Province {
        let bytes = try DocumentFile.readBytes(path)
        var text = try InputText.decode(bytes, file: path)
        let result: Result<Province, FormatError> = text.withUTF8 { p in
            func located(_ problems: [JSONScanner.Problem]) -> FormatError {
                FormatError(problems.map {
                    .error($0.message, at: SourceLocation(file: path, line: $0.position.line, column: $0.position.column))
                })
            }
            let scan = JSONScanner.scan(p, rootShape: nil)
            if scan.fatal || !scan.problems.isEmpty { return .failure(located(scan.problems)) }
            do {
                return .success(try JSONDecoder().decode(Province.self, from: Data(p)))
            } catch let error as DecodingError {
                return .failure(located([JSONFormat.problem(for: error, in: p)]))
            } catch {
                return .failure(FormatError(.error("cannot be read: \(error)", at: SourceLocation(file: path))))
            }
        }
        return try result.get()
    }
}

extension ProvinceFile {
    /// `province.json` text, pretty-printed like decision files.
    public static func write(_ province: Province) -> String {
        JSONFormat.pretty(province)
    }
}
