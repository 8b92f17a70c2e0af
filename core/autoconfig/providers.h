// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace Core::Autoconfig {

/// Outpost's own small table of major providers' submission servers, as a
/// config-v1.1 document for this domain, or empty. Written from the
/// providers' public help pages; an offline fallback, below ISPDB in trust
/// order only because it can age.
[[nodiscard]] QByteArray builtInProviderConfig(const QString &domain);

} // namespace Core::Autoconfig
