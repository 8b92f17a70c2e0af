// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace Core {

/// What a SASL mechanism may use to authenticate. Never logged or stored.
struct SaslCredentials
{
    QString username;
    QString password;   ///< for password mechanisms
    QString oauthToken; ///< OAuth 2 access token, for XOAUTH2 / OAUTHBEARER
    QString host;       ///< for OAUTHBEARER's host= (RFC 7628 §3.1)
    int port = 0;
};

/**
 * One SASL exchange for SMTP AUTH (RFC 4954): PLAIN, LOGIN, CRAM-MD5,
 * SCRAM-SHA-1, SCRAM-SHA-256, XOAUTH2 and OAUTHBEARER. Challenges and
 * responses are the decoded bytes; the SMTP client does the base64.
 */
class SaslMechanism
{
public:
    virtual ~SaslMechanism() = default;

    [[nodiscard]] virtual QString name() const = 0;
    /// The initial response sent with AUTH (RFC 4954 §4), if the mechanism has one.
    [[nodiscard]] virtual std::optional<QByteArray> initialResponse() = 0;
    /// The answer to a 334 challenge; an error if the challenge is not acceptable.
    [[nodiscard]] virtual Result<QByteArray> respond(const QByteArray &challenge) = 0;
    /// After 235: false if the server never proved itself (SCRAM).
    [[nodiscard]] virtual bool serverVerified() const { return true; }

    /// Mechanisms in order of preference that can be used with these
    /// credentials on this connection. Cleartext mechanisms (PLAIN, LOGIN)
    /// only over TLS unless allowCleartext.
    [[nodiscard]] static QStringList preferenceOrder(const SaslCredentials &credentials,
                                                     bool tlsActive, bool allowCleartext);

    /// The best mechanism among those the server offers, or an empty string.
    [[nodiscard]] static QString choose(const QStringList &offered,
                                        const SaslCredentials &credentials, bool tlsActive,
                                        bool allowCleartext);

    /// A mechanism by name (upper case); nullptr when unknown. clientNonce
    /// is for tests (SCRAM); empty means random.
    [[nodiscard]] static std::unique_ptr<SaslMechanism>
    create(const QString &name, const SaslCredentials &credentials, const QByteArray &clientNonce = {});
};

} // namespace Core
