// SPDX-License-Identifier: GPL-3.0-or-later
// mailto: links from web pages (RFC 6068): parsed into a draft, never a crash,
// never a header with a line break.
#include "core/mime/mailtourl.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString url = QStringLiteral("mailto:")
        + QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    auto draft = Core::parseMailtoUrl(url);
    if (draft && (draft->subject.contains(u'\r') || draft->subject.contains(u'\n')))
        std::abort();
    return 0;
}
