// SPDX-License-Identifier: GPL-3.0-or-later
// A provider's config-v1.1 file, as any web server (or ISPDB entry) may serve
// it: read or refused, never a crash or a hang; what is kept is valid.
#include "core/autoconfig/clientconfig.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray xml = QByteArray::fromRawData(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const Core::Autoconfig::AddressParts address{QStringLiteral("jö@example.org"), QStringLiteral("jö"), QStringLiteral("example.org")};
    auto config = Core::Autoconfig::readClientConfig(xml, address);
    if (!config)
        return 0;
    if (config->servers.isEmpty())
        std::abort(); // success means at least one usable server
    for (const auto &s : config->servers) {
        if (!Core::Autoconfig::isValidHostName(s.host) || s.port == 0 || s.host.contains(QLatin1Char('%')))
            std::abort();
        if (s.username.contains(QLatin1String("%EMAIL")))
            std::abort(); // placeholders are always substituted or dropped
    }
    return 0;
}
