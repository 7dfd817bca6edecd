#ifndef CPDFDEFLATE_H
#define CPDFDEFLATE_H

/// The zlib level every `deflateInit` of this process uses (see deflate_level.c).
int tthc_deflate_level(void);

#endif
