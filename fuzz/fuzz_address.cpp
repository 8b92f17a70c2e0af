// SPDX-License-Identifier: GPL-3.0-or-later
// What people (and scripts) type into To/Cc/Bcc: parsing, validation, IDNA,
// and the display form, which must parse back to the same mailbox.
#include "core/mime/mailaddress.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    auto list = Core::MailAddress::parseList(text, QStringLiteral("to"));
    if (!list)
        return 0;
    for (const Core::MailAddress &m : list.value()) {
        (void)m.wireAddress();
        (void)m.needsSmtpUtf8();
        auto back = Core::MailAddress::parse(m.toDisplayString());
        if (!back || !(back.value() == m))
            std::abort(); // the display form must round-trip
    }
    return 0;
}
