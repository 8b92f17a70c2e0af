// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Core {

enum class SmtpSecurity {
    ImplicitTls, ///< TLS from the first byte (port 465, RFC 8314)
    StartTls,    ///< plain connect, then STARTTLS, required (port 587)
    None,        ///< no encryption; only when the account says so explicitly
};

/// Per-phase timeouts in milliseconds (RFC 5321 §4.5.3.2 minimums by default).
struct SmtpTimeouts
{
    int connect = 30'000;
    int greeting = 300'000;
    int command = 300'000;    ///< EHLO, STARTTLS, AUTH, MAIL, RCPT, RSET, NOOP
    int dataInit = 120'000;   ///< reply to DATA
    int dataBlock = 180'000;  ///< no upload progress for this long
    int finalReply = 600'000; ///< reply to the final dot: at least 10 minutes
    int quit = 30'000;
    int idleQuit = 5'000; ///< QUIT a connection idle for this long
    int noopAfterIdle = 2'000; ///< NOOP before reusing a connection idle this long

    /// For signing in while a person waits (account test, account add):
    /// the RFC's five minutes for a greeting or a reply are too long there.
    [[nodiscard]] static SmtpTimeouts forSignIn()
    {
        SmtpTimeouts t;
        t.greeting = t.command = 30'000;
        return t;
    }
};

struct SmtpServerSettings
{
    QString host;
    quint16 port = 587;
    SmtpSecurity security = SmtpSecurity::StartTls;
    /// Send a password over an unencrypted connection (explicit opt-in).
    bool allowCleartextAuth = false;
    /// EHLO argument; empty: the address literal of the local end.
    QString ehloName;
    /// SHA-256 fingerprints (hex) of certificates the user accepted for this
    /// host although they failed verification: such a certificate is
    /// accepted, any other failing one is "changed". A certificate that
    /// passes verification needs no pin (pinsSuperseded()).
    QStringList pinnedSha256;
    /// Restricts AUTH to these mechanisms (upper case); empty: the best offered.
    QStringList authMechanisms;
    /// PEM file with extra trusted CAs (enterprise or test CAs).
    QString extraCaFile;
    /// Write the next envelope behind a final dot (RFC 2920 §3.1). Cleared
    /// for a server known to answer that with 503 (pipelinesBehindDot()).
    bool pipelineBehindDot = true;
    /// Send messages of at least this many octets with BDAT (RFC 3030) when
    /// the server offers CHUNKING; smaller ones with DATA. Negative: never,
    /// the default: measured against DATA with the one tested server that
    /// offers CHUNKING (Postfix), BDAT was 7 to 15 % slower for a 25 MiB
    /// message and no faster for small ones (docs/design/SMTP.md).
    qint64 chunkingThreshold = -1;
    SmtpTimeouts timeouts;
};

} // namespace Core
