// Cairo compresses every stream of a PDF (page contents, fonts, images) with zlib at the default
// level, 6, and has no setting for it. A posting-sheet bundle's streams are almost all text
// operators, which level 2 compresses in less than half the time (CPU of deflating one commune's
// 912 pages: 204 ms at level 6, 91 ms at level 2) into a file about a sixth larger. Deflating runs
// on the thread that writes the PDF, the bundle's critical path.
//
// So this executable defines `deflateInit_`, which `deflateInit` expands to: the dynamic linker
// resolves Cairo's call to this definition before zlib's, and it asks zlib for the same stream at
// level 2. Nothing else in tthc compresses (the site and open data are written uncompressed), and
// callers that choose their parameters with `deflateInit2_` are not affected.
#include <zlib.h>
#include "CPDFDeflate.h"

enum { pdf_deflate_level = 2 };

int tthc_deflate_level(void) { return pdf_deflate_level; }

int deflateInit_(z_streamp strm, int level, const char *version, int stream_size) {
    (void)level;
    return deflateInit2_(strm, pdf_deflate_level, Z_DEFLATED, MAX_WBITS, 8, Z_DEFAULT_STRATEGY, version, stream_size);
}
