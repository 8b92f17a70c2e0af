// SPDX-License-Identifier: GPL-3.0-or-later
// outpost-sendmail: a sendmail-compatible entry point for scripts, cron and
// `git send-email --smtp-server=/path/to/outpost-sendmail`. The message read
// from standard input goes into the same outbox, with the same accounts, as
// everything else; sysexits exit codes as sendmail's.
//
// It links only the small core (corebase: outbox and accounts, Qt Core):
// started once per message by scripts, most of its time is the shared
// libraries it loads. Sending (SMTP, TLS, the keychain) is the full core's:
// without -odq it runs `outpost outbox flush --wait-for ID` and waits (see
// docs/design/ARCHITECTURE.md, "outpost-sendmail").
#include "app/application.h"
#include "app/cli.h"
#include "app/clioutput.h"
#include "core/accounts/accountstore.h"
#include "core/mime/headerreader.h"
#include "core/mime/messageid.h"
#include "core/outbox/outbox.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTimeZone>

#include <optional>

#ifdef Q_OS_WIN
#include <fcntl.h>
#include <io.h>
#include <stdio.h>
#endif

namespace {

struct Options
{
    bool extractRecipients = false; // -t
    bool dotEndsInput = true;       // cleared by -i / -oi
    bool queueOnly = false;         // -odq
    QString envelopeFrom;           // -f / -r
    QString fullName;               // -F
    QStringList recipients;
};

int usage(const QString &problem)
{
    App::err() << QStringLiteral("outpost-sendmail: ") << problem << Qt::endl
               << QCoreApplication::translate(
                      "Sendmail",
                      "Usage: outpost-sendmail [-t] [-i] [-f ADDRESS] [-F NAME] [-odq] [RECIPIENT]...\n"
                      "Reads a message from standard input and sends it with your Outpost account.\n")
               << Qt::flush;
    return App::ExitUsage;
}

// sendmail's option syntax: "-fADDR" or "-f ADDR", "-oXY", "--" ends options.
std::optional<Options> parseArguments(const QStringList &args, int *exitCode)
{
    Options o;
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString a = args.at(i);
        if (a == QLatin1String("--")) {
            o.recipients += args.mid(i + 1);
            break;
        }
        if (!a.startsWith(u'-') || a == QLatin1String("-")) {
            o.recipients << a;
            continue;
        }
        const auto value = [&](QString *target) {
            if (a.size() > 2)
                *target = a.mid(2);
            else if (i + 1 < args.size())
                *target = args.at(++i);
            else
                return false;
            return true;
        };
        const QChar flag = a.at(1);
        if (a == QLatin1String("-t")) {
            o.extractRecipients = true;
        } else if (a == QLatin1String("-i") || a == QLatin1String("-oi")) {
            o.dotEndsInput = false;
        } else if (flag == u'f' || flag == u'r') {
            if (!value(&o.envelopeFrom)) {
                *exitCode = usage(QCoreApplication::translate("Sendmail", "-f needs an address"));
                return std::nullopt;
            }
        } else if (flag == u'F') {
            if (!value(&o.fullName)) {
                *exitCode = usage(QCoreApplication::translate("Sendmail", "-F needs a name"));
                return std::nullopt;
            }
        } else if (a == QLatin1String("-odq")) {
            o.queueOnly = true;
        } else if (a.startsWith(QLatin1String("-o")) || a == QLatin1String("-bm") || a == QLatin1String("-v")
                   || a == QLatin1String("-U") || a.startsWith(QLatin1String("-B"))
                   || a.startsWith(QLatin1String("-N")) || a.startsWith(QLatin1String("-V"))) {
            // -oem, -odb, -oe*, -bm (the default mode), -v, -U, -B, -N, -V:
            // accepted; they do not change how Outpost delivers.
            if ((a == QLatin1String("-N") || a == QLatin1String("-B") || a == QLatin1String("-V")) && i + 1 < args.size())
                ++i;
        } else if (a.startsWith(QLatin1String("-b"))) {
            *exitCode = usage(QCoreApplication::translate("Sendmail", "the mode %1 is not supported; only sending (-bm) is").arg(a));
            return std::nullopt;
        } else {
            *exitCode = usage(QCoreApplication::translate("Sendmail", "unknown option %1").arg(a));
            return std::nullopt;
        }
    }
    return o;
}

// Addresses of a To/Cc/Bcc field; group syntax "name: a, b;" is flattened.
Core::Result<QStringList> fieldAddresses(const QByteArray &value)
{
    QString text = QString::fromUtf8(value);
    const qsizetype colon = text.indexOf(u':');
    const qsizetype at = text.indexOf(u'@');
    const qsizetype angle = text.indexOf(u'<');
    if (colon >= 0 && (at < 0 || colon < at) && (angle < 0 || colon < angle) && !text.left(colon).contains(u'"')) {
        text = text.mid(colon + 1);
        text.remove(u';');
    }
    auto list = Core::MailAddress::parseList(text, QStringLiteral("headers"));
    if (!list)
        return list.error();
    QStringList out;
    for (const Core::MailAddress &m : list.value())
        out << m.wireAddress();
    return out;
}

QByteArray rfc5322Date(const QDateTime &now)
{
    const int offset = now.offsetFromUtc() / 60;
    const QString zone = QStringLiteral("%1%2%3")
                             .arg(QChar(offset < 0 ? u'-' : u'+'))
                             .arg(std::abs(offset) / 60, 2, 10, QLatin1Char('0'))
                             .arg(std::abs(offset) % 60, 2, 10, QLatin1Char('0'));
    return (QLocale::c().toString(now, QStringLiteral("ddd, d MMM yyyy HH:mm:ss ")) + zone).toLatin1();
}

// The `outpost` program that sends: next to this one (Linux, Windows, and
// inside the macOS bundle, whose executable is "Outpost"), else on PATH.
QString outpostProgram()
{
    const QDir here(QCoreApplication::applicationDirPath());
#if defined(Q_OS_WIN)
    const QStringList names{QStringLiteral("outpost.exe")};
#elif defined(Q_OS_MACOS)
    // Installed: both in Outpost.app/Contents/MacOS; built: the bundle beside.
    const QStringList names{QStringLiteral("Outpost"), QStringLiteral("Outpost.app/Contents/MacOS/Outpost")};
#else
    const QStringList names{QStringLiteral("outpost")};
#endif
    for (const QString &name : names) {
        const QString found = QStandardPaths::findExecutable(here.filePath(name));
        if (!found.isEmpty())
            return found;
    }
    return QStandardPaths::findExecutable(QStringLiteral("outpost"));
}

// Sends the message now, and whatever else is due, as a sendmail without
// -odq does: in an `outpost` process (the full core), waited for. What
// became of the message is read from the outbox afterwards; that process's
// summary on standard output is not ours to print. Its exit status is not
// enough either (a deferred message exits 75), but with the message still
// queued, a failure means it did not get to send it: an `outpost` that
// could not start, crashed early, or is not ours and refused the options.
struct SendAttempt
{
    QString program;    ///< empty: none was found
    QString problem;    ///< why it did not finish normally; empty if it did
};

SendAttempt sendNow(const QString &id)
{
    SendAttempt attempt{outpostProgram(), {}};
    if (attempt.program.isEmpty()) {
        attempt.problem = QCoreApplication::translate("Sendmail", "not found");
        return attempt;
    }
    QProcess sender;
    sender.setProgram(attempt.program);
    sender.setArguments({QStringLiteral("outbox"), QStringLiteral("flush"), QStringLiteral("--wait-for"), id});
    sender.setStandardInputFile(QProcess::nullDevice());
    sender.setStandardOutputFile(QProcess::nullDevice());
    sender.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    sender.start();
    // As long as it takes: flushOutbox() bounds it (12 minutes).
    if (!sender.waitForFinished(-1) || sender.exitStatus() != QProcess::NormalExit)
        attempt.problem = sender.errorString();
    else if (sender.exitCode() != 0)
        //: why `outpost` did not send; %1 is a number
        attempt.problem = QCoreApplication::translate("Sendmail", "it exited with status %1").arg(sender.exitCode());
    return attempt;
}

int run(const QStringList &arguments)
{
    int code = 0;
    const auto options = parseArguments(arguments, &code);
    if (!options)
        return code;

    // -f goes into MAIL FROM: one valid address, its domain as A-labels
    // (RFC 5890) unless the local part needs SMTPUTF8 anyway.
    std::optional<Core::MailAddress> envelopeFrom;
    if (!options->envelopeFrom.isEmpty()) {
        auto parsed = Core::MailAddress::parse(options->envelopeFrom, QStringLiteral("from"));
        if (!parsed)
            //: %1 is what was given after -f
            return App::fail(QCoreApplication::translate("Sendmail", "-f %1 is not a valid email address").arg(options->envelopeFrom),
                             App::ExitUsage);
        envelopeFrom = parsed.value();
    }

    // The accounts (which one sends) and the outbox: nothing else is needed
    // to queue.
    Core::AccountStore accounts;
    if (auto r = accounts.load(); !r)
        return App::fail(r.error());
    // No separate write test: the message is queued right away, and a
    // folder that cannot be written fails that as clearly.
    Core::Outbox outbox;
    if (auto r = outbox.open(Core::Outbox::WriteTest::FirstEnqueue); !r)
        return App::fail(r.error());

#ifdef Q_OS_WIN
    // The message is octets: no CRLF translation, and no end at a Ctrl-Z.
    _setmode(_fileno(stdin), _O_BINARY);
#endif
    QFile in;
    in.open(stdin, QIODevice::ReadOnly);
    auto header = Core::HeaderBlock::read(&in, options->dotEndsInput);
    if (!header) {
        const bool empty = header.error().message() == QCoreApplication::translate("Mime", "The message is empty.");
        return App::fail(header.error().message(), empty ? App::ExitNoInput : App::ExitDataErr);
    }

    // Which account: the envelope sender, else the From address, else the default.
    QString fromAddress;
    if (header->has("From")) {
        auto from = Core::MailAddress::parseList(QString::fromUtf8(header->value("From")), QStringLiteral("from"));
        if (!from || from->isEmpty())
            return App::fail(QCoreApplication::translate("Sendmail", "the From header is not a valid address"), App::ExitDataErr);
        fromAddress = from->first().address();
    }
    const QString givenFrom = envelopeFrom ? envelopeFrom->address() : QString();
    const Core::Account *account = nullptr;
    for (const QString &candidate : {givenFrom, fromAddress}) {
        if (!account && !candidate.isEmpty())
            account = accounts.findByAddress(candidate);
    }
    if (!account)
        account = accounts.defaultAccount();
    if (!account)
        return App::fail(QCoreApplication::translate("Sendmail", "no Outpost account is set up; add one with 'outpost account add'"), App::ExitConfig);
    const Core::Identity *identity = account->identityFor(givenFrom.isEmpty() ? fromAddress : givenFrom);
    if (!identity)
        identity = account->defaultIdentity();

    // Recipients: the arguments, plus To/Cc/Bcc with -t.
    QStringList recipients;
    for (const QString &r : options->recipients) {
        auto list = Core::MailAddress::parseList(r, QStringLiteral("to"));
        if (!list)
            return App::fail(list.error().message(), App::ExitDataErr);
        for (const Core::MailAddress &m : list.value())
            recipients << m.wireAddress();
    }
    if (options->extractRecipients) {
        for (const char *name : {"To", "Cc", "Bcc"}) {
            for (const QByteArray &v : header->values(name)) {
                auto list = fieldAddresses(v);
                if (!list)
                    return App::fail(list.error().message(), App::ExitDataErr);
                recipients += list.value();
            }
        }
    }
    QStringList unique;
    QSet<QString> seen;
    for (const QString &r : std::as_const(recipients)) {
        if (!seen.contains(r.toLower())) {
            seen.insert(r.toLower());
            unique << r;
        }
    }
    if (unique.isEmpty())
        return App::fail(QCoreApplication::translate("Sendmail", "no recipients: name them as arguments or use -t"), App::ExitUsage);

    // Bcc never leaves; Date and Message-ID are added when missing. Input
    // without a header is a plain text body (as sendmail takes it): it
    // gets the MIME fields that say so.
    const bool headerless = header->fields().isEmpty();
    header->remove("Bcc");
    const QString sender = Core::MailAddress({}, givenFrom.isEmpty() ? (fromAddress.isEmpty() ? identity->address : fromAddress)
                                                                     : givenFrom)
                               .wireAddress();
    if (headerless) {
        header->prepend("Content-Transfer-Encoding", "8bit");
        header->prepend("Content-Type", "text/plain; charset=utf-8");
        header->prepend("MIME-Version", "1.0");
    }
    if (!header->has("From"))
        header->prepend("From", Core::MailAddress(options->fullName.isEmpty() ? identity->name : options->fullName,
                                                  identity->address)
                                    .toHeaderValue(6));
    QString messageId = QString::fromUtf8(header->value("Message-ID")).trimmed();
    if (messageId.isEmpty()) {
        messageId = Core::generateMessageId(Core::MailAddress({}, sender));
        header->prepend("Message-ID", '<' + messageId.toUtf8() + '>');
    } else {
        messageId.remove(u'<').remove(u'>');
    }
    if (!header->has("Date"))
        header->prepend("Date", rfc5322Date(QDateTime::currentDateTime()));

    Core::Envelope envelope;
    envelope.mailFrom = sender;
    envelope.recipients = unique;
    envelope.messageId = messageId;
    for (const QString &a : unique + QStringList{sender})
        envelope.needsSmtpUtf8 = envelope.needsSmtpUtf8 || Core::MailAddress({}, a).needsSmtpUtf8();

    auto entry = outbox.enqueueMessage(header->toBytes() + header->bodyStart(), &in,
                                         options->dotEndsInput && !header->endedByDot(), envelope,
                                         account->id, QString::fromUtf8(header->value("Subject")), {});
    if (!entry)
        return App::fail(entry.error());
    if (options->queueOnly)
        return App::ExitOk;
    const SendAttempt attempt = sendNow(entry->id);
    const auto after = outbox.find(entry->id);
    if (!after)
        return App::ExitSoftware;
    // Accepted for delivery — sent, or queued to be retried — is success, as
    // with sendmail; a refusal or a problem that needs the person is not.
    switch (after->state) {
    case Core::OutboxState::Sent:
        return App::ExitOk;
    case Core::OutboxState::Queued:
        if (!attempt.problem.isEmpty()) { // it did not get to send it
            App::err() << QStringLiteral("outpost-sendmail: ")
                       //: %1 is the program's name, %2 why it could not send
                       << QCoreApplication::translate("Sendmail", "%1 could not send the message (%2); it waits in the outbox for the next send.")
                              .arg(attempt.program.isEmpty() ? QStringLiteral("outpost") : attempt.program, attempt.problem)
                       << Qt::endl;
        }
        App::err() << QStringLiteral("outpost-sendmail: ") << App::describe(after.value()) << Qt::endl;
        return App::ExitOk;
    case Core::OutboxState::Deferred:
        App::err() << QStringLiteral("outpost-sendmail: ") << App::describe(after.value()) << Qt::endl;
        return App::ExitOk;
    case Core::OutboxState::Active:
        // The sender ended while sending (the record of a 250 may be there
        // or not): the next flush holds it as "in doubt" and does not send
        // it again without the person, so it is not waiting for a retry.
        App::err() << QStringLiteral("outpost-sendmail: ")
                   << QCoreApplication::translate("Sendmail", "The sending stopped before it finished; the message may already have been delivered "
                                                              "and will not be sent again unless you decide to in the outbox.")
                   << Qt::endl;
        return App::ExitUnavailable;
    default:
        App::err() << QStringLiteral("outpost-sendmail: ") << App::describe(after.value()) << Qt::endl;
        return App::exitCodeForEntry(after.value());
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    App::setApplicationIdentity();
    QCoreApplication::setApplicationName(QStringLiteral("outpost")); // same profile as outpost
    App::installTranslations(app);
    return run(QCoreApplication::arguments());
}
