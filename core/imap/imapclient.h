// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "core/imap/imapresponse.h"
#include "core/imap/imapsettings.h"
#include "core/imap/imapstrings.h"
#include "core/smtp/certificateinfo.h"
#include "core/smtp/sasl.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <functional>
#include <memory>

namespace Core {

class ImapConnection;

/// What to file: the exact octets that were sent.
struct SentCopyRequest
{
    QByteArray message;
    /// A mailbox name to use instead of finding the Sent folder (as the
    /// person sees it, not encoded).
    QString folder;
    /// Create the folder when none exists (the person agreed to it).
    bool createFolder = false;
    /// Sign in and find the folder, file nothing (the accounts' Test
    /// Connection): Done with the folder, or NeedsFolder.
    bool checkOnly = false;
};

/// How filing a copy ended. The outbox step branches on kind alone.
struct SentCopyResult
{
    enum class Kind {
        Done, ///< filed now
        AlreadyThere, ///< a message with this Message-ID is in the folder: nothing filed
        NeedsFolder, ///< no Sent folder; `folder` is the name to create
        Refused, ///< the server said no (quota, limit, …): error().serverText()
        TemporaryFailure, ///< network, time-out, server busy: try again later
        AuthFailure, ///< the server refused the credentials
        Failed, ///< TLS, certificate, no STARTTLS, malformed input or answer
    };
    Kind kind = Kind::Failed;
    QString folder; ///< where the copy is (or would go)
    quint32 uidValidity = 0; ///< from APPENDUID (RFC 4315), when offered
    quint32 uid = 0;
    /// The message went out but no answer came: it may be filed. The next
    /// attempt searches before filing again (it always does).
    bool outcomeUnknown = false;
    Error error;
    CertificateInfo certificate; ///< for CertificateUntrusted / CertificateChanged
};

/**
 * Files a copy of a sent message in the account's Sent folder over IMAP:
 * an asynchronous state machine on QSslSocket (docs/design/IMAP.md).
 *
 * One ImapClient files one message: fileInSent() connects, secures the
 * connection, signs in, finds the folder (SPECIAL-USE \Sent, else the usual
 * names under the personal namespace), searches it for the message's
 * Message-ID, appends it with \Seen and its Date as internal date, logs out,
 * and emits finished() once, never from inside fileInSent().
 */
class ImapClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImapClient)
public:
    enum class State {
        Idle,
        Connecting, ///< TCP and, for implicit TLS, the handshake
        Greeting,
        Capability,
        StartTls, ///< STARTTLS sent, waiting for its OK
        TlsHandshake,
        Authenticating, ///< AUTHENTICATE exchange
        Login, ///< LOGIN (no usable SASL mechanism, not LOGINDISABLED)
        Namespace,
        List,
        Create,
        Examine,
        Search,
        Append,
        Logout,
        Finished,
    };
    Q_ENUM(State)

    /// Sent-folder names in common use, tried when the server marks none
    /// with \Sent (RFC 6154 §2), in this order.
    static const QStringList &sentFolderNames();

    explicit ImapClient(ImapServerSettings settings, QObject *parent = nullptr);
    ~ImapClient() override;

    /// The password or OAuth token. Never logged.
    void setCredentials(const SaslCredentials &credentials);
    /// Receives the protocol log (AUTH payloads and the message redacted).
    void setProtocolLog(std::function<void(const QString &)> log);

    /// Starts; finished() follows exactly once.
    void fileInSent(const SentCopyRequest &request);
    void cancel();

    [[nodiscard]] State state() const { return m_state; }

Q_SIGNALS:
    void finished(const Core::SentCopyResult &result);

private:
    void start();
    void onReady();
    void onEncrypted();
    void onResponse(const ImapResponse &response);
    void onUntagged(const ImapResponse &response);
    void onTagged(const ImapResponse &response);
    void onContinuation(const ImapResponse &response);
    void onConnectionFailed();
    void onTimeout();

    void send(const ImapCommand &command, State state, int timeout);
    void writeNextPieces();
    void requestCapabilities();
    void afterCapabilities();
    void authenticate();
    void authenticated(const ImapResponse &ok);
    void afterSignIn();
    void list();
    void chooseFolder();
    void needsFolder();
    void createFolder();
    void examine();
    void search();
    void append();
    void logout();

    void finish(const SentCopyResult &result);
    void fail(SentCopyResult::Kind kind, Error error);
    /// Ends after a NO or BAD: `sentence` has %1 for the server's text.
    void failOnResponse(const ImapResponse &response, SentCopyResult::Kind kind,
                        const QString &sentence);
    [[nodiscard]] Error networkError() const;
    [[nodiscard]] bool hasCapability(const char *name) const;
    void setCapabilities(const QList<QByteArray> &names);

    ImapServerSettings m_settings;
    SaslCredentials m_credentials;
    std::function<void(const QString &)> m_log;
    SentCopyRequest m_request;
    State m_state = State::Idle;
    ImapConnection *m_connection = nullptr; ///< a child; one per client
    QTimer m_timer;
    int m_nextTag = 0;
    QByteArray m_tag; ///< tag of the command in flight
    QList<ImapCommand::Piece> m_pending; ///< pieces waiting for a continuation
    bool m_literalStarted = false; ///< some of the APPEND literal went out
    QSet<QByteArray> m_capabilities; ///< upper case
    bool m_capabilitiesKnown = false;
    std::unique_ptr<SaslMechanism> m_sasl;
    std::optional<QByteArray> m_initialResponse; ///< without SASL-IR: after the first "+"
    bool m_signedIn = false;
    QString m_namespacePrefix;
    QChar m_separator;
    struct Mailbox
    {
        QString name;
        QByteArray wire;
        bool sent = false;
        bool selectable = true;
    };
    QList<Mailbox> m_mailboxes;
    QByteArray m_folderWire; ///< the chosen folder, modified UTF-7
    bool m_folderFound = false;
    QList<qint64> m_searchHits;
    SentCopyResult m_result;
    bool m_resultReady = false; ///< logging out; m_result is what finished() reports
};

} // namespace Core

Q_DECLARE_METATYPE(Core::SentCopyResult)
