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

/// True for the servers of the providers in the table that want OAuth 2.0
/// (Google, Microsoft, Yahoo, AOL): Outpost signs in to them with OAuth even
/// where a password would still be accepted.
[[nodiscard]] bool builtInPrefersOAuth(const QString &host);

} // namespace Core::Autoconfig
