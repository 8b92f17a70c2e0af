// SPDX-License-Identifier: GPL-3.0-or-later
// The command-line verbs. They drive exactly the same core as the GUI: the
// accounts, the keychain, the outbox and its flusher.
#include "app/clicommands.h"

#include "app/cli.h"
#include "app/clioauth.h"
#include "app/clisupport.h"
#include "core/accounts/accountstore.h"
#include "core/accounts/credentialstore.h"
#include "core/accounts/truststore.h"
#include "core/autoconfig/discovery.h"
#include "core/autoconfig/domainname.h"
#include "core/autoconfig/probe.h"
#include "core/oauth/tokensource.h"
#include "core/outbox/flusher.h"
#include "core/outbox/outbox.h"
#include "core/outbox/sentcopystore.h"
#include "core/smtp/smtpclient.h"

#include <QCryptographicHash>
#include <QLocale>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <cstdio>
#include <optional>

#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>
#elif defined(Q_OS_WIN)
#include <io.h>
#include <windows.h>
#endif

namespace App {

namespace {

QJsonObject entryJson(const Core::OutboxEntry &e)
{
    QJsonObject o{{QStringLiteral("id"), e.id},
                  {QStringLiteral("state"), Core::OutboxEntry::stateName(e.state)},
                  {QStringLiteral("account"), e.accountId},
                  {QStringLiteral("message_id"), e.messageId},
                  {QStringLiteral("subject"), e.subject},
                  {QStringLiteral("to"), QJsonArray::fromStringList(e.displayTo)},
                  {QStringLiteral("recipients"), QJsonArray::fromStringList(e.envelope.recipients)},
                  {QStringLiteral("size"), e.bodySize},
                  {QStringLiteral("created_at"), e.createdAt.toString(Qt::ISODate)},
                  {QStringLiteral("attempts"), e.attempts},
                  {QStringLiteral("phase"), Core::OutboxEntry::phaseName(e.phase)}};
    if (e.state == Core::OutboxState::Held)
        o.insert(QStringLiteral("hold_reason"), Core::OutboxEntry::holdReasonName(e.holdReason));
    if (e.nextAttemptAt.isValid())
        o.insert(QStringLiteral("next_attempt_at"), e.nextAttemptAt.toString(Qt::ISODate));
    if (e.notBefore.isValid())
        o.insert(QStringLiteral("not_before"), e.notBefore.toString(Qt::ISODate));
    if (!e.lastErrorMessage.isEmpty())
        o.insert(QStringLiteral("last_error"),
                 QJsonObject{{QStringLiteral("code"), e.lastErrorCode},
                             {QStringLiteral("message"), e.lastErrorMessage},
                             {QStringLiteral("reply_code"), e.lastReplyCode},
                             {QStringLiteral("enhanced"), e.lastEnhancedCode},
                             {QStringLiteral("server_text"), e.lastServerText}});
    if (e.state == Core::OutboxState::Sent)
        o.insert(QStringLiteral("server_reply"), e.acceptedReply);
    return o;
}

/// "sent_copy" of a sent entry: null while undecided (or sent before copies
/// were filed).
QJsonValue sentCopyJson(const std::optional<Core::SentCopyStatus> &s)
{
    if (!s)
        return QJsonValue::Null;
    QJsonObject o{{QStringLiteral("state"), Core::SentCopyStatus::stateName(s->state)},
                  {QStringLiteral("reason"), s->reason},
                  {QStringLiteral("code"), s->code},
                  {QStringLiteral("folder"), s->folder},
                  {QStringLiteral("attempts"), s->attempts}};
    if (!s->serverText.isEmpty())
        o.insert(QStringLiteral("server_text"), s->serverText);
    if (s->nextAttemptAt.isValid())
        o.insert(QStringLiteral("next_attempt_at"), s->nextAttemptAt.toString(Qt::ISODate));
    return o;
}

/// One line for `outbox list` and `retry-copy`.
QString describeSentCopy(const Core::SentCopyStatus &s)
{
    using State = Core::SentCopyStatus::State;
    switch (s.state) {
    case State::Done:
        //: %1 is the IMAP folder
        return QCoreApplication::translate("Cli", "Copy filed in %1").arg(s.folder);
    case State::Pending:
        return s.reason.isEmpty()
            ? QCoreApplication::translate("Cli", "Copy to be filed in Sent")
            //: %1 is the reason, %2 a time
            : QCoreApplication::translate("Cli", "Copy not filed yet (%1); next try at %2")
                  .arg(s.reason, QLocale().toString(s.nextAttemptAt.toLocalTime(), QLocale::ShortFormat));
    case State::Skipped:
        return QCoreApplication::translate("Cli", "No copy in Sent: %1").arg(s.reason);
    case State::Failed:
        return s.code == QLatin1String("needs_folder")
            ? QCoreApplication::translate("Cli", "Copy failed: %1 'outpost outbox retry-copy --create-folder' creates it.").arg(s.reason)
            : QCoreApplication::translate("Cli", "Copy failed: %1").arg(s.reason);
    }
    return {};
}

// A parser whose --help and errors follow the same conventions for every verb.
bool parse(QCommandLineParser &parser, const QString &verb, const QStringList &args, int *exitCode)
{
    parser.setApplicationDescription(QString());
    parser.addHelpOption();
    if (!parser.parse(QStringList{QStringLiteral("outpost ") + verb} + args)) {
        *exitCode = fail(parser.errorText() + QCoreApplication::translate("Cli", " (see 'outpost %1 --help')").arg(verb), ExitUsage);
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        // QCommandLineParser names the executable's path; name the verb instead.
        QString help = parser.helpText();
        const qsizetype eol = help.indexOf(u'\n');
        help.replace(0, eol, QStringLiteral("Usage: outpost ") + verb + QStringLiteral(" [options]")
                                 + (parser.positionalArguments().isEmpty() ? QString() : QString()));
        out() << help;
        *exitCode = ExitOk;
        return false;
    }
    return true;
}

QString readSecret(bool fromStdin)
{
    QFile in;
    in.open(stdin, QIODevice::ReadOnly);
#ifdef Q_OS_UNIX
    if (!fromStdin && isatty(STDIN_FILENO)) {
        err() << QCoreApplication::translate("Cli", "Password: ") << Qt::flush;
        termios old {};
        tcgetattr(STDIN_FILENO, &old);
        termios silent = old;
        silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &silent);
        const QByteArray line = in.readLine();
        tcsetattr(STDIN_FILENO, TCSANOW, &old);
        err() << Qt::endl;
        return QString::fromUtf8(line).chopped(line.endsWith('\n') ? 1 : 0);
    }
#elif defined(Q_OS_WIN)
    if (!fromStdin && _isatty(_fileno(stdin))) {
        // The console echoes what is typed unless told not to.
        err() << QCoreApplication::translate("Cli", "Password: ") << Qt::flush;
        const HANDLE console = GetStdHandle(STD_INPUT_HANDLE);
        DWORD mode = 0;
        const bool silenced = GetConsoleMode(console, &mode) && SetConsoleMode(console, mode & ~DWORD(ENABLE_ECHO_INPUT));
        QByteArray line = in.readLine();
        if (silenced)
            SetConsoleMode(console, mode);
        err() << Qt::endl;
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        return QString::fromUtf8(line);
    }
#endif
    Q_UNUSED(fromStdin);
    QByteArray line = in.readLine();
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}

Core::Error runJob(Core::CredentialJob *job)
{
    job->setAutoDelete(false);
    bool done = false;
    QObject::connect(job, &Core::CredentialJob::finished, job, [&] { done = true; });
    runUntil([&] { return done; }, 60000);
    Core::Error e = done ? job->error() : Core::Error(Core::Error::Code::Keychain, QCoreApplication::translate("Cli", "The keychain did not answer."));
    delete job;
    return e;
}

// Whether the keychain holds a refresh token for the account (never the token itself).
bool hasRefreshToken(Profile &p, const QString &accountId)
{
    Core::CredentialJob *job = p.credentials.read(accountId, Core::SecretKind::OAuthRefreshToken);
    job->setAutoDelete(false);
    bool done = false;
    QObject::connect(job, &Core::CredentialJob::finished, job, [&done] { done = true; });
    runUntil([&] { return done; }, 60000);
    const bool stored = done && !job->error().isError() && !job->secret().isEmpty();
    delete job;
    return stored;
}

// --- send -------------------------------------------------------------------

Core::Result<QList<Core::MailAddress>> addressOption(const QCommandLineParser &parser, const QString &name)
{
    QList<Core::MailAddress> all;
    for (const QString &value : parser.values(name)) {
        auto list = Core::MailAddress::parseList(value, name);
        if (!list)
            return list.error();
        all += list.value();
    }
    return all;
}

QDateTime parseWhen(const QString &s)
{
    QDateTime t = QDateTime::fromString(s, Qt::ISODate);
    if (!t.isValid()) {
        const QTime time = QTime::fromString(s, QStringLiteral("HH:mm"));
        if (time.isValid()) {
            t = QDateTime(QDate::currentDate(), time);
            if (t < QDateTime::currentDateTime())
                t = t.addDays(1);
        }
    }
    return t.isValid() ? t.toUTC() : QDateTime();
}

} // namespace

namespace {

// The settings `account test` and `account add` sign in with: the ones the
// account sends with (its pins, the extra CAs), with shorter waits.
Core::SmtpServerSettings signInSettings(const Profile &p, const Core::Account &a)
{
    return a.smtpSettings(p.trust.pins(a.host, a.port), qEnvironmentVariable("OUTPOST_EXTRA_CA_FILE"),
                          Core::SmtpTimeouts::forSignIn());
}

// Signs in to the account's server with this password and says goodbye;
// sends nothing. The error says why not; a server that asks for no
// sign-in at all is no error, and no proof either (a warning says so).
Core::Result<void> signInOnce(const Profile &p, const Core::Account &a, const QString &password,
                              const QString &oauthToken = {})
{
    Core::SmtpClient client(signInSettings(p, a));
    client.setCredentials({a.username, password, oauthToken, a.host, a.port});
    bool ready = false;
    bool failed = false;
    bool closed = false;
    Core::SmtpResult failure;
    QObject::connect(&client, &Core::SmtpClient::sessionReady, &client, [&] { ready = true; });
    QObject::connect(&client, &Core::SmtpClient::sessionFailed, &client, [&](const Core::SmtpResult &r) {
        failed = true;
        failure = r;
    });
    QObject::connect(&client, &Core::SmtpClient::disconnected, &client, [&] { closed = true; });
    err() << QCoreApplication::translate("Cli", "Signing in to %1 as %2…").arg(a.host, a.username) << Qt::endl;
    client.connectToServer();
    runUntil([&] { return ready || failed; }, 120000);
    if (!ready && !failed)
        return Core::Error(Core::Error::Code::Timeout, QCoreApplication::translate("Cli", "The server did not answer."));
    const bool checked = ready && !client.authMechanism().isEmpty();
    if (ready)
        client.quit();
    runUntil([&] { return closed || client.state() == Core::SmtpClient::State::Disconnected; }, 30000);
    if (failed)
        return failure.error;
    if (!checked)
        err() << QCoreApplication::translate("Cli", "The server asks for no sign-in, so the password was not checked.")
              << Qt::endl;
    return {};
}

// Connects, secures, greets and signs in, sends nothing; reports what the
// server offers and how the connection is protected.
int testAccount(Profile &p, const QStringList &names, bool json)
{
    if (names.size() != 1)
        return fail(QCoreApplication::translate("Cli", "give exactly one account name"), ExitUsage);
    const Core::Account *a = p.accounts.find(names.first());
    if (!a)
        return fail(QCoreApplication::translate("Cli", "no account '%1'").arg(names.first()), ExitConfig);
    const Core::SmtpServerSettings s = signInSettings(p, *a);
    Core::SaslCredentials credentials;
    if (a->auth == Core::AuthMethod::Password) {
        Core::CredentialJob *job = p.credentials.read(a->id);
        job->setAutoDelete(false);
        bool done = false;
        QObject::connect(job, &Core::CredentialJob::finished, job, [&] { done = true; });
        runUntil([&] { return done; }, 60000);
        const Core::Error e = job->error();
        credentials.password = job->secret();
        delete job;
        if (e.isError())
            return fail(e);
        credentials.username = a->username;
    }
    // A fresh access token from the keychain's refresh token, as a send gets.
    Core::OAuth::AccessTokenSource tokens(&p.credentials);
    if (a->auth == Core::AuthMethod::OAuth2) {
        std::optional<Core::Result<QString>> token;
        QObject context;
        tokens.fetch(*a, false, &context, [&token](const Core::Result<QString> &t) { token = t; });
        runUntil([&] { return token.has_value(); }, 120000);
        if (!token)
            return fail(QCoreApplication::translate("Cli", "The sign-in server did not answer."), ExitTempFail);
        if (!*token)
            return fail(token->error().message(), exitCodeFor(token->error()));
        credentials.oauthToken = token->value();
        credentials.username = a->username;
        credentials.host = a->host;
        credentials.port = a->port;
    }
    Core::SmtpClient client(s);
    client.setCredentials(credentials);
    bool ready = false;
    bool failed = false;
    Core::SmtpResult failure;
    QObject::connect(&client, &Core::SmtpClient::sessionReady, &client, [&] { ready = true; });
    QObject::connect(&client, &Core::SmtpClient::pinsSuperseded, &client, [&](const QString &host, quint16 port) {
        p.trust.unpinAll(host, port); // a valid certificate needs no exception
        if (auto r = p.trust.save(); !r)
            qWarning("trust: %s", qPrintable(r.error().message()));
    });
    QObject::connect(&client, &Core::SmtpClient::sessionFailed, &client, [&](const Core::SmtpResult &r) {
        failed = true;
        failure = r;
    });
    client.connectToServer();
    runUntil([&] { return ready || failed; }, 120000);
    tokens.tokenUsed(a->id); // other processes may refresh it now

    const Core::SmtpCapabilities &caps = client.capabilities();
    const QList<QSslCertificate> chain = ready ? client.peerCertificateChain() : failure.certificate.chain;
    QJsonObject report{{QStringLiteral("server"), QStringLiteral("%1:%2").arg(a->host).arg(a->port)},
                       {QStringLiteral("security"), Core::Account::securityName(a->security)},
                       {QStringLiteral("ok"), ready}};
    if (ready) {
        report.insert(QStringLiteral("tls"), client.tlsProtocolName());
        report.insert(QStringLiteral("auth_mechanism"), client.authMechanism());
        report.insert(QStringLiteral("auth_offered"), QJsonArray::fromStringList(caps.authMechanisms));
        QStringList extensions;
        if (caps.pipelining)
            extensions << QStringLiteral("PIPELINING");
        if (caps.sizeAnnounced)
            extensions << (caps.maxSize ? QStringLiteral("SIZE %1").arg(caps.maxSize) : QStringLiteral("SIZE"));
        if (caps.eightBitMime)
            extensions << QStringLiteral("8BITMIME");
        if (caps.smtpUtf8)
            extensions << QStringLiteral("SMTPUTF8");
        if (caps.dsn)
            extensions << QStringLiteral("DSN");
        if (caps.enhancedStatusCodes)
            extensions << QStringLiteral("ENHANCEDSTATUSCODES");
        if (caps.chunking)
            extensions << QStringLiteral("CHUNKING");
        report.insert(QStringLiteral("extensions"), QJsonArray::fromStringList(extensions));
    } else {
        report.insert(QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), Core::Error::codeName(failure.error.code())},
                                                           {QStringLiteral("message"), failure.error.message()},
                                                           {QStringLiteral("reply_code"), failure.error.replyCode()},
                                                           {QStringLiteral("server_text"), failure.error.serverText()}});
    }
    if (!chain.isEmpty()) {
        const QSslCertificate &leaf = chain.first();
        report.insert(QStringLiteral("certificate"),
                      QJsonObject{{QStringLiteral("subject"), leaf.subjectDisplayName()},
                                  {QStringLiteral("issuer"), leaf.issuerDisplayName()},
                                  {QStringLiteral("expires"), leaf.expiryDate().toString(Qt::ISODate)},
                                  {QStringLiteral("sha256"), QString::fromLatin1(leaf.digest(QCryptographicHash::Sha256).toHex())}});
    }
    client.quit();
    if (json) {
        out() << QJsonDocument(report).toJson(QJsonDocument::Indented);
    } else {
        out() << QCoreApplication::translate("Cli", "Server: %1 (%2)").arg(report.value(QStringLiteral("server")).toString(),
                                                                        report.value(QStringLiteral("security")).toString())
              << Qt::endl;
        if (!chain.isEmpty())
            out() << QCoreApplication::translate("Cli", "Certificate: %1, issued by %2, valid until %3\n  SHA-256 %4")
                         .arg(chain.first().subjectDisplayName(), chain.first().issuerDisplayName(),
                              QLocale().toString(chain.first().expiryDate(), QLocale::ShortFormat),
                              QString::fromLatin1(chain.first().digest(QCryptographicHash::Sha256).toHex()))
                  << Qt::endl;
        if (ready) {
            out() << QCoreApplication::translate("Cli", "Encryption: %1").arg(client.tlsProtocolName().isEmpty()
                                                                                ? QCoreApplication::translate("Cli", "none")
                                                                                : client.tlsProtocolName())
                  << Qt::endl
                  << QCoreApplication::translate("Cli", "Extensions: %1")
                         .arg(report.value(QStringLiteral("extensions")).toVariant().toStringList().join(QStringLiteral(", ")))
                  << Qt::endl
                  << QCoreApplication::translate("Cli", "Sign-in: %1 (offered: %2)")
                         .arg(client.authMechanism().isEmpty() ? QCoreApplication::translate("Cli", "none") : client.authMechanism(),
                              caps.authMechanisms.join(QStringLiteral(", ")))
                  << Qt::endl
                  << QCoreApplication::translate("Cli", "The account works.") << Qt::endl;
        }
    }
    if (!ready)
        return fail(failure.error);
    return ExitOk;
}

} // namespace

int runSend(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOptions({
        {QStringLiteral("from"), QCoreApplication::translate("Cli", "Account name, or an address of one of your accounts."), QCoreApplication::translate("Cli", "ACCOUNT")},
        {QStringLiteral("to"), QCoreApplication::translate("Cli", "Recipient(s); repeat or separate with commas."), QCoreApplication::translate("Cli", "ADDRESS")},
        {QStringLiteral("cc"), QCoreApplication::translate("Cli", "Copy recipient(s)."), QCoreApplication::translate("Cli", "ADDRESS")},
        {QStringLiteral("bcc"), QCoreApplication::translate("Cli", "Hidden recipient(s)."), QCoreApplication::translate("Cli", "ADDRESS")},
        {QStringLiteral("reply-to"), QCoreApplication::translate("Cli", "Reply-To address(es)."), QCoreApplication::translate("Cli", "ADDRESS")},
        {QStringLiteral("subject"), QCoreApplication::translate("Cli", "The subject."), QCoreApplication::translate("Cli", "TEXT")},
        {QStringLiteral("body"), QCoreApplication::translate("Cli", "The text of the message."), QCoreApplication::translate("Cli", "TEXT")},
        {QStringLiteral("body-file"), QCoreApplication::translate("Cli", "Read the text from a file ('-' for standard input)."), QCoreApplication::translate("Cli", "FILE")},
        {QStringLiteral("html-file"), QCoreApplication::translate("Cli", "An HTML version of the text."), QCoreApplication::translate("Cli", "FILE")},
        {QStringLiteral("attach"), QCoreApplication::translate("Cli", "Attach a file; repeat for more."), QCoreApplication::translate("Cli", "FILE")},
        {QStringLiteral("inline-image"), QCoreApplication::translate("Cli", "An image the HTML shows as cid:ID; repeatable."), QCoreApplication::translate("Cli", "ID=FILE")},
        {QStringLiteral("in-reply-to"), QCoreApplication::translate("Cli", "Message-ID this message answers."), QCoreApplication::translate("Cli", "ID")},
        {QStringLiteral("header"), QCoreApplication::translate("Cli", "Extra header \"Name: value\"; repeatable."), QCoreApplication::translate("Cli", "HEADER")},
        {QStringLiteral("at"), QCoreApplication::translate("Cli", "Send at this time (ISO 8601, or HH:mm)."), QCoreApplication::translate("Cli", "TIME")},
        {QStringLiteral("queue-only"), QCoreApplication::translate("Cli", "Only queue it; a later 'outpost outbox flush' sends.")},
        {QStringLiteral("wait"), QCoreApplication::translate("Cli", "Wait until the message is sent or waits for a reason.")},
    });
    int code = 0;
    if (!parse(parser, QStringLiteral("send"), args, &code))
        return code;
    if (!parser.positionalArguments().isEmpty())
        return fail(QCoreApplication::translate("Cli", "unexpected argument '%1' (see 'outpost send --help')").arg(parser.positionalArguments().first()), ExitUsage);

    // The message is queued at once, and that is the test that the outbox
    // can be written (a test of its own made three files every time).
    Profile p;
    if (auto r = p.load(Core::Outbox::WriteTest::FirstEnqueue); !r)
        return fail(r.error());
    const QString from = parser.value(QStringLiteral("from"));
    const Core::Account *account = from.isEmpty() ? p.accounts.defaultAccount()
                                                  : p.accounts.find(from);
    if (!account && !from.isEmpty())
        account = p.accounts.findByAddress(from);
    if (!account)
        return fail(from.isEmpty() ? QCoreApplication::translate("Cli", "no account is set up; add one with 'outpost account add'")
                                   : QCoreApplication::translate("Cli", "no account '%1' (see 'outpost account list')").arg(from),
                    ExitConfig);
    const Core::Identity *identity = account->identityFor(from);
    if (!identity)
        identity = account->defaultIdentity();

    Core::Draft d;
    d.from = identity->mailbox();
    for (const auto &[option, target] : {std::pair{QStringLiteral("to"), &d.to}, std::pair{QStringLiteral("cc"), &d.cc},
                                         std::pair{QStringLiteral("bcc"), &d.bcc},
                                         std::pair{QStringLiteral("reply-to"), &d.replyTo}}) {
        auto list = addressOption(parser, option);
        if (!list)
            return fail(list.error());
        *target = list.value();
    }
    if (d.replyTo.isEmpty() && !identity->replyTo.isEmpty()) {
        if (auto r = Core::MailAddress::parseList(identity->replyTo); r)
            d.replyTo = r.value();
    }
    if (d.allRecipients().isEmpty())
        return fail(QCoreApplication::translate("Cli", "no recipients: give --to, --cc or --bcc"), ExitUsage);
    d.subject = parser.value(QStringLiteral("subject"));
    if (parser.isSet(QStringLiteral("body-file"))) {
        QFile f;
        const QString path = parser.value(QStringLiteral("body-file"));
        const bool ok = path == QLatin1String("-") ? f.open(stdin, QIODevice::ReadOnly)
                                                   : (f.setFileName(path), f.open(QIODevice::ReadOnly));
        if (!ok)
            return fail(QCoreApplication::translate("Cli", "cannot read '%1': %2").arg(path, f.errorString()), ExitNoInput);
        d.textBody = QString::fromUtf8(f.readAll());
    } else {
        d.textBody = parser.value(QStringLiteral("body"));
    }
    if (parser.isSet(QStringLiteral("html-file"))) {
        QFile f(parser.value(QStringLiteral("html-file")));
        if (!f.open(QIODevice::ReadOnly))
            return fail(QCoreApplication::translate("Cli", "cannot read '%1': %2").arg(f.fileName(), f.errorString()), ExitNoInput);
        d.htmlBody = QString::fromUtf8(f.readAll());
    }
    for (const QString &path : parser.values(QStringLiteral("attach")))
        d.attachments.append(Core::Attachment{path, {}, {}});
    for (const QString &image : parser.values(QStringLiteral("inline-image"))) {
        const qsizetype equals = image.indexOf(u'=');
        if (equals <= 0)
            return fail(QCoreApplication::translate("Cli", "an inline image must look like \"ID=FILE\": '%1'").arg(image), ExitUsage);
        const QString path = image.mid(equals + 1);
        d.inlineImages.append(Core::InlineImage{path, image.left(equals), {}, QFileInfo(path).fileName()});
    }
    d.inReplyTo = parser.value(QStringLiteral("in-reply-to"));
    for (const QString &h : parser.values(QStringLiteral("header"))) {
        const qsizetype colon = h.indexOf(u':');
        if (colon <= 0)
            return fail(QCoreApplication::translate("Cli", "a header must look like \"Name: value\": '%1'").arg(h), ExitUsage);
        d.extraHeaders.append({h.left(colon).trimmed(), h.mid(colon + 1).trimmed()});
    }
    Core::Outbox::EnqueueOptions options;
    if (parser.isSet(QStringLiteral("at"))) {
        options.notBefore = parseWhen(parser.value(QStringLiteral("at")));
        if (!options.notBefore.isValid())
            return fail(QCoreApplication::translate("Cli", "cannot read the time '%1'; use ISO 8601 or HH:mm").arg(parser.value(QStringLiteral("at"))), ExitUsage);
    }

    auto entry = p.outbox.enqueue(d, *account, options);
    if (!entry)
        return fail(entry.error());
    // Durably queued: only now may the person (or script) be told.
    out() << QCoreApplication::translate("Cli", "Queued %1").arg(entry->id) << Qt::endl;
    std::fflush(stdout);
    if (parser.isSet(QStringLiteral("queue-only")))
        return ExitOk;
    (void)flushOutbox(p, false, {entry->id}, parser.isSet(QStringLiteral("wait")) || !options.notBefore.isValid());
    const auto after = p.outbox.find(entry->id);
    if (!after)
        return ExitSoftware;
    out() << describe(after.value()) << Qt::endl;
    return options.notBefore.isValid() && after->state == Core::OutboxState::Queued ? ExitOk : exitCodeForEntry(after.value());
}

// --- outbox -------------------------------------------------------------------

namespace {

/// Files the due copies in the Sent folder here when this process can take
/// the outbox (and nothing else: no message is sent), else asks the process
/// that holds it, without waiting for what that one is sending.
void fileSentCopies(Profile &p)
{
    Core::Flusher flusher(&p.outbox, &p.accounts, &p.trust, &p.credentials);
    switch (flusher.acquire()) {
    case Core::Flusher::LockResult::Acquired: {
        bool idle = false;
        QObject::connect(&flusher, &Core::Flusher::idle, &flusher, [&] { idle = true; });
        flusher.fileSentCopies();
        runUntil([&] { return idle; }, 12 * 60 * 1000); // (the copy's own time-outs end it sooner)
        return;
    }
    case Core::Flusher::LockResult::HeldByOther:
        (void)Core::Flusher::requestFlush(p.outbox.root(), Core::Flusher::Request::SentCopies);
        return;
    case Core::Flusher::LockResult::Failed:
        err() << QCoreApplication::translate("Cli", "outpost: the outbox could not be locked.") << Qt::endl;
        return;
    }
}

/// `outbox retry-copy`: the copy is due now; this process files it, or the
/// one that holds the outbox does. Exit codes as for a message: 0 filed,
/// 75 still waiting (a temporary failure), 69 failed.
int retrySentCopy(Profile &p, const QString &id, bool createFolder)
{
    Core::SentCopyStore copies(p.outbox.root());
    if (const auto e = p.outbox.find(id); !e || e->state != Core::OutboxState::Sent)
        return fail(Core::Error(Core::Error::Code::InvalidInput, // as for the other commands' unknown ids
                                QCoreApplication::translate("Cli", "'%1' is not a sent message in the outbox.").arg(id)));
    if (auto r = copies.retry(id, createFolder); !r)
        return fail(r.error());
    fileSentCopies(p);
    // Another process may hold the outbox: its flusher files the copy. Two
    // minutes for it (scaled like the retry delays in tests).
    const auto waitMs = std::max<qint64>(2000, static_cast<qint64>(120'000 * Core::RetryPolicy::fromEnvironment().scale));
    QElapsedTimer clock;
    clock.start();
    auto status = copies.read(id);
    while (status && status->state == Core::SentCopyStatus::State::Pending && status->attempts == 0
           && clock.elapsed() < waitMs) {
        QThread::msleep(200);
        status = copies.read(id);
    }
    if (!status)
        return fail(QCoreApplication::translate("Cli", "The state of the copy cannot be read."), ExitSoftware);
    out() << describeSentCopy(*status) << Qt::endl;
    switch (status->state) {
    case Core::SentCopyStatus::State::Done:
        return ExitOk;
    case Core::SentCopyStatus::State::Pending:
        return ExitTempFail;
    case Core::SentCopyStatus::State::Skipped:
    case Core::SentCopyStatus::State::Failed:
        break;
    }
    return status->code == QLatin1String("AuthenticationFailed") ? ExitNoPerm : ExitUnavailable;
}

} // namespace

int runOutbox(const QStringList &args)
{
    const QString sub = args.value(0);
    const QStringList rest = args.mid(1);
    QCommandLineParser parser;
    if (sub == QLatin1String("list")) {
        parser.addOption({QStringLiteral("json"), QCoreApplication::translate("Cli", "Machine-readable output.")});
    } else if (sub == QLatin1String("flush")) {
        parser.addOption({QStringLiteral("wait"), QCoreApplication::translate("Cli", "Return when every due message is sent or waits for a reason.")});
        // outpost-sendmail's send: the message it queued, waited for; the
        // deferred ones keep their retry time (not a manual flush).
        parser.addOption({QStringLiteral("wait-for"),
                          QCoreApplication::translate("Cli", "Send what is due and return, without a summary, when this message is sent or waits for a reason; deferred messages keep their time."),
                          QStringLiteral("id")});
    } else if (sub == QLatin1String("retry-copy")) {
        parser.addOption({QStringLiteral("create-folder"), QCoreApplication::translate("Cli", "Create the Sent folder if the server has none.")});
        parser.addPositionalArgument(QStringLiteral("id"), QCoreApplication::translate("Cli", "The sent message, as 'outpost outbox list' shows it."));
    } else if (sub == QLatin1String("retry") || sub == QLatin1String("remove") || sub == QLatin1String("mark-sent")
               || sub == QLatin1String("send-again")) {
        parser.addPositionalArgument(QStringLiteral("id"), QCoreApplication::translate("Cli", "The message, as 'outpost outbox list' shows it."));
    } else {
        if (sub == QLatin1String("--help") || sub == QLatin1String("-h") || sub.isEmpty()) {
            out() << QCoreApplication::translate("Cli", "Usage: outpost outbox list [--json] | flush [--wait] | retry ID | remove ID |\n"
                           "                      mark-sent ID | send-again ID | retry-copy [--create-folder] ID\n");
            return sub.isEmpty() ? ExitUsage : ExitOk;
        }
        return fail(QCoreApplication::translate("Cli", "unknown outbox command '%1' (see 'outpost outbox --help')").arg(sub), ExitUsage);
    }
    int code = 0;
    if (!parse(parser, QStringLiteral("outbox ") + sub, rest, &code))
        return code;
    Profile p;
    if (auto r = p.load(); !r)
        return fail(r.error());

    if (sub == QLatin1String("list")) {
        const QList<Core::OutboxEntry> all = p.outbox.allEntries();
        if (parser.isSet(QStringLiteral("json"))) {
            QJsonArray list;
            const Core::SentCopyStore copies(p.outbox.root());
            for (const Core::OutboxEntry &e : all) {
                QJsonObject o = entryJson(e);
                if (e.state == Core::OutboxState::Sent)
                    o.insert(QStringLiteral("sent_copy"), sentCopyJson(copies.read(e.id)));
                list.append(o);
            }
            out() << QJsonDocument(list).toJson(QJsonDocument::Indented);
            return ExitOk;
        }
        if (all.isEmpty())
            out() << QCoreApplication::translate("Cli", "The outbox is empty.") << Qt::endl;
        const Core::SentCopyStore copies(p.outbox.root());
        for (const Core::OutboxEntry &e : all) {
            out() << e.id << QStringLiteral("  ") << e.subject << QStringLiteral("  ")
                  << e.displayTo.join(QStringLiteral(", ")) << QStringLiteral("\n    ") << describe(e) << Qt::endl;
            if (const auto copy = e.state == Core::OutboxState::Sent ? copies.read(e.id) : std::nullopt)
                out() << QStringLiteral("    ") << describeSentCopy(*copy) << Qt::endl;
        }
        return ExitOk;
    }
    if (sub == QLatin1String("flush")) {
        if (const QStringList waitFor = parser.values(QStringLiteral("wait-for")); !waitFor.isEmpty()) {
            (void)flushOutbox(p, false, waitFor, true);
            return exitCodeForFlush(p.outbox, waitFor);
        }
        const QStringList tried = flushOutbox(p, true, {}, parser.isSet(QStringLiteral("wait")));
        const auto counts = p.outbox.counts();
        const int waiting = counts.value(Core::OutboxState::Queued) + counts.value(Core::OutboxState::Deferred)
            + counts.value(Core::OutboxState::Active);
        //: %1 sent count, %2 still waiting, %3 needing attention
        out() << QCoreApplication::translate("Cli", "%1 sent, %2 waiting, %3 need attention, %4 failed")
                     .arg(counts.value(Core::OutboxState::Sent))
                     .arg(waiting)
                     .arg(counts.value(Core::OutboxState::Held))
                     .arg(counts.value(Core::OutboxState::Failed))
              << Qt::endl;
        // A script must see that something it asked for was not sent.
        return exitCodeForFlush(p.outbox, tried);
    }
    const QStringList ids = parser.positionalArguments();
    if (ids.size() != 1)
        return fail(QCoreApplication::translate("Cli", "give exactly one message id"), ExitUsage);
    const QString id = ids.first();
    if (sub == QLatin1String("retry-copy"))
        return retrySentCopy(p, id, parser.isSet(QStringLiteral("create-folder")));
    Core::Result<void> r;
    if (sub == QLatin1String("retry"))
        r = p.outbox.retry(id);
    else if (sub == QLatin1String("remove"))
        r = p.outbox.remove(id);
    else if (sub == QLatin1String("mark-sent"))
        r = p.outbox.markSent(id);
    else
        r = p.outbox.sendAgain(id);
    if (!r)
        return fail(r.error());
    if (sub == QLatin1String("retry") || sub == QLatin1String("send-again"))
        (void)Core::Flusher::requestFlush(p.outbox.root());
    return ExitOk;
}


namespace {

namespace AC = Core::Autoconfig;

void addDiscoveryOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("send-address"), QCoreApplication::translate("Cli", "Let your provider's own configuration server (HTTPS only) see the address; no one else ever does.")},
        {QStringLiteral("allow-insecure"), QCoreApplication::translate("Cli", "Also consider servers without encryption (never chosen otherwise).")},
    });
}

AC::DiscoveryOptions discoveryOptions(const QCommandLineParser &parser)
{
    AC::DiscoveryOptions o = AC::DiscoveryOptions::fromEnvironment();
    o.sendAddressToProvider = parser.isSet(QStringLiteral("send-address"));
    o.allowInsecure = parser.isSet(QStringLiteral("allow-insecure"));
    return o;
}

// Runs a discovery to its end; progress lines go to stderr when asked.
AC::DiscoveryResult discover(const QString &address, const AC::DiscoveryOptions &options, bool progress)
{
    AC::Discovery discovery(options);
    bool done = false;
    QObject::connect(&discovery, &AC::Discovery::progress, &discovery, [progress](const AC::DiscoveryStep &s) {
        if (progress)
            err() << QStringLiteral("[%1 ms] ").arg(s.elapsedMs, 5) << s.text << Qt::endl;
    });
    QObject::connect(&discovery, &AC::Discovery::finished, &discovery, [&] { done = true; });
    discovery.start(address);
    runUntil([&] { return done; }, options.timeouts.total + 15000);
    if (!done)
        discovery.cancel();
    return discovery.result();
}

QString describeCandidate(const AC::Candidate &c)
{
    return QStringLiteral("%1:%2 (%3)").arg(c.server.host).arg(c.server.port).arg(Core::Account::securityName(c.server.security));
}

// Signs in once or twice (docs/design/AUTOCONFIG.md §9.9): the user name the provider
// names, else the address, then its local part. Returns the user name that
// worked, or an error carrying the advice of the last attempt.
Core::Result<QString> verifyLogin(const Core::Account &a, const QStringList &usernames, const QString &password)
{
    AC::OutgoingServer server;
    server.host = a.host;
    server.port = a.port;
    server.security = a.security;
    AC::LoginAdvice advice = AC::LoginAdvice::Other;
    Core::Error last;
    for (const QString &user : usernames.mid(0, 2)) {
        AC::Probe probe(server, qEnvironmentVariable("OUTPOST_EXTRA_CA_FILE"), AC::ProbeTimeouts{});
        bool done = false;
        QObject::connect(&probe, &AC::Probe::finished, &probe, [&] { done = true; });
        err() << QCoreApplication::translate("Cli", "Signing in to %1 as %2…").arg(a.host, user) << Qt::endl;
        probe.verify(user, password);
        runUntil([&] { return done; }, 30000);
        if (done && probe.facts().outcome == AC::ProbeFacts::Outcome::Verified)
            return user;
        last = done ? probe.facts().error : Core::Error(Core::Error::Code::Timeout, QCoreApplication::translate("Cli", "The server did not answer."));
        advice = done ? probe.advice() : AC::LoginAdvice::Other;
        if (advice != AC::LoginAdvice::BadPassword)
            break;
    }
    QString text = AC::loginAdviceText(advice);
    if (!last.serverText().isEmpty())
        text += QLatin1Char(' ') + QCoreApplication::translate("Cli", "The server said: %1").arg(last.serverText());
    else if (advice == AC::LoginAdvice::Other)
        text += QLatin1Char(' ') + last.message();
    return Core::Error(last.code() == Core::Error::Code::None ? Core::Error::Code::AuthenticationFailed : last.code(), text);
}

// Signs in with the account's provider, checks the token on its mail server,
// keeps the refresh token in the keychain and records the sign-in in the
// account file (which tells every process to release the messages held for
// "Sign in again"), then sends what was released.
int loginAccount(Profile &p, const QStringList &names, bool noBrowser)
{
    if (names.size() != 1)
        return fail(QCoreApplication::translate("Cli", "give exactly one account name"), ExitUsage);
    const Core::Account *found = p.accounts.find(names.first());
    if (!found)
        return fail(QCoreApplication::translate("Cli", "no account '%1'").arg(names.first()), ExitConfig);
    Core::Account a = *found; // a copy: save() reads the file again
    if (a.auth != Core::AuthMethod::OAuth2)
        return fail(QCoreApplication::translate("Cli", "'%1' does not sign in with OAuth 2.0 (its password is changed with 'outpost account add')")
                        .arg(a.name),
                    ExitUsage);
    const auto registry = Core::OAuth::ProviderRegistry::load();
    for (const Core::Error &e : registry.errors())
        err() << e.message() << Qt::endl;
    const Core::OAuth::Provider provider = Core::OAuth::providerForAccount(a, registry);
    if (auto ok = checkClientId(provider); !ok)
        return fail(ok.error().message(), ExitConfig);
    const Core::Identity *identity = a.defaultIdentity();
    InterruptWatcher interrupt; // Ctrl-C while the browser is out: nothing changes
    auto tokens = signInWithOAuth(provider, identity ? identity->address : a.username, noBrowser, &interrupt);
    if (!tokens)
        return fail(QCoreApplication::translate("Cli", "not signed in: %1").arg(tokens.error().message()),
                    interrupt.isInterrupted() ? ExitInterrupted : ExitNoPerm);
    auto signedIn = signInOnce(p, a, {}, tokens->accessToken);
    if (interrupt.isInterrupted())
        return fail(QCoreApplication::translate("Cli", "not signed in: %1").arg(interruptedMessage()), ExitInterrupted);
    if (!signedIn)
        return fail(QCoreApplication::translate("Cli", "not signed in: %1").arg(signedIn.error().message()),
                    exitCodeFor(signedIn.error()));
    if (Core::Error e = runJob(p.credentials.write(a.id, tokens->refreshToken, Core::SecretKind::OAuthRefreshToken)); e.isError())
        return fail(e);
    a.oauth2 = Core::OAuth::settingsForProvider(provider);
    a.oauth2.signedInAt = QDateTime::currentDateTimeUtc();
    if (auto r = p.accounts.update(a); !r)
        return fail(r.error());
    if (auto r = p.accounts.save(); !r)
        return fail(r.error());
    err() << QCoreApplication::translate("Cli", "Signed in successfully.") << Qt::endl;
    const QStringList released = Core::Flusher::releaseHeld(p.outbox, {a.id}, Core::Flusher::Fix::Account);
    if (released.isEmpty())
        return ExitOk;
    const int count = static_cast<int>(released.size()); // (a plain argument: lupdate reads no casts)
    //: %n is a number of messages
    err() << QCoreApplication::translate("Cli", "Sending %n message(s) that waited for the sign-in.", nullptr, count)
          << Qt::endl;
    const QStringList tried = flushOutbox(p, false, released, true);
    return exitCodeForFlush(p.outbox, tried);
}

} // namespace

// --- autoconfig -----------------------------------------------------------------

int runAutoconfig(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("address"), QCoreApplication::translate("Cli", "The e-mail address to find the outgoing server for."));
    parser.addOption({QStringLiteral("json"), QCoreApplication::translate("Cli", "Machine-readable output: every candidate with its source, probe and reasons.")});
    addDiscoveryOptions(parser);
    int code = 0;
    if (!parse(parser, QStringLiteral("autoconfig"), args, &code))
        return code;
    const QStringList addresses = parser.positionalArguments();
    if (addresses.size() != 1)
        return fail(QCoreApplication::translate("Cli", "give exactly one address"), ExitUsage);
    const bool json = parser.isSet(QStringLiteral("json"));
    const AC::DiscoveryOptions options = discoveryOptions(parser);
    const AC::DiscoveryResult result = discover(addresses.first(), options, !json);
    if (result.error.isError())
        return fail(result.error);
    if (json) {
        out() << QJsonDocument(result.toJson(options.allowInsecure)).toJson(QJsonDocument::Indented);
        return result.chosen >= 0 ? ExitOk : ExitUnavailable;
    }
    for (int i = 0; i < result.candidates.size(); ++i) {
        const AC::Candidate &c = result.candidates[i];
        out() << (i == result.chosen ? QStringLiteral("* ") : QStringLiteral("  ")) << describeCandidate(c)
              << QStringLiteral("  [") << AC::sourceName(c.source) << QStringLiteral(", ") << AC::outcomeName(c.probe.outcome)
              << QStringLiteral("]") << Qt::endl;
        for (const QString &r : c.reasons)
            out() << QStringLiteral("      ") << r << Qt::endl;
    }
    if (const AC::ImapCandidate *imap = result.imap())
        out() << QCoreApplication::translate("Cli", "IMAP server for the Sent copy: %1:%2 (%3) [%4]")
                     .arg(imap->server.host)
                     .arg(imap->server.port)
                     .arg(Core::Account::securityName(imap->server.security), AC::sourceName(imap->source))
              << Qt::endl;
    else
        out() << QCoreApplication::translate("Cli", "No IMAP server found for the Sent copy.") << Qt::endl;
    if (const AC::Candidate *c = result.chosenCandidate()) {
        out() << QCoreApplication::translate("Cli", "Chosen: %1, user name %2")
                     .arg(describeCandidate(*c), c->server.username.isEmpty()
                                                     ? QCoreApplication::translate("Cli", "(the address or its local part)")
                                                     : c->server.username)
              << Qt::endl;
        if (c->authMethod() == Core::AuthMethod::OAuth2)
            out() << QCoreApplication::translate("Cli", "It signs in with OAuth 2.0, in your browser (%1).")
                         .arg(c->oauth2.issuer.isEmpty() ? AC::registrableDomain(c->server.host) : c->oauth2.issuer)
                  << Qt::endl;
        if (c->needsConfirmation(result.address.domain))
            out() << QCoreApplication::translate("Cli", "Check this server before using it: its source is not authenticated, or it belongs to another domain (%1).")
                         .arg(AC::registrableDomain(c->server.host))
                  << Qt::endl;
        return ExitOk;
    }
    out() << QCoreApplication::translate("Cli", "No usable server found; add the account with --host.") << Qt::endl;
    return ExitUnavailable;
}

// --- account ------------------------------------------------------------------

namespace {

/// The options of `account add` and `account set` for the Sent copy.
void addSentCopyOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("imap-host"), QCoreApplication::translate("Cli", "Incoming (IMAP) server, used to save a copy of each sent message in Sent."), QCoreApplication::translate("Cli", "HOST")},
        {QStringLiteral("imap-port"), QCoreApplication::translate("Cli", "IMAP port (default 993 for tls, 143 for starttls)."), QCoreApplication::translate("Cli", "PORT")},
        {QStringLiteral("imap-security"), QCoreApplication::translate("Cli", "tls (default) or starttls for the IMAP server."), QCoreApplication::translate("Cli", "MODE")},
        {QStringLiteral("imap-username"), QCoreApplication::translate("Cli", "IMAP user name (default: the one for sending)."), QCoreApplication::translate("Cli", "USER")},
        {QStringLiteral("save-sent"), QCoreApplication::translate("Cli", "Save a copy of sent messages in Sent: auto (default; not where the provider files one itself), always or never."), QCoreApplication::translate("Cli", "MODE")},
    });
}

/// --imap-* and --save-sent of `account add` into the account; a usage error
/// names the option. The account's own checks (validate()) come after.
Core::Result<void> applySentCopyOptions(const QCommandLineParser &parser, Core::Account &a)
{
    const auto usage = [](const QString &message) { return Core::Error(Core::Error::Code::InvalidInput, message); };
    if (parser.isSet(QStringLiteral("save-sent"))) {
        const auto mode = Core::Account::sentCopyModeFromName(parser.value(QStringLiteral("save-sent")));
        if (!mode)
            return usage(QCoreApplication::translate("Cli", "--save-sent must be auto, always or never"));
        a.saveSent = *mode;
    }
    if (!parser.isSet(QStringLiteral("imap-host"))) {
        for (const char *option : {"imap-port", "imap-security", "imap-username"}) {
            if (parser.isSet(QLatin1String(option)))
                return usage(QCoreApplication::translate("Cli", "--%1 needs --imap-host").arg(QLatin1String(option)));
        }
        return {};
    }
    a.imap.host = parser.value(QStringLiteral("imap-host"));
    if (parser.isSet(QStringLiteral("imap-security"))) {
        const auto security = Core::Account::securityFromName(parser.value(QStringLiteral("imap-security")));
        // "none" only with --allow-plaintext-auth; validate() says so.
        if (!security)
            return usage(QCoreApplication::translate("Cli", "--imap-security must be tls or starttls"));
        a.imap.security = *security;
    }
    bool portOk = true;
    const uint port = parser.isSet(QStringLiteral("imap-port")) ? parser.value(QStringLiteral("imap-port")).toUInt(&portOk)
                                                                : (a.imap.security == Core::SmtpSecurity::ImplicitTls ? 993 : 143);
    if (!portOk || port == 0 || port > 65535)
        return usage(QCoreApplication::translate("Cli", "--imap-port must be a number between 1 and 65535"));
    a.imap.port = static_cast<quint16>(port);
    a.imap.username = parser.value(QStringLiteral("imap-username"));
    return {};
}

/// `account set NAME`: a new IMAP server (--imap-host and its options, as
/// for `account add`), none (--no-imap), and the Sent copy's mode.
int setAccount(Profile &p, const QCommandLineParser &parser)
{
    const QStringList names = parser.positionalArguments();
    if (names.size() != 1)
        return fail(QCoreApplication::translate("Cli", "give exactly one account name"), ExitUsage);
    const Core::Account *found = p.accounts.find(names.first());
    if (!found)
        return fail(QCoreApplication::translate("Cli", "no account '%1'").arg(names.first()), ExitConfig);
    Core::Account a = *found; // a copy: save() reads the file again
    const bool noImap = parser.isSet(QStringLiteral("no-imap"));
    if (noImap && parser.isSet(QStringLiteral("imap-host")))
        return fail(QCoreApplication::translate("Cli", "give either --imap-host or --no-imap"), ExitUsage);
    if (parser.optionNames().isEmpty())
        return fail(QCoreApplication::translate("Cli", "nothing to change: give --imap-host, --no-imap or --save-sent"), ExitUsage);
    // A server given replaces the old one whole: what is not given takes
    // its default, as for `account add`.
    if (noImap || parser.isSet(QStringLiteral("imap-host")))
        a.imap = {};
    if (auto r = applySentCopyOptions(parser, a); !r)
        return fail(r.error().message(), ExitUsage);
    if (auto r = p.accounts.update(a); !r)
        return fail(r.error());
    if (auto r = p.accounts.save(); !r)
        return fail(r.error());
    out() << QCoreApplication::translate("Cli", "Changed account %1").arg(a.name) << Qt::endl;
    out() << QCoreApplication::translate("Cli", "Save a copy in Sent: %1. %2")
                 .arg(Core::Account::sentCopyModeName(a.saveSent), a.sentCopyExplanation())
          << Qt::endl;
    return ExitOk;
}

/// `account list --json`: whether a copy is filed, and why.
QJsonObject sentCopyPolicyJson(const Core::Account &a)
{
    return QJsonObject{{QStringLiteral("mode"), Core::Account::sentCopyModeName(a.saveSent)},
                       {QStringLiteral("copies"), a.copiesToSent()},
                       {QStringLiteral("reason"), Core::Account::sentCopyReasonName(a.sentCopyReason())},
                       {QStringLiteral("explanation"), a.sentCopyExplanation()}};
}

} // namespace

int runAccount(const QStringList &args)
{
    const QString sub = args.value(0);
    const QStringList rest = args.mid(1);
    QCommandLineParser parser;
    if (sub == QLatin1String("add")) {
        parser.addOptions({
            {QStringLiteral("name"), QCoreApplication::translate("Cli", "What to call the account (default: the address)."), QCoreApplication::translate("Cli", "NAME")},
            {QStringLiteral("email"), QCoreApplication::translate("Cli", "The address to send from."), QCoreApplication::translate("Cli", "ADDRESS")},
            {QStringLiteral("display-name"), QCoreApplication::translate("Cli", "Your name as recipients see it."), QCoreApplication::translate("Cli", "NAME")},
            {QStringLiteral("host"), QCoreApplication::translate("Cli", "Outgoing (SMTP submission) server."), QCoreApplication::translate("Cli", "HOST")},
            {QStringLiteral("port"), QCoreApplication::translate("Cli", "Server port (default 465 for tls, 587 otherwise)."), QCoreApplication::translate("Cli", "PORT")},
            {QStringLiteral("security"), QCoreApplication::translate("Cli", "tls, starttls (default) or none."), QCoreApplication::translate("Cli", "MODE")},
            {QStringLiteral("username"), QCoreApplication::translate("Cli", "User name (default: the address)."), QCoreApplication::translate("Cli", "USER")},
            {QStringLiteral("auth"), QCoreApplication::translate("Cli", "password (default), oauth2 (sign in with the provider in a browser) or none."), QCoreApplication::translate("Cli", "METHOD")},
            {QStringLiteral("no-browser"), QCoreApplication::translate("Cli", "With --auth oauth2: sign in on another device with a code, where the provider offers it.")},
            {QStringLiteral("password-stdin"), QCoreApplication::translate("Cli", "Read the password from standard input (never from the command line).")},
            {QStringLiteral("allow-plaintext-auth"), QCoreApplication::translate("Cli", "Allow sending the password without encryption.")},
            {QStringLiteral("yes"), QCoreApplication::translate("Cli", "Accept a detected server even when its source is not authenticated.")},
            {QStringLiteral("no-verify"), QCoreApplication::translate("Cli", "Save without signing in to the server first (the password or the OAuth 2.0 sign-in is not tried there).")},
        });
        addSentCopyOptions(parser);
        addDiscoveryOptions(parser);
    } else if (sub == QLatin1String("list")) {
        parser.addOption({QStringLiteral("json"), QCoreApplication::translate("Cli", "Machine-readable output.")});
    } else if (sub == QLatin1String("remove")) {
        parser.addPositionalArgument(QStringLiteral("name"), QCoreApplication::translate("Cli", "The account to remove."));
    } else if (sub == QLatin1String("login")) {
        parser.addPositionalArgument(QStringLiteral("name"), QCoreApplication::translate("Cli", "The OAuth 2.0 account to sign in again."));
        parser.addOption({QStringLiteral("no-browser"), QCoreApplication::translate("Cli", "Sign in on another device with a code, where the provider offers it.")});
    } else if (sub == QLatin1String("set")) {
        parser.addPositionalArgument(QStringLiteral("name"), QCoreApplication::translate("Cli", "The account to change."));
        addSentCopyOptions(parser);
        parser.addOption({QStringLiteral("no-imap"), QCoreApplication::translate("Cli", "Remove the IMAP server: no copy in Sent.")});
    } else if (sub == QLatin1String("test")) {
        parser.addPositionalArgument(QStringLiteral("name"), QCoreApplication::translate("Cli", "The account to test."));
        parser.addOption({QStringLiteral("json"), QCoreApplication::translate("Cli", "Machine-readable output.")});
    } else {
        if (sub == QLatin1String("--help") || sub == QLatin1String("-h") || sub.isEmpty()) {
            out() << QCoreApplication::translate("Cli", "Usage: outpost account add --email ADDRESS [--host HOST ...] [--auth oauth2]\n"
                           "                           [--imap-host HOST ...] [--save-sent auto|always|never] |\n"
                           "                       set NAME [--imap-host HOST ... | --no-imap] [--save-sent MODE] |\n"
                           "                       list [--json] | test NAME [--json] | login NAME | remove NAME\n");
            return sub.isEmpty() ? ExitUsage : ExitOk;
        }
        return fail(QCoreApplication::translate("Cli", "unknown account command '%1' (see 'outpost account --help')").arg(sub), ExitUsage);
    }
    int code = 0;
    if (!parse(parser, QStringLiteral("account ") + sub, rest, &code))
        return code;
    Profile p;
    if (auto r = p.load(); !r)
        return fail(r.error());

    if (sub == QLatin1String("list")) {
        if (parser.isSet(QStringLiteral("json"))) {
            QJsonArray list;
            for (const Core::Account &a : p.accounts.accounts()) {
                QJsonObject o = a.toJson();
                o.insert(QStringLiteral("default"), p.accounts.defaultAccount() == &a);
                o.insert(QStringLiteral("auth"), Core::Account::authName(a.auth));
                o.insert(QStringLiteral("sent_copy"), sentCopyPolicyJson(a));
                if (a.auth == Core::AuthMethod::OAuth2)
                    o.insert(QStringLiteral("refresh_token_stored"), hasRefreshToken(p, a.id));
                list.append(o);
            }
            out() << QJsonDocument(list).toJson(QJsonDocument::Indented);
            return ExitOk;
        }
        if (p.accounts.accounts().isEmpty())
            out() << QCoreApplication::translate("Cli", "No accounts. Add one with 'outpost account add'.") << Qt::endl;
        for (const Core::Account &a : p.accounts.accounts()) {
            const Core::Identity *i = a.defaultIdentity();
            out() << a.name << QStringLiteral("  ") << (i ? i->mailbox().toDisplayString() : QString())
                  << QStringLiteral("  ") << a.host << u':' << a.port << u' ' << Core::Account::securityName(a.security)
                  << Qt::endl;
            if (!a.imap.host.isEmpty()) {
                const QString server = a.imap.host + u':' + QString::number(a.imap.port) + u' '
                    + Core::Account::securityName(a.imap.security);
                out() << QStringLiteral("    ")
                      << (a.imap.username.isEmpty()
                              //: %1 is host:port security
                              ? QCoreApplication::translate("Cli", "IMAP %1").arg(server)
                              //: %1 is host:port security, %2 a user name
                              : QCoreApplication::translate("Cli", "IMAP %1, user %2").arg(server, a.imap.username))
                      << Qt::endl;
            }
            //: %1 is auto, always or never; %2 says whether a copy is saved and why
            out() << QStringLiteral("    ") << QCoreApplication::translate("Cli", "Save a copy in Sent: %1. %2")
                         .arg(Core::Account::sentCopyModeName(a.saveSent), a.sentCopyExplanation())
                  << Qt::endl;
        }
        return ExitOk;
    }
    if (sub == QLatin1String("login"))
        return loginAccount(p, parser.positionalArguments(), parser.isSet(QStringLiteral("no-browser")));
    if (sub == QLatin1String("test"))
        return testAccount(p, parser.positionalArguments(), parser.isSet(QStringLiteral("json")));
    if (sub == QLatin1String("set"))
        return setAccount(p, parser);
    if (sub == QLatin1String("remove")) {
        const QStringList names = parser.positionalArguments();
        if (names.size() != 1)
            return fail(QCoreApplication::translate("Cli", "give exactly one account name"), ExitUsage);
        const Core::Account *a = p.accounts.find(names.first());
        if (!a)
            return fail(QCoreApplication::translate("Cli", "no account '%1'").arg(names.first()), ExitConfig);
        const QString id = a->id;
        revokeRefreshToken(p.credentials, *a); // while the token is still there
        p.accounts.remove(id);
        if (auto r = p.accounts.save(); !r)
            return fail(r.error());
        (void)runJob(p.credentials.remove(id));
        (void)runJob(p.credentials.remove(id, Core::SecretKind::OAuthRefreshToken));
        Core::OAuth::AccessTokenSource::removeRefreshLock(id);
        return ExitOk;
    }

    // add
    const QString email = parser.value(QStringLiteral("email"));
    if (email.isEmpty())
        return fail(QCoreApplication::translate("Cli", "give the address with --email"), ExitUsage);
    Core::Account a;
    a.name = parser.isSet(QStringLiteral("name")) ? parser.value(QStringLiteral("name")) : email;
    // Without --host: discovery (docs/design/AUTOCONFIG.md §9), then a real sign-in below.
    const bool discovered = !parser.isSet(QStringLiteral("host"));
    QStringList usernames;
    AC::OAuth2Info oauth2Info; // the provider file's <oAuth2> block, if discovery found one
    if (discovered) {
        const AC::DiscoveryResult result = discover(email, discoveryOptions(parser), true);
        if (result.error.isError())
            return fail(result.error);
        const AC::Candidate *c = result.chosenCandidate();
        if (!c)
            return fail(QCoreApplication::translate("Cli", "no usable outgoing server found for %1; give it with --host (details: 'outpost autoconfig %1')")
                            .arg(email),
                        ExitUnavailable);
        err() << QCoreApplication::translate("Cli", "Found %1 through %2.").arg(describeCandidate(*c), AC::sourceDescription(c->source)) << Qt::endl;
        if (c->needsConfirmation(result.address.domain) && !parser.isSet(QStringLiteral("yes")))
            return fail(QCoreApplication::translate("Cli", "%1 was found through an unauthenticated source or belongs to another domain (%2); check it and add --yes to accept it")
                            .arg(describeCandidate(*c), AC::registrableDomain(c->server.host)),
                        ExitUnavailable);
        a.host = c->server.host;
        a.port = c->server.port;
        a.security = c->server.security;
        if (parser.isSet(QStringLiteral("username")))
            usernames << parser.value(QStringLiteral("username"));
        else if (!c->server.username.isEmpty())
            usernames << c->server.username;
        else
            usernames << result.address.address << result.address.localPart;
        if (c->server.auth.size() == 1 && c->server.auth.first() == AC::AuthKind::None && !parser.isSet(QStringLiteral("auth")))
            a.auth = Core::AuthMethod::None;
        // A server that wants OAuth 2.0 signs in with it unless told otherwise.
        if (c->authMethod() == Core::AuthMethod::OAuth2 && !parser.isSet(QStringLiteral("auth")))
            a.auth = Core::AuthMethod::OAuth2;
        oauth2Info = c->oauth2;
        // The IMAP server for the Sent copy, unless given: under the same
        // rule as the outgoing server (it gets the same password).
        if (const AC::ImapCandidate *imap = result.imap(); imap && !parser.isSet(QStringLiteral("imap-host"))) {
            if (imap->needsConfirmation(result.address.domain) && !parser.isSet(QStringLiteral("yes"))) {
                err() << QCoreApplication::translate("Cli", "The IMAP server %1 was found through an unauthenticated source; it is not used without --yes (or give --imap-host).")
                             .arg(imap->server.host)
                      << Qt::endl;
            } else {
                a.imap.host = imap->server.host;
                a.imap.port = imap->server.port;
                a.imap.security = imap->server.security;
                a.imap.username = imap->server.username;
                err() << QCoreApplication::translate("Cli", "Copies of sent messages go to %1:%2 (IMAP).").arg(imap->server.host).arg(imap->server.port)
                      << Qt::endl;
            }
        }
    } else {
        a.host = parser.value(QStringLiteral("host"));
    }
    if (!discovered) {
        const auto security = Core::Account::securityFromName(parser.value(QStringLiteral("security")).isEmpty()
                                                                  ? QStringLiteral("starttls")
                                                                  : parser.value(QStringLiteral("security")));
        if (!security)
            return fail(QCoreApplication::translate("Cli", "--security must be tls, starttls or none"), ExitUsage);
        a.security = *security;
        bool portOk = true;
        const uint port = parser.isSet(QStringLiteral("port")) ? parser.value(QStringLiteral("port")).toUInt(&portOk)
                                                               : (a.security == Core::SmtpSecurity::ImplicitTls ? 465 : 587);
        if (!portOk || port == 0 || port > 65535)
            return fail(QCoreApplication::translate("Cli", "--port must be a number between 1 and 65535"), ExitUsage);
        a.port = static_cast<quint16>(port);
    }
    const QString auth = parser.value(QStringLiteral("auth"));
    if (auth == QLatin1String("none"))
        a.auth = Core::AuthMethod::None;
    else if (auth == QLatin1String("oauth2"))
        a.auth = Core::AuthMethod::OAuth2;
    else if (!auth.isEmpty() && auth != QLatin1String("password"))
        return fail(QCoreApplication::translate("Cli", "--auth must be password, oauth2 or none"), ExitUsage);
    a.username = parser.isSet(QStringLiteral("username")) ? parser.value(QStringLiteral("username"))
                                                          : (usernames.isEmpty() ? email : usernames.first());
    a.allowCleartextAuth = parser.isSet(QStringLiteral("allow-plaintext-auth"));
    if (auto r = applySentCopyOptions(parser, a); !r)
        return fail(r.error().message(), ExitUsage);
    Core::Identity identity;
    identity.name = parser.value(QStringLiteral("display-name"));
    identity.address = email;
    identity.isDefault = true;
    a.identities = {identity};
    a.id = Core::Account::newId();
    for (Core::Identity &i : a.identities)
        i.id = Core::Account::newId();
    if (auto r = a.validate(); !r) // before asking for a password
        return fail(r.error());
    QString password;
    Core::OAuth::Tokens tokens;
    // Ctrl-C or SIGTERM while the browser is out cancels the sign-in; until
    // the account is saved, nothing is kept.
    std::optional<InterruptWatcher> interrupt;
    if (a.auth == Core::AuthMethod::OAuth2) {
        interrupt.emplace();
        // Which provider, before anything is asked of the person; then the
        // sign-in, and the token tried on the server, like a password.
        auto provider = oauthProviderForHost(a.host, oauth2Info);
        if (!provider)
            return fail(QCoreApplication::translate("Cli", "the account was not added: %1").arg(provider.error().message()),
                        ExitConfig);
        a.oauth2 = Core::OAuth::settingsForProvider(provider.value());
        auto signedIn = signInWithOAuth(provider.value(), email, parser.isSet(QStringLiteral("no-browser")), &*interrupt);
        if (!signedIn)
            return fail(QCoreApplication::translate("Cli", "the account was not added: %1").arg(signedIn.error().message()),
                        interrupt->isInterrupted() ? ExitInterrupted : ExitNoPerm);
        tokens = signedIn.value();
        if (parser.isSet(QStringLiteral("no-verify"))) {
            // The refresh token is needed all the same; only the mail server is not asked.
            err() << QCoreApplication::translate("Cli", "Saved without signing in to the mail server (--no-verify): "
                                                        "the sign-in was not tried there.")
                  << Qt::endl;
        } else {
            auto checked = signInOnce(p, a, {}, tokens.accessToken);
            if (interrupt->isInterrupted())
                return fail(QCoreApplication::translate("Cli", "the account was not added: %1").arg(interruptedMessage()),
                            ExitInterrupted);
            if (!checked)
                return fail(QCoreApplication::translate("Cli", "the account was not added: %1").arg(checked.error().message()),
                            exitCodeFor(checked.error()));
            err() << QCoreApplication::translate("Cli", "Signed in successfully.") << Qt::endl;
        }
        a.oauth2.signedInAt = QDateTime::currentDateTimeUtc();
    }
    if (a.auth == Core::AuthMethod::Password) {
        password = readSecret(parser.isSet(QStringLiteral("password-stdin")));
        if (password.isEmpty())
            return fail(QCoreApplication::translate("Cli", "no password given (use --password-stdin, or --auth none)"), ExitUsage);
        if (discovered) {
            // The password goes only to the server just found and shown, over TLS.
            auto verified = verifyLogin(a, usernames, password);
            if (!verified)
                return fail(QCoreApplication::translate("Cli", "the account was not added: %1").arg(verified.error().message()), ExitNoPerm);
            a.username = verified.value();
            err() << QCoreApplication::translate("Cli", "Signed in successfully.") << Qt::endl;
        } else if (parser.isSet(QStringLiteral("no-verify"))) {
            err() << QCoreApplication::translate("Cli", "Saved without signing in (--no-verify): the password was not checked.")
                  << Qt::endl;
        } else {
            // A server given by hand is signed in to as well, with the
            // settings the account will send with: a wrong password is
            // found now, not at the first message.
            if (auto signedIn = signInOnce(p, a, password); !signedIn)
                return fail(QCoreApplication::translate("Cli", "the account was not added: %1").arg(signedIn.error().message()),
                            exitCodeFor(signedIn.error()));
            err() << QCoreApplication::translate("Cli", "Signed in successfully.") << Qt::endl;
        }
    }
    if (auto r = p.accounts.add(a); !r)
        return fail(r.error());
    const Core::Account added = p.accounts.accounts().last(); // a copy: save() reads the file again
    if (added.auth == Core::AuthMethod::Password) {
        // The password goes to the keychain first; without it the account is not added.
        if (Core::Error e = runJob(p.credentials.write(added.id, password)); e.isError())
            return fail(e);
    }
    if (added.auth == Core::AuthMethod::OAuth2) {
        // Only in the keychain; without it the account is not added.
        if (Core::Error e = runJob(p.credentials.write(added.id, tokens.refreshToken, Core::SecretKind::OAuthRefreshToken));
            e.isError())
            return fail(e);
    }
    if (p.accounts.accounts().size() == 1)
        p.accounts.setDefaultAccount(added.id);
    if (auto r = p.accounts.save(); !r) {
        (void)runJob(p.credentials.remove(added.id));
        (void)runJob(p.credentials.remove(added.id, Core::SecretKind::OAuthRefreshToken));
        return fail(r.error());
    }
    out() << QCoreApplication::translate("Cli", "Added account %1").arg(added.name) << Qt::endl;
    return ExitOk;
}

} // namespace App
