// SPDX-License-Identifier: GPL-3.0-or-later
// outpost-sendmail's standard input: the bounded header reader, and what is
// done with the header afterwards (Bcc removed, fields added, written back).
#include "core/mime/headerreader.h"

#include <QBuffer>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    QBuffer in;
    in.setData(reinterpret_cast<const char *>(data) + 1, static_cast<qsizetype>(size - 1));
    in.open(QIODevice::ReadOnly);
    auto header = Core::HeaderBlock::read(&in, (data[0] & 1) != 0);
    if (!header)
        return 0;
    (void)header->values("To");
    header->remove("Bcc");
    header->prepend("Message-ID", "<id@example.org>");
    const QByteArray written = header->toBytes();
    if (header->has("Bcc") || !written.endsWith("\r\n\r\n"))
        std::abort();
    // What was written is a header block again.
    if (!Core::HeaderBlock::parse(written))
        std::abort();
    return 0;
}
