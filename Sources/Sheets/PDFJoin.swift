import CQPDF

/// Joins PDFs that Cairo wrote in memory, one after the other, into one file, with an outline.
///
/// A bundle's parts are drawn on separate cores, each into a PDF surface of its own (a Cairo
/// surface belongs to one thread), and qpdf puts them back together: the first part is the base, the
/// pages of the others are copied behind it with what they use (fonts, images), and the outline is
/// built over the joined pages — Cairo's outline of a part could only point at the part's own pages.
/// Streams are copied as they are (no decoding, no compressing again). Each part embeds its own
/// subset of the fonts, so the joined file holds one subset per part.
enum PDFJoin {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// One entry of the joined PDF's outline: a title for the `page`-th page (0-based, joined order).
    struct OutlineEntry {
        var title: String
        var page: Int
    }

    /// Writes `parts` joined, in order, to `path`.
    static func write(_ parts: [[UInt8]], outline: [OutlineEntry], to path: String) throws {
        guard let first = parts.first else { throw Failure(description: "\(path): no pages to write") }
        let base = try Document(first, name: "part 1", path: path)
        var sources: [Document] = []
        for (index, part) in parts.dropFirst().enumerated() {
            let source = try Document(part, name: "part \(index + 2)", path: path)
            sources.append(source)
            let count = qpdf_get_num_pages(source.handle)
            guard count >= 0 else { throw source.failure(path, doing: "count the pages of part \(index + 2)") }
            for page in 0..<Int(count) {
                let handle = qpdf_get_page_n(source.handle, page)
                guard qpdf_add_page(base.handle, source.handle, handle, QPDF_FALSE) & errors == 0 else {
                    throw base.failure(path, doing: "copy page \(page + 1) of part \(index + 2)")
                }
            }
        }
        try base.setOutline(outline, path: path)
        guard qpdf_init_write(base.handle, path) & errors == 0 else { throw base.failure(path, doing: "create the file") }
        // Cairo's streams are already compressed: copy them, do not decode and deflate them again.
        qpdf_set_decode_level(base.handle, qpdf_dl_none)
        qpdf_set_compress_streams(base.handle, QPDF_FALSE)
        qpdf_set_object_stream_mode(base.handle, qpdf_o_disable)
        guard qpdf_write(base.handle) & errors == 0 else { throw base.failure(path, doing: "write the joined PDF") }
        withExtendedLifetime(sources) {}
    }

    /// `QPDF_ERRORS`, a macro Swift does not import.
    private static let errors: QPDF_ERROR_CODE = 2

    /// A PDF read by qpdf from bytes that it keeps for as long as the document lives.
    private final class Document {
        let handle: qpdf_data
        private let bytes: UnsafeMutableBufferPointer<CChar>

        init(_ pdf: [UInt8], name: String, path: String) throws {
            handle = qpdf_init()
            // Messages are read through qpdf_get_error, never printed by the library.
            qpdf_silence_errors(handle)
            qpdf_set_suppress_warnings(handle, QPDF_TRUE)
            bytes = .allocate(capacity: pdf.count)
            _ = pdf.withUnsafeBytes { bytes.initialize(from: $0.bindMemory(to: CChar.self)) }
            guard qpdf_read_memory(handle, name, bytes.baseAddress, UInt64(bytes.count), nil) & PDFJoin.errors == 0 else {
                throw failure(path, doing: "read the PDF Cairo wrote (\(name))")
            }
        }

        deinit {
            var data: qpdf_data? = handle
            qpdf_cleanup(&data)
            bytes.deallocate()
        }

        func failure(_ path: String, doing what: String) -> Failure {
            let message = qpdf_has_error(handle) != 0 ? String(cString: qpdf_get_error_full_text(handle, qpdf_get_error(handle))) : "unknown error"
            return Failure(description: "\(path): error: cannot \(what) (qpdf: \(message))")
        }

        /// Replaces the document's outline with `entries`, flat, in order (as Cairo writes one).
        func setOutline(_ entries: [OutlineEntry], path: String) throws {
            let root = qpdf_get_root(handle)
            guard !entries.isEmpty else {
                qpdf_oh_remove_key(handle, root, "/Outlines")
                return
            }
            let pages = Int(qpdf_get_num_pages(handle))
            let outlines = qpdf_make_indirect_object(handle, qpdf_oh_new_dictionary(handle))
            qpdf_oh_replace_key(handle, outlines, "/Type", qpdf_oh_new_name(handle, "/Outlines"))
            let items = entries.map { _ in qpdf_make_indirect_object(handle, qpdf_oh_new_dictionary(handle)) }
            for (index, (entry, item)) in zip(entries, items).enumerated() {
                guard (0..<pages).contains(entry.page) else {
                    throw Failure(description: "\(path): error: the outline entry “\(entry.title)” points at page \(entry.page + 1) of \(pages)")
                }
                let destination = qpdf_oh_new_array(handle)
                qpdf_oh_append_item(handle, destination, qpdf_get_page_n(handle, entry.page))
                qpdf_oh_append_item(handle, destination, qpdf_oh_new_name(handle, "/XYZ"))
                qpdf_oh_append_item(handle, destination, qpdf_oh_new_null(handle))
                qpdf_oh_append_item(handle, destination, qpdf_oh_new_null(handle))
                qpdf_oh_append_item(handle, destination, qpdf_oh_new_integer(handle, 0))
                qpdf_oh_replace_key(handle, item, "/Title", qpdf_oh_new_unicode_string(handle, entry.title))
                qpdf_oh_replace_key(handle, item, "/Parent", outlines)
                qpdf_oh_replace_key(handle, item, "/Dest", destination)
                if index > 0 { qpdf_oh_replace_key(handle, item, "/Prev", items[index - 1]) }
                if index + 1 < items.count { qpdf_oh_replace_key(handle, item, "/Next", items[index + 1]) }
            }
            qpdf_oh_replace_key(handle, outlines, "/First", items[0])
            qpdf_oh_replace_key(handle, outlines, "/Last", items[items.count - 1])
            qpdf_oh_replace_key(handle, outlines, "/Count", qpdf_oh_new_integer(handle, Int64(items.count)))
            qpdf_oh_replace_key(handle, root, "/Outlines", outlines)
        }
    }
}
