// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/smtp/smtpsettings.h"

#include <QString>
#include <QStringList>

namespace Core {

/// Implicit TLS (993), STARTTLS (143, required) or none, as for SMTP.
using ImapSecurity = SmtpSecurity;

/// Per-phase time-outs in milliseconds. IMAP has no RFC minimums as SMTP
/// does; these follow the same idea: generous for a command, longer while
/// a message is uploaded, short for the polite LOGOUT.
struct ImapTimeouts
{
    int connect = 30'000;
    int greeting = 60'000;
    int command = 120'000; ///< CAPABILITY, STARTTLS, AUTHENTICATE, LIST, SEARCH, …
    int upload = 180'000; ///< no upload progress for this long during APPEND
    int appendReply = 600'000; ///< the tagged answer after the whole message
    int logout = 10'000;
};

/// Where and how to connect; the same trust inputs as SmtpServerSettings.
struct ImapServerSettings
{
    QString host;
    quint16 port = 993;
    ImapSecurity security = ImapSecurity::ImplicitTls;
    /// Send a password over an unencrypted connection (explicit opt-in).
    bool allowCleartextAuth = false;
    /// SHA-256 fingerprints (hex) of certificates the person accepted for
    /// this host although they failed verification (TrustStore).
    QStringList pinnedSha256;
    /// Restricts AUTHENTICATE to these mechanisms (upper case); empty: the best offered.
    QStringList authMechanisms;
    /// PEM file with extra trusted CAs (enterprise or test CAs).
    QString extraCaFile;
    ImapTimeouts timeouts;
};

} // namespace Core
