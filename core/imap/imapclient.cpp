// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/imap/imapclient.h"

#include "core/imap/imapconnection.h"
#include "core/util/crashpoint.h"

namespace Core {

namespace {

using Kind = SentCopyResult::Kind;

// LITERAL- (RFC 7888 §4) allows non-synchronizing literals up to this size.
constexpr qsizetype kLiteralMinusLimit = 4096;

QByteArray upperAtom(const ImapValue &v)
{
    return v.isAString() ? v.text.toUpper() : QByteArray();
}

} // namespace

const QStringList &ImapClient::sentFolderNames()
{
    static const QStringList names = {
        QStringLiteral("Sent"),
        QStringLiteral("Sent Items"),
        QStringLiteral("Sent Messages"),
        QStringLiteral("Sent Mail"),
        QStringLiteral("Gesendet"),
        QStringLiteral("Gesendete Objekte"),
        QStringLiteral("Gesendete Elemente"),
        QStringLiteral("Envoyés"),
        QStringLiteral("Éléments envoyés"),
        QStringLiteral("Messages envoyés"),
        QStringLiteral("Enviados"),
        QStringLiteral("Elementos enviados"),
        QStringLiteral("Posta inviata"),
        QStringLiteral("Inviati"),
        QStringLiteral("Verzonden"),
        QStringLiteral("Verzonden items"),
        QStringLiteral("Skickat"),
        QStringLiteral("Sendt"),
        QStringLiteral("Wysłane"),
    };
    return names;
}

ImapClient::ImapClient(ImapServerSettings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ImapClient::onTimeout);
}

ImapClient::~ImapClient()
{
    if (m_connection)
        m_connection->close(false);
}

void ImapClient::setCredentials(const SaslCredentials &credentials)
{
    m_credentials = credentials;
}

void ImapClient::setProtocolLog(std::function<void(const QString &)> log)
{
    m_log = std::move(log);
}

void ImapClient::setCapabilities(const QList<QByteArray> &names)
{
    m_capabilities.clear();
    for (const QByteArray &c : names)
        if (!c.isEmpty())
            m_capabilities.insert(c.toUpper());
    m_capabilitiesKnown = true;
}

bool ImapClient::hasCapability(const char *name) const
{
    return m_capabilities.contains(QByteArray(name));
}

void ImapClient::fileInSent(const SentCopyRequest &request)
{
    Q_ASSERT(m_state == State::Idle);
    m_request = request;
    m_state = State::Connecting;
    // Nothing here may finish synchronously: checks and the connection
    // start from the event loop.
    QMetaObject::invokeMethod(this, &ImapClient::start, Qt::QueuedConnection);
}

void ImapClient::start()
{
    if (m_state != State::Connecting) // cancelled meanwhile
        return;
    // No command injection: these strings go into commands, and none may
    // carry a line break or NUL (they are refused, never escaped).
    if (!ImapStrings::isSafe(m_credentials.username.toUtf8())
        || !ImapStrings::isSafe(m_credentials.password.toUtf8())
        || !ImapStrings::isSafe(m_credentials.oauthToken.toUtf8())
        || !ImapStrings::encodeMailbox(m_request.folder)) {
        fail(Kind::Failed,
             Error(Error::Code::HeaderInjection,
                   tr("The user name, password or folder name for the IMAP server contains a line "
                      "break or a NUL character; nothing was sent.")));
        return;
    }
    const QByteArray id = ImapStrings::messageId(m_request.message);
    if (!ImapStrings::isSafe(id)) {
        fail(Kind::Failed,
             Error(Error::Code::HeaderInjection,
                   tr("The message's Message-ID contains a line break; it was not filed.")));
        return;
    }
    auto *connection = new ImapConnection(m_settings, m_log, this);
    m_connection = connection;
    connect(connection, &ImapConnection::ready, this, &ImapClient::onReady);
    connect(connection, &ImapConnection::encrypted, this, &ImapClient::onEncrypted);
    connect(connection, &ImapConnection::responseReceived, this, &ImapClient::onResponse);
    connect(connection, &ImapConnection::failed, this, &ImapClient::onConnectionFailed);
    connect(connection, &ImapConnection::malformed, this, [this](const QString &why) {
        // The parser's reason is a technical detail for the log; the person
        // gets a sentence in their language.
        if (m_log)
            m_log(QStringLiteral("unreadable response: %1").arg(why));
        fail(Kind::Failed,
             Error(Error::Code::ProtocolViolation, tr("The IMAP server sent a response Outpost cannot read.")));
    });
    connect(connection, &ImapConnection::bytesWritten, this, [this] {
        // Upload progress restarts the upload time-out; once all is out,
        // the tagged answer has its own.
        if (m_state == State::Append && m_literalStarted && m_connection && m_connection->bytesPending() > 0)
            CrashPoint::hit("copy-mid-literal"); // test-only: part of the message is out
        if (m_state == State::Append && m_pending.isEmpty() && m_literalStarted)
            m_timer.start(m_connection && m_connection->bytesPending() > 0
                              ? m_settings.timeouts.upload
                              : m_settings.timeouts.appendReply);
    });
    m_timer.start(m_settings.timeouts.connect);
    connection->open();
}

void ImapClient::cancel()
{
    if (m_state == State::Finished || m_resultReady)
        return;
    fail(Kind::TemporaryFailure,
         Error(Error::Code::Cancelled, tr("Filing the copy was cancelled.")));
}

void ImapClient::onReady()
{
    m_state = State::Greeting;
    m_timer.start(m_settings.timeouts.greeting);
}

void ImapClient::onEncrypted()
{
    // RFC 3501 §6.2.1: capabilities from before TLS are forgotten.
    m_capabilities.clear();
    m_capabilitiesKnown = false;
    requestCapabilities();
}

void ImapClient::send(const ImapCommand &command, State state, int timeout)
{
    m_state = state;
    m_tag = "A" + QByteArray::number(++m_nextTag).rightJustified(3, '0');
    m_pending = command.pieces;
    m_pending.first().bytes.prepend(m_tag + ' ');
    if (m_log)
        m_log(QStringLiteral("C: %1 %2")
                  .arg(QString::fromLatin1(m_tag), QString::fromUtf8(command.logForm)));
    m_timer.start(timeout);
    writeNextPieces();
}

void ImapClient::writeNextPieces()
{
    // Text goes out; a literal goes out at once when the server allows
    // non-synchronizing literals (RFC 7888), else after its "+".
    QByteArray out;
    while (!m_pending.isEmpty()) {
        const ImapCommand::Piece piece = m_pending.takeFirst();
        if (!piece.literal) {
            out += piece.bytes;
            continue;
        }
        const qsizetype size = piece.bytes.size();
        const bool plus = hasCapability("LITERAL+")
            || (hasCapability("LITERAL-") && size <= kLiteralMinusLimit);
        out += '{' + QByteArray::number(size) + (plus ? "+}\r\n" : "}\r\n");
        if (!plus) {
            m_pending.prepend({piece.bytes, false}); // written when "+" comes
            m_connection->write(out);
            return;
        }
        out += piece.bytes;
        if (m_state == State::Append)
            m_literalStarted = true;
    }
    m_connection->write(out + "\r\n");
}

void ImapClient::onContinuation(const ImapResponse &response)
{
    if (m_state == State::Authenticating && m_sasl && m_initialResponse) {
        // No SASL-IR: the initial response answers the first, empty challenge.
        m_connection->write(m_initialResponse->toBase64() + "\r\n", "<redacted>");
        m_initialResponse.reset();
        return;
    }
    if (m_state == State::Authenticating && m_sasl) {
        auto challenge = QByteArray::fromBase64Encoding(response.text.trimmed());
        auto answer = challenge ? m_sasl->respond(challenge.decoded)
                                : Result<QByteArray>(Error(Error::Code::AuthenticationFailed, {}));
        if (!answer) {
            m_connection->write("*\r\n", "*"); // cancels the exchange (RFC 3501 §6.2.2)
            return;
        }
        m_connection->write(answer.value().toBase64() + "\r\n", "<redacted>");
        return;
    }
    if (m_pending.isEmpty()) {
        fail(Kind::Failed,
             Error(Error::Code::ProtocolViolation,
                   tr("The IMAP server asked for data Outpost did not announce.")));
        return;
    }
    if (m_state == State::Append)
        m_literalStarted = true;
    writeNextPieces();
}

void ImapClient::onResponse(const ImapResponse &response)
{
    if (m_state == State::Finished)
        return;
    switch (response.kind) {
    case ImapResponse::Kind::Continuation:
        onContinuation(response);
        return;
    case ImapResponse::Kind::Untagged:
        onUntagged(response);
        return;
    case ImapResponse::Kind::Tagged:
        if (response.tag != m_tag) {
            fail(Kind::Failed,
                 Error(Error::Code::ProtocolViolation,
                       tr("The IMAP server answered a command Outpost did not send.")));
            return;
        }
        onTagged(response);
        return;
    }
}

void ImapClient::onUntagged(const ImapResponse &response)
{
    if (response.status == ImapResponse::Status::Bye) {
        if (m_state == State::Logout)
            return;
        // The server ends the session; the tagged answer will not come.
        fail(Kind::TemporaryFailure,
             Error(Error::Code::Transient,
                   tr("The IMAP server closed the session: %1").arg(response.serverText()))
                 .withServerReply(0, QString(), response.serverText()));
        return;
    }
    if (m_state == State::Greeting) {
        if (response.status == ImapResponse::Status::Ok) {
            if (response.code == "CAPABILITY")
                setCapabilities(response.codeArguments.split(' '));
            requestCapabilities();
            return;
        }
        if (response.status == ImapResponse::Status::PreAuth) {
            // Signed in before TLS could start: a STARTTLS account would be
            // used in the clear (a downgrade), so it stops here.
            if (m_settings.security == ImapSecurity::StartTls) {
                fail(Kind::Failed,
                     Error(Error::Code::Tls,
                           tr("The IMAP server %1 skipped encryption (PREAUTH), which this account "
                              "requires.")
                               .arg(m_settings.host)));
                return;
            }
            m_signedIn = true;
            if (response.code == "CAPABILITY")
                setCapabilities(response.codeArguments.split(' '));
            requestCapabilities();
            return;
        }
        fail(
            Kind::Failed,
            Error(Error::Code::ProtocolViolation, tr("The IMAP server's greeting was not valid.")));
        return;
    }
    if (response.code == "CAPABILITY" && response.status == ImapResponse::Status::Ok)
        setCapabilities(response.codeArguments.split(' '));
    if (response.name == "CAPABILITY") {
        QList<QByteArray> names;
        for (const ImapValue &v : response.values)
            names << upperAtom(v);
        setCapabilities(names);
    } else if (response.name == "NAMESPACE" && !response.values.empty()) {
        // ((prefix delimiter) …) for personal, other users', shared (RFC 2342)
        const ImapValue &personal = response.values.front();
        if (personal.type == ImapValue::Type::List && !personal.items.empty()) {
            const ImapValue &first = personal.items.front();
            if (first.type == ImapValue::Type::List && first.items.size() >= 2) {
                m_namespacePrefix
                    = ImapStrings::decodeMailbox(first.items[0].text).value_or(QString());
                if (first.items[1].type == ImapValue::Type::String
                    && first.items[1].text.size() == 1)
                    m_separator = QLatin1Char(first.items[1].text.at(0));
            }
        }
    } else if ((response.name == "LIST") && response.values.size() >= 3) {
        const ImapValue &flags = response.values[0];
        const ImapValue &delimiter = response.values[1];
        const ImapValue &name = response.values[2];
        if (flags.type != ImapValue::Type::List || !name.isAString())
            return;
        Mailbox box;
        box.wire = name.text;
        box.name = ImapStrings::decodeMailbox(name.text).value_or(QString());
        for (const ImapValue &flag : flags.items) {
            if (flag.isAtom("\\Sent"))
                box.sent = true;
            if (flag.isAtom("\\Noselect") || flag.isAtom("\\NonExistent"))
                box.selectable = false;
        }
        if (m_separator.isNull() && delimiter.type == ImapValue::Type::String
            && delimiter.text.size() == 1)
            m_separator = QLatin1Char(delimiter.text.at(0));
        if (!box.name.isEmpty() && ImapStrings::isSafe(box.wire))
            m_mailboxes.append(box);
    } else if (response.name == "SEARCH") {
        for (const ImapValue &v : response.values) {
            bool ok = false;
            const qint64 n = v.text.toLongLong(&ok);
            if (ok)
                m_searchHits.append(n);
        }
    }
}

void ImapClient::onTagged(const ImapResponse &response)
{
    const bool ok = response.status == ImapResponse::Status::Ok;
    switch (m_state) {
    case State::Capability:
        if (!ok)
            return failOnResponse(response, Kind::Failed,
                                  tr("The IMAP server refused to list its capabilities: %1"));
        afterCapabilities();
        return;
    case State::StartTls:
        if (!ok)
            return failOnResponse(response, Kind::Failed,
                                  tr("The IMAP server refused to start encryption (STARTTLS): %1"));
        m_state = State::TlsHandshake;
        m_timer.start(m_settings.timeouts.command);
        m_connection->startTls();
        return;
    case State::Authenticating:
    case State::Login:
        m_sasl.reset();
        if (!ok) {
            // [UNAVAILABLE] is the server's trouble, not the password (RFC 5530).
            const bool temporary = response.code == "UNAVAILABLE";
            SentCopyResult::Kind kind = temporary ? Kind::TemporaryFailure : Kind::AuthFailure;
            Error error = temporary
                ? Error(Error::Code::Transient,
                        tr("Signing in to the IMAP server is temporarily not possible: %1")
                            .arg(response.serverText()))
                : Error(Error::Code::AuthenticationFailed,
                        (m_credentials.oauthToken.isEmpty()
                             ? tr("The IMAP server did not accept the user name or password: %1")
                             //: no password is involved in an OAuth sign-in
                             : tr("The IMAP server did not accept the account's sign-in permission (OAuth 2.0): %1"))
                            .arg(response.serverText()));
            // The session is intact: say goodbye, then report.
            m_result.kind = kind;
            m_result.error = error.withServerReply(0, QString::fromLatin1(response.code),
                                                   response.serverText());
            m_resultReady = true;
            logout();
            return;
        }
        authenticated(response);
        return;
    case State::Namespace:
        // A refused NAMESPACE only costs the prefix.
        list();
        return;
    case State::List:
        if (!ok)
            return failOnResponse(response, Kind::Refused,
                                  tr("The IMAP server refused to list the folders: %1"));
        chooseFolder();
        return;
    case State::Create:
        if (!ok)
            return failOnResponse(response, Kind::Refused,
                                  tr("The IMAP server refused to create the folder: %1"));
        append(); // a new folder holds no copy yet
        return;
    case State::Examine:
        if (!ok) {
            if (response.code == "NONEXISTENT") { // deleted since LIST
                needsFolder();
                return;
            }
            return failOnResponse(response, Kind::Refused,
                                  tr("The IMAP server refused to open the folder: %1"));
        }
        search();
        return;
    case State::Search:
        if (!ok)
            return failOnResponse(response, Kind::Refused,
                                  tr("The IMAP server refused to search the folder: %1"));
        if (!m_searchHits.isEmpty()) {
            m_result.kind = Kind::AlreadyThere;
            m_resultReady = true;
            logout();
            return;
        }
        append();
        return;
    case State::Append:
        if (!ok) {
            if (response.code == "TRYCREATE") {
                m_result.kind = Kind::NeedsFolder;
                m_result.error = Error(Error::Code::Permanent, response.serverText());
                m_resultReady = true;
                logout();
                return;
            }
            m_literalStarted = false; // a NO is an answer: nothing was filed
            const bool temporary = response.code == "UNAVAILABLE" || response.code == "INUSE"
                || response.code == "SERVERBUG";
            return failOnResponse(response, temporary ? Kind::TemporaryFailure : Kind::Refused,
                                  tr("The IMAP server refused to file the message: %1"));
        }
        CrashPoint::hit("copy-after-append-ok"); // test-only: filed, nothing recorded
        m_literalStarted = false;
        m_result.kind = Kind::Done;
        if (response.code == "APPENDUID") {
            const QList<QByteArray> parts = response.codeArguments.split(' ');
            if (parts.size() == 2) {
                m_result.uidValidity = parts[0].toUInt();
                m_result.uid = parts[1].toUInt();
            }
        }
        m_resultReady = true;
        logout();
        return;
    case State::Logout:
        m_connection->close(true);
        finish(m_result);
        return;
    default:
        fail(Kind::Failed,
             Error(Error::Code::ProtocolViolation,
                   tr("The IMAP server sent an answer out of turn.")));
        return;
    }
}

void ImapClient::requestCapabilities()
{
    if (m_capabilitiesKnown) {
        m_state = State::Capability;
        afterCapabilities();
        return;
    }
    send(ImapCommand().text("CAPABILITY"), State::Capability, m_settings.timeouts.command);
}

void ImapClient::afterCapabilities()
{
    if (!m_capabilities.contains("IMAP4REV1") && !m_capabilities.contains("IMAP4REV2")) {
        fail(Kind::Failed,
             Error(Error::Code::ProtocolViolation,
                   tr("The server %1 is no IMAP4rev1 server.").arg(m_settings.host)));
        return;
    }
    if (m_settings.security == ImapSecurity::StartTls && !m_connection->isEncrypted()) {
        // No downgrade: without STARTTLS nothing is sent in the clear.
        if (!hasCapability("STARTTLS")) {
            fail(Kind::Failed,
                 Error(Error::Code::Tls,
                       tr("%1 does not offer encryption (STARTTLS), which this account requires; "
                          "nothing was sent.")
                           .arg(m_settings.host)));
            return;
        }
        send(ImapCommand().text("STARTTLS"), State::StartTls, m_settings.timeouts.command);
        return;
    }
    if (m_signedIn)
        afterSignIn();
    else
        authenticate();
}

void ImapClient::authenticate()
{
    const bool tls = m_connection->isEncrypted();
    QStringList offered;
    for (const QByteArray &c : std::as_const(m_capabilities))
        if (c.startsWith("AUTH="))
            offered << QString::fromLatin1(c.mid(5));
    if (!m_settings.authMechanisms.isEmpty()) {
        QStringList allowed;
        for (const QString &m : std::as_const(offered))
            if (m_settings.authMechanisms.contains(m))
                allowed << m;
        offered = allowed;
    }
    const QString mech
        = SaslMechanism::choose(offered, m_credentials, tls, m_settings.allowCleartextAuth);
    if (!mech.isEmpty()) {
        m_sasl = SaslMechanism::create(mech, m_credentials);
        ImapCommand command;
        command.text("AUTHENTICATE " + mech.toLatin1());
        command.logForm = "AUTHENTICATE " + mech.toLatin1();
        const auto initial = m_sasl->initialResponse();
        if (initial && hasCapability("SASL-IR")) { // RFC 4959
            command.text(' ' + (initial->isEmpty() ? QByteArray("=") : initial->toBase64()));
            command.logForm += " <redacted>";
        } else if (initial) {
            // Sent after the first, empty, challenge instead.
            m_initialResponse = initial;
        }
        send(command, State::Authenticating, m_settings.timeouts.command);
        return;
    }
    // LOGIN (RFC 3501 §6.2.3): a password, never when the server forbids it,
    // and never in the clear unless the account allows it explicitly.
    const bool cleartextOk = tls || m_settings.allowCleartextAuth;
    if (m_credentials.oauthToken.isEmpty() && !hasCapability("LOGINDISABLED") && cleartextOk
        && (m_settings.authMechanisms.isEmpty()
            || m_settings.authMechanisms.contains(QLatin1String("LOGIN")))) {
        ImapCommand command;
        command.text("LOGIN ")
            .astring(m_credentials.username.toUtf8())
            .text(" ")
            .astring(m_credentials.password.toUtf8());
        command.logForm = "LOGIN <redacted>";
        send(command, State::Login, m_settings.timeouts.command);
        return;
    }
    fail(Kind::AuthFailure,
         Error(tls || m_settings.allowCleartextAuth ? Error::Code::AuthenticationFailed
                                                    : Error::Code::Tls,
               tls || m_settings.allowCleartextAuth
                   ? tr("The IMAP server offers no sign-in method Outpost can use safely (%1).")
                         .arg(offered.join(QLatin1Char(' ')))
                   : tr("The connection to %1 is not encrypted, so the password was not sent.")
                         .arg(m_settings.host)));
}

void ImapClient::authenticated(const ImapResponse &ok)
{
    if (m_sasl && !m_sasl->serverVerified()) {
        fail(Kind::AuthFailure,
             Error(Error::Code::AuthenticationFailed,
                   tr("The IMAP server could not prove that it knows the password.")));
        return;
    }
    // Capabilities may change after signing in (RFC 3501 §6.2.2); a server
    // usually sends them along in the OK.
    m_signedIn = true;
    if (ok.code == "CAPABILITY") {
        setCapabilities(ok.codeArguments.split(' '));
        afterSignIn();
        return;
    }
    m_capabilitiesKnown = false;
    requestCapabilities();
}

void ImapClient::afterSignIn()
{
    if (hasCapability("NAMESPACE") && m_request.folder.isEmpty()) {
        send(ImapCommand().text("NAMESPACE"), State::Namespace, m_settings.timeouts.command);
        return;
    }
    list();
}

void ImapClient::list()
{
    // RFC 6154 §2: ask for the special-use attributes where offered; a
    // server without them is matched by name (chooseFolder()).
    ImapCommand command;
    command.text(hasCapability("SPECIAL-USE") ? "LIST \"\" \"*\" RETURN (SPECIAL-USE)"
                                              : "LIST \"\" \"*\"");
    command.logForm = command.pieces.first().bytes;
    send(command, State::List, m_settings.timeouts.command);
}

void ImapClient::chooseFolder()
{
    if (!m_request.folder.isEmpty()) {
        // A folder the caller named: it must exist (or be created), since
        // not every server says NONEXISTENT to EXAMINE.
        m_result.folder = m_request.folder;
        m_folderWire = *ImapStrings::encodeMailbox(m_request.folder);
        for (const Mailbox &box : std::as_const(m_mailboxes)) {
            if (box.selectable && box.wire == m_folderWire) {
                examine();
                return;
            }
        }
        needsFolder();
        return;
    }
    for (const Mailbox &box : std::as_const(m_mailboxes)) {
        if (box.sent && box.selectable) {
            m_folderWire = box.wire;
            m_result.folder = box.name;
            examine();
            return;
        }
    }
    // No \Sent: the usual names, in the personal namespace first.
    const QString inboxPrefix
        = m_separator.isNull() ? QString() : QStringLiteral("INBOX") + m_separator;
    for (const QString &name : sentFolderNames()) {
        for (const QString &candidate :
             QStringList {m_namespacePrefix + name, name, inboxPrefix + name}) {
            for (const Mailbox &box : std::as_const(m_mailboxes)) {
                if (box.selectable && box.name.compare(candidate, Qt::CaseInsensitive) == 0) {
                    m_folderWire = box.wire;
                    m_result.folder = box.name;
                    examine();
                    return;
                }
            }
        }
    }
    m_result.folder = m_namespacePrefix + QStringLiteral("Sent");
    m_folderWire = *ImapStrings::encodeMailbox(m_result.folder);
    needsFolder();
}

void ImapClient::needsFolder()
{
    if (m_request.createFolder) {
        createFolder();
        return;
    }
    // The caller decides (the GUI asks the person once): nothing is created.
    m_result.kind = Kind::NeedsFolder;
    m_result.error
        = Error(Error::Code::Permanent,
                tr("The folder %1 does not exist on the IMAP server.").arg(m_result.folder));
    m_resultReady = true;
    logout();
}

void ImapClient::createFolder()
{
    ImapCommand command;
    command.text("CREATE ").astring(m_folderWire);
    // RFC 6154 §3: mark it \Sent where the server lets us.
    if (hasCapability("CREATE-SPECIAL-USE"))
        command.text(" (USE (\\Sent))");
    command.logForm = "CREATE " + m_folderWire;
    send(command, State::Create, m_settings.timeouts.command);
}

void ImapClient::examine()
{
    if (m_request.checkOnly) {
        m_result.kind = Kind::Done;
        m_resultReady = true;
        logout();
        return;
    }
    const QByteArray id = ImapStrings::messageId(m_request.message);
    if (id.isEmpty()) {
        append(); // nothing to search by; the outbox always gives a Message-ID
        return;
    }
    ImapCommand command;
    command.text("EXAMINE ").astring(m_folderWire);
    command.logForm = "EXAMINE " + m_folderWire;
    send(command, State::Examine, m_settings.timeouts.command);
}

void ImapClient::search()
{
    // The idempotence of the copy: a message with this Message-ID already
    // in the folder is not filed again (an earlier answer may have been lost).
    const QByteArray id = ImapStrings::messageId(m_request.message);
    m_searchHits.clear();
    ImapCommand command;
    command.text("SEARCH HEADER Message-ID ").astring(id);
    command.logForm = "SEARCH HEADER Message-ID " + id;
    send(command, State::Search, m_settings.timeouts.command);
}

void ImapClient::append()
{
    const qsizetype size = m_request.message.size();
    // RFC 7889: a server's limit is known before the upload.
    for (const QByteArray &c : std::as_const(m_capabilities)) {
        if (!c.startsWith("APPENDLIMIT="))
            continue;
        bool ok = false;
        const qint64 limit = c.mid(12).toLongLong(&ok);
        if (ok && size > limit) {
            fail(Kind::Refused,
                 Error(
                     Error::Code::TooLarge,
                     tr("The message (%1 bytes) is larger than the IMAP server accepts (%2 bytes).")
                         .arg(size)
                         .arg(limit))
                     .withServerReply(0, QStringLiteral("APPENDLIMIT"), QString::fromLatin1(c)));
            return;
        }
    }
    ImapCommand command;
    command.text("APPEND ").astring(m_folderWire).text(" (\\Seen)");
    const QDateTime date = ImapStrings::messageDate(m_request.message);
    if (date.isValid())
        command.text(" \"" + ImapStrings::dateTime(date) + '"');
    command.text(" ").literal(m_request.message);
    command.logForm
        = "APPEND " + m_folderWire + " (\\Seen) <" + QByteArray::number(size) + " octets>";
    CrashPoint::hit("copy-before-append"); // test-only
    send(command, State::Append, m_settings.timeouts.upload);
}

void ImapClient::logout()
{
    if (!m_connection || m_connection->state() != ImapConnection::State::Open) {
        finish(m_result);
        return;
    }
    send(ImapCommand().text("LOGOUT"), State::Logout, m_settings.timeouts.logout);
}

void ImapClient::onConnectionFailed()
{
    if (m_state == State::Finished)
        return;
    if (m_state == State::Logout) { // closed after BYE: fine
        if (m_connection)
            m_connection->close(false);
        finish(m_result);
        return;
    }
    if (m_connection && m_connection->certificateError() != Error::Code::None) {
        SentCopyResult r;
        r.kind = Kind::Failed;
        r.certificate = m_connection->certificateProblem();
        r.error = Error(
            m_connection->certificateError(),
            m_connection->certificateError() == Error::Code::CertificateChanged
                ? tr("The certificate of the IMAP server %1 has changed.").arg(m_settings.host)
                : tr("The certificate of the IMAP server %1 is not trusted.").arg(m_settings.host));
        m_connection->close(false);
        finish(r);
        return;
    }
    if (m_state == State::TlsHandshake
        || (m_state == State::Connecting && m_settings.security == ImapSecurity::ImplicitTls
            && m_connection
            && m_connection->socketError() == QAbstractSocket::SslHandshakeFailedError)) {
        fail(Kind::Failed,
             Error(Error::Code::Tls,
                   tr("Encryption with the IMAP server %1 failed: %2")
                       .arg(m_settings.host, m_connection ? m_connection->errorString() : QString())));
        return;
    }
    fail(Kind::TemporaryFailure, networkError());
}

void ImapClient::onTimeout()
{
    if (m_state == State::Logout) {
        m_connection->close(false);
        finish(m_result);
        return;
    }
    fail(Kind::TemporaryFailure,
         Error(Error::Code::Timeout,
               tr("The IMAP server %1 did not answer in time.").arg(m_settings.host)));
}

Error ImapClient::networkError() const
{
    return Error(Error::Code::Network,
                 tr("The connection to the IMAP server %1 failed: %2")
                     .arg(m_settings.host, m_connection ? m_connection->errorString() : QString()));
}

void ImapClient::failOnResponse(const ImapResponse &response, SentCopyResult::Kind kind,
                                const QString &sentence)
{
    const QString text = response.serverText();
    Error error(response.status == ImapResponse::Status::Bad ? Error::Code::ProtocolViolation
                    : kind == Kind::TemporaryFailure         ? Error::Code::Transient
                                                             : Error::Code::Permanent,
                sentence.arg(text));
    error.withServerReply(0, QString::fromLatin1(response.code), text);
    if (response.status == ImapResponse::Status::Bad)
        kind = Kind::Failed;
    // The session itself is fine: leave politely, then report.
    m_result.kind = kind;
    m_result.error = error;
    m_result.outcomeUnknown = false;
    m_resultReady = true;
    logout();
}

void ImapClient::fail(SentCopyResult::Kind kind, Error error)
{
    SentCopyResult r = m_result;
    r.kind = kind;
    r.error = std::move(error);
    r.outcomeUnknown = m_literalStarted;
    if (m_connection)
        m_connection->close(false);
    finish(r);
}

void ImapClient::finish(const SentCopyResult &result)
{
    if (m_state == State::Finished)
        return;
    m_state = State::Finished;
    m_timer.stop();
    m_pending.clear();
    m_sasl.reset();
    // Reported from the event loop: a caller may delete the client in its slot.
    QMetaObject::invokeMethod(
        this, [this, result] { Q_EMIT finished(result); }, Qt::QueuedConnection);
}

} // namespace Core
