// SPDX-License-Identifier: GPL-3.0-or-later
// What an SMTP server sends, split at arbitrary points: the reply parser and
// the EHLO capability parser must stay bounded and never crash.
#include "core/smtp/capabilities.h"
#include "core/smtp/smtpreply.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    // The first byte chooses where the input is cut into two packets.
    const size_t cut = data[0] % size;
    const QByteArray input(reinterpret_cast<const char *>(data) + 1, static_cast<qsizetype>(size - 1));
    Core::SmtpReplyParser parser;
    for (const QByteArray &piece : {input.left(static_cast<qsizetype>(cut)), input.mid(static_cast<qsizetype>(cut))}) {
        auto replies = parser.feed(piece);
        if (!replies)
            break;
        for (const Core::SmtpReply &r : replies.value()) {
            (void)r.text();
            (void)r.toString();
            (void)Core::SmtpCapabilities::fromEhloReply(r);
        }
    }
    return 0;
}
