import Foundation
import Mustache
import TemplateView

/// The templates and assets a site is built with: the defaults under `site/`, with any file of the
/// same name in a `--theme` folder taking its place.
///
/// Why files and not templates compiled into the binary (as Formats does with its XSD): a province
/// restyles its site by copying one template or the CSS into a theme folder and editing it, and the
/// defaults are the reference for that; keeping them as plain files in the repository's `site/`
/// folder means there is one copy to read, edit and review. `Theme.locate` finds them from a source
/// checkout, from beside the catalogue, or beside an installed binary (`share/tthc/site`), and the
/// build stops with a message saying where it looked when there are none.
public struct Theme: Sendable {
    public let library: MustacheLibrary
    /// The same templates compiled for rendering `TemplateValue`s (what `render` uses); a template
    /// the compiler leaves to swift-mustache renders through `library`.
    public let compiled: CompiledTemplates
    /// Every asset by its path under `assets/`, mapped to the file it is copied from.
    public let assets: [String: String]
    /// The template names loaded, for the error when one is missing.
    public let templateNames: Set<String>
    /// Each template's text by name (without `.mustache`), for renderers outside the site's own
    /// library (the posting sheet's).
    public let templateSources: [String: String]
    /// A stable hash of every template's name and text: pages are kept from a previous build only
    /// when it was made with the same templates.
    public let fingerprint: String

    /// Where the default `site/` folder is: beside the catalogue folder, in the current directory,
    /// or in `../share/tthc/site` next to the executable. Nil when none has `templates/`.
    public static func locate(catalogue: String) -> [String] {
        let fm = FileManager.default
        let cwd = fm.currentDirectoryPath
        let catalogueURL = URL(fileURLWithPath: catalogue, relativeTo: URL(fileURLWithPath: cwd, isDirectory: true))
        var candidates = [
            catalogueURL.standardizedFileURL.deletingLastPathComponent().appendingPathComponent("site").path,
            URL(fileURLWithPath: cwd).appendingPathComponent("site").path,
        ]
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        candidates.append(executable.deletingLastPathComponent().appendingPathComponent("../share/tthc/site").standardizedFileURL.path)
        var seen = Set<String>()
        return candidates.filter { seen.insert($0).inserted }
    }

    /// Loads the templates (`*.mustache` under `templates/`) and lists the assets (every file under
    /// `assets/`) of `site`, then of `theme` on top.
    public static func load(site: String, theme: String? = nil) throws -> Theme {
        HTMLEscaping.register
        var templates: [String: MustacheTemplate] = [:]
        var texts: [String: String] = [:]
        var assets: [String: String] = [:]
        var folders = [site]
        if let theme {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: theme, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw SiteError("\(theme): error: the theme folder does not exist; give a folder with templates/ and/or assets/ in it")
            }
            folders.append(theme)
        }
        for folder in folders {
            for (name, file) in try files(under: folder + "/templates") where name.hasSuffix(".mustache") {
                let text: String
                do {
                    text = try String(contentsOfFile: file, encoding: .utf8)
                } catch {
                    throw SiteError("\(file): error: cannot read the template (\(error.localizedDescription))")
                }
                texts[name] = text
                do {
                    templates[String(name.dropLast(".mustache".count))] = try MustacheTemplate(string: text)
                } catch let error as MustacheTemplate.ParserError {
                    throw SiteError("\(file):\(error.context.lineNumber):\(error.context.columnNumber): error: the template does not parse (\(error.error)); fix the Mustache tag there")
                }
            }
            for (name, file) in try files(under: folder + "/assets") { assets[name] = file }
        }
        var hash = Fingerprint()
        for (name, text) in texts.sorted(by: { $0.key < $1.key }) {
            hash.add(name)
            hash.add(text)
        }
        return Theme(
            library: MustacheLibrary(templates: templates), compiled: CompiledTemplates(templates: templates), assets: assets, templateNames: Set(templates.keys),
            templateSources: Dictionary(uniqueKeysWithValues: texts.map { (String($0.key.dropLast(".mustache".count)), $0.value) }),
            fingerprint: hash.hex)
    }

    /// Files under a folder (none if it is absent), by path relative to it, hidden files skipped.
    static func files(under folder: String) throws -> [(String, String)] {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else { return [] }
        guard let enumerator = fm.enumerator(atPath: folder) else { return [] }
        var out: [(String, String)] = []
        for case let relative as String in enumerator {
            let file = folder + "/" + relative
            guard !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            var dir: ObjCBool = false
            if fm.fileExists(atPath: file, isDirectory: &dir), !dir.boolValue { out.append((relative, file)) }
        }
        return out.sorted { $0.0 < $1.0 }
    }

    /// Renders a view with a template, or says which template is missing.
    public func render(_ view: TemplateValue, template: String) throws -> String {
        String(decoding: try renderBytes(view, template: template), as: UTF8.self)
    }

    /// Renders a view with a template as UTF-8 bytes (what `render` returns, for writing to a file
    /// without a round trip through `String`), or says which template is missing.
    public func renderBytes(_ view: TemplateValue, template: String) throws -> [UInt8] {
        guard let bytes = compiled.renderBytes(view, withTemplate: template) else {
            throw SiteError("site/templates/\(template).mustache: error: the template is missing; restore it from the tthc sources or add it to the theme")
        }
        return bytes
    }
}
