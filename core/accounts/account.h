// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/imap/imapsettings.h"
#include "core/mime/mailaddress.h"
#include "core/result.h"
#include "core/smtp/smtpsettings.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace Core {

/// How an account signs in to its submission server.
enum class AuthMethod { Password, OAuth2, None };

/**
 * Where an OAuth2 account signs in: the authorization server's endpoints,
 * the scopes and this program's client id there. Nothing secret: the refresh
 * token is in the keychain (SecretKind::OAuthRefreshToken), the access token
 * only in memory, the client secret (if any) comes from the provider table.
 */
struct OAuth2Settings
{
    QString issuer;
    QUrl authorizationEndpoint;
    QUrl tokenEndpoint;
    QUrl revocationEndpoint;
    QUrl deviceAuthorizationEndpoint;
    QStringList scopes;
    QString clientId;
    /// The last successful sign-in (UTC). Written with each sign-in so that
    /// the account file changes: every process watching it then releases
    /// the messages held for "Sign in again".
    QDateTime signedInAt;

    friend bool operator==(const OAuth2Settings &, const OAuth2Settings &) = default;
};

/// An address a person sends as: name, address, reply-to and signature.
/// Several identities can share one account (one server login).
struct Identity
{
    QString id;
    QString name;
    QString address;
    QString replyTo;
    QString signature;     ///< plain text
    QString htmlSignature; ///< optional HTML version
    bool isDefault = false;

    [[nodiscard]] MailAddress mailbox() const { return MailAddress(name, address); }
    friend bool operator==(const Identity &, const Identity &) = default;
};

/// Whether a copy of each sent message is filed in the Sent folder over
/// IMAP ("saveSent" in the account file: "auto", "always", "never").
enum class SentCopyMode { Auto, Always, Never };

/// Why an account does or does not file a Sent copy (SentCopyMode and the
/// facts it depends on), for the accounts window and `account list`.
enum class SentCopyReason {
    Never, ///< no copy: the person turned it off
    ProviderFilesCopy, ///< no copy: Auto, and the provider files one itself (IMAP server or not)
    NoImapServer, ///< no copy: Auto or Always, and no IMAP server is set
    Auto, ///< a copy: Auto, and the provider does not file one
    Always, ///< a copy: the person asked for one
};

/**
 * The account's incoming server, used only to file the Sent copy. It signs
 * in with the account's own credentials (password or OAuth2 token) and
 * trusts certificates as SMTP does (TrustStore pins by host:port).
 */
struct ImapAccountSettings
{
    QString host; ///< empty: the account has no IMAP server
    quint16 port = 993;
    /// ImplicitTls or StartTls; None only with the account's allowCleartextAuth.
    SmtpSecurity security = SmtpSecurity::ImplicitTls;
    QString username; ///< empty: the SMTP user name

    friend bool operator==(const ImapAccountSettings &, const ImapAccountSettings &) = default;
};

/**
 * One submission account: the server, how to sign in, options, and its
 * identities. The password is never part of it: CredentialStore keeps it in
 * the OS keychain under the account's id. Pinned certificates live in the
 * TrustStore, per server.
 */
struct Account
{
    QString id; ///< stable, generated once (UUID)
    QString name; ///< what the person calls it ("Work")
    QString host;
    quint16 port = 587;
    SmtpSecurity security = SmtpSecurity::StartTls;
    QString username;
    AuthMethod auth = AuthMethod::Password;
    OAuth2Settings oauth2; ///< auth == OAuth2 only
    bool allowCleartextAuth = false;
    QStringList authMechanisms; ///< empty: the best the server offers
    qint64 maxMessageSize = 0; ///< the server's SIZE when last seen; 0: unknown
    bool requestDsn = false;
    /// False once the server answered a command pipelined behind a final
    /// dot with 503 (Haraka): learnt once, kept for every later session.
    bool pipelineBehindDot = true;
    ImapAccountSettings imap; ///< for the Sent copy; imap.host empty: none
    SentCopyMode saveSent = SentCopyMode::Auto;
    QList<Identity> identities;

    /// The default identity (the flagged one, else the first); nullptr if none.
    [[nodiscard]] const Identity *defaultIdentity() const;
    /// The identity with this address (case-insensitive); nullptr if none.
    [[nodiscard]] const Identity *identityFor(const QString &address) const;

    /// Checks the fields a person can get wrong; the error names the field.
    [[nodiscard]] Result<void> validate() const;

    /// The settings to reach this account's server: the one place they
    /// are made, for sending and for signing in alike (time-outs differ).
    [[nodiscard]] SmtpServerSettings smtpSettings(const QStringList &pinnedSha256, const QString &extraCaFile,
                                                  const SmtpTimeouts &timeouts = {}) const;

    /// True when the provider files a copy of what its SMTP server sends in
    /// Sent itself (Gmail, Outlook.com, Microsoft 365), known by the host:
    /// smtp.gmail.com, smtp.googlemail.com, *.outlook.com, *.office365.com.
    [[nodiscard]] static bool providerFilesSentCopy(const QString &smtpHost);
    /// Whether a copy is filed after each send: never without an IMAP
    /// server or with Never; with Auto unless the provider files one itself.
    [[nodiscard]] bool copiesToSent() const;
    [[nodiscard]] SentCopyReason sentCopyReason() const;
    /// "no_imap_server", "never", "provider_files_copy", "auto", "always".
    [[nodiscard]] static QString sentCopyReasonName(SentCopyReason reason);
    /// One translated sentence saying whether a copy is filed and why.
    [[nodiscard]] QString sentCopyExplanation() const;
    /// "Gmail", "Outlook.com" or "Microsoft 365" where providerFilesSentCopy(); else empty.
    [[nodiscard]] static QString sentCopyProviderName(const QString &smtpHost);
    /// The settings to reach the IMAP server for the Sent copy: the one
    /// place they are made. Pins come from the TrustStore for imap.host and
    /// imap.port, the same way as SMTP's.
    [[nodiscard]] ImapServerSettings imapSettings(const QStringList &pinnedSha256, const QString &extraCaFile,
                                                  const ImapTimeouts &timeouts = {}) const;
    /// The IMAP user name: imap.username, else the SMTP one.
    [[nodiscard]] QString imapUsername() const;
    /// "auto", "always" or "never", as in the account file and on the command line.
    [[nodiscard]] static QString sentCopyModeName(SentCopyMode mode);
    [[nodiscard]] static std::optional<SentCopyMode> sentCopyModeFromName(const QString &name);

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static Result<Account> fromJson(const QJsonObject &json);

    [[nodiscard]] static QString newId();
    [[nodiscard]] static QString securityName(SmtpSecurity security);
    [[nodiscard]] static std::optional<SmtpSecurity> securityFromName(const QString &name);
    /// "password", "oauth2" or "none", as in the account file.
    [[nodiscard]] static QString authName(AuthMethod method);
    [[nodiscard]] static std::optional<AuthMethod> authFromName(const QString &name);

    friend bool operator==(const Account &, const Account &) = default;
};

} // namespace Core
