// SPDX-License-Identifier: GPL-3.0-or-later
// What an IMAP server sends, split at an arbitrary point: the response
// parser must stay within its bounds, never crash, and every value it hands
// out must be walkable (lists nested as deep as it allowed).
#include "core/imap/imapresponse.h"

#include <cstddef>
#include <cstdint>

namespace {

qsizetype walk(const Core::ImapValue &value, int depth)
{
    if (depth > Core::ImapResponseParser::kMaxDepth + 1)
        __builtin_trap(); // deeper than the parser promises
    qsizetype n = value.text.size();
    for (const Core::ImapValue &item : value.items)
        n += walk(item, depth + 1);
    return n;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const size_t cut = data[0] % size;
    const QByteArray input(reinterpret_cast<const char *>(data) + 1,
                           static_cast<qsizetype>(size - 1));
    Core::ImapResponseParser parser;
    for (const QByteArray &piece :
         {input.left(static_cast<qsizetype>(cut)), input.mid(static_cast<qsizetype>(cut))}) {
        const auto responses = parser.feed(piece);
        if (!responses)
            break;
        for (const Core::ImapResponse &r : *responses) {
            (void)r.serverText();
            qsizetype total = r.tag.size() + r.code.size() + r.codeArguments.size() + r.text.size();
            for (const Core::ImapValue &v : r.values)
                total += walk(v, 0);
            if (total > Core::ImapResponseParser::kMaxResponseLength * 2)
                __builtin_trap(); // more than the bound let in
        }
    }
    return 0;
}
