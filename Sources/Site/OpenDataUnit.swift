import Catalogue
import Formats

extension SiteBuilder {
    /// The open data: `catalogue.json`, `procedures.csv`, the feed, the sitemaps of `kinds` and
    /// robots.txt, made together. Kept as they are when the whole catalogue in force, the page
    /// list and the layout are the previous build's (`catalogueKey`); otherwise made again, with
    /// the rows of every procedure whose identity the previous build's tables have copied from
    /// them (`OpenDataState`) — a decision that touches 20 procedures makes 20 rows.
    func openDataUnit(_ kinds: [PageKind], into out: OutputFolder, previous manifest: Manifest) throws -> Manifest.Unit {
        let data = model.data
        // The open data rests on the catalogue in force and the page list (the sitemap), like home.
        var open = Fingerprint()
        open.add("open data")
        open.add(model.layoutKey)
        open.add(model.catalogueKey)
        return try unit(Manifest.openData, open.hex, manifest, out) {
            let old = manifest.units[Manifest.openData]
            let previous = (out.live ?? out.previous).flatMap { folder -> OpenDataState.Previous? in
                guard let old, [OpenDataState.fileName, SiteLinks.catalogueJSON, SiteLinks.proceduresCSV].allSatisfy(old.files.contains)
                else { return nil }
                return OpenDataState.Previous(folder: folder, layout: model.layoutKey)
            }
            Trace.mark("open data: previous tables mapped")
            var tables = OpenData.tables(data, keys: model.entryKeys, previous: previous)
            Trace.mark("open data: tables made (\(tables.reused) rows copied)")
            try out.emit(SiteLinks.feed, OpenData.feed(data))
            var paths = [SiteLinks.catalogueJSON, SiteLinks.proceduresCSV, OpenDataState.fileName, SiteLinks.feed]
            // The sitemaps list every page, the procedures' last (`SiteModel.pages`): when the
            // procedures are the previous build's (most decisions add none), their lines are the
            // previous sitemaps' last lines, and only the other pages' lines are made.
            let procedures = kinds.firstIndex { if case .procedure = $0 { true } else { false } } ?? kinds.count
            let procedurePages = procedurePagesKey(kinds[procedures...])
            let others = OpenData.urlLines(data, pages: kinds[..<procedures].map(model.path(of:)))
            var lines: [UInt8]
            if procedurePages != 0, let previous, previous.state.procedurePages == procedurePages,
               let kept = previousProcedureLines(old?.files ?? [], out: out, bytes: previous.state.procedureLines, count: kinds.count - procedures) {
                lines = others + kept
            } else {
                lines = others + OpenData.urlLines(data, pages: kinds[procedures...].map(model.path(of:)))
            }
            tables.state.procedurePages = procedurePages
            tables.state.procedureLines = lines.count - others.count
            for file in OpenData.sitemaps(data, lines: lines) {
                try out.emit(file.path, bytes: file.bytes)
                paths.append(file.path)
            }
            try tables.json.withSegments { try out.emit(SiteLinks.catalogueJSON, pieces: $0) }
            try tables.csv.withSegments { try out.emit(SiteLinks.proceduresCSV, pieces: $0) }
            try out.emit(OpenDataState.fileName, bytes: tables.state.bytes(layout: model.layoutKey))
            Trace.mark("open data: feed, sitemaps and tables written")
            try out.emit(SiteLinks.robots, OpenData.robots(data))
            return paths + [SiteLinks.robots]
        }
    }

    /// The identity of the procedure pages (`kinds` from the first procedure on, which are all
    /// procedures): a procedure page's path is made from its key alone. 0, which matches nothing,
    /// when a page that is not a procedure's follows them (then their lines are not one block).
    func procedurePagesKey(_ kinds: ArraySlice<PageKind>) -> UInt64 {
        var f = Fingerprint()
        f.add("procedure pages")
        f.add(UInt64(kinds.count))
        for kind in kinds {
            guard case .procedure(let key) = kind else { return 0 }
            f.add(key)
        }
        return f.value
    }

    /// The last `bytes` bytes of the `<url>` lines of the previous build's sitemaps (among
    /// `files`, its open data unit's), when they are `count` whole lines; nil otherwise.
    func previousProcedureLines(_ files: [String], out: OutputFolder, bytes: Int, count: Int) -> [UInt8]? {
        guard let folder = out.live ?? out.previous else { return nil }
        let names = files.filter { $0.hasPrefix("sitemap-") && $0.hasSuffix(".xml") }
        let urlsets = names.isEmpty ? files.filter { $0 == SiteLinks.sitemap } : names
        var mapped: [MappedFile] = []
        for name in urlsets {
            guard let file = MappedFile(folder + "/" + name) else { return nil }
            mapped.append(file)
        }
        guard !mapped.isEmpty, let lines = OpenData.urlLines(ofSitemaps: mapped.map(\.bytes)), bytes <= lines.count else { return nil }
        let start = lines.count - bytes
        guard start == 0 || lines[start - 1] == 0x0A else { return nil }
        let kept = Array(lines[start...])
        let breaks = kept.withUnsafeBufferPointer { b in b.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
        guard breaks == count, count == 0 || kept.last == 0x0A else { return nil }
        return kept
    }
}
