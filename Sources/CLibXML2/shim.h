#ifndef TTHC_CLIBXML2_SHIM_H
#define TTHC_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU, so <libxml/encoding.h> would pull in the system's
 * <unicode/ucnv.h>, whose `UErrorCode` clashes with the copy inside Foundation's _FoundationICU
 * module in any Swift module that imports both ("… is not present in definition of 'enum
 * UErrorCode' in module 'CLibXML2'" on a clean build). tthc never touches libxml2's ICU
 * converters or the fields of xmlCharEncodingHandler, so hide them. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/dict.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlstring.h>
#endif
