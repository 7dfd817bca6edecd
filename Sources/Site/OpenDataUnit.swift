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
            let tables = OpenData.tables(data, keys: model.entryKeys, previous: previous)
            Trace.mark("open data: tables made (\(tables.reused) rows copied)")
            try out.emit(SiteLinks.catalogueJSON, bytes: tables.json)
            try out.emit(SiteLinks.proceduresCSV, bytes: tables.csv)
            try out.emit(OpenDataState.fileName, bytes: tables.state.bytes(layout: model.layoutKey))
            Trace.mark("open data: tables written")
            try out.emit(SiteLinks.feed, OpenData.feed(data))
            var paths = [SiteLinks.catalogueJSON, SiteLinks.proceduresCSV, OpenDataState.fileName, SiteLinks.feed]
            for file in OpenData.sitemaps(data, pages: kinds.map(model.path(of:))) {
                try out.emit(file.path, bytes: file.bytes)
                paths.append(file.path)
            }
            try out.emit(SiteLinks.robots, OpenData.robots(data))
            return paths + [SiteLinks.robots]
        }
    }
}
