// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/outbox/sentcopystep.h"

#include "core/accounts/accountstore.h"
#include "core/accounts/credentialstore.h"
#include "core/accounts/truststore.h"
#include "core/oauth/tokensource.h"
#include "core/outbox/outbox.h"
#include "core/util/crashpoint.h"

#include <QCoreApplication>
#include <QFile>
#include <QThread>

#include <algorithm>
#include <utility>

namespace Core {

SentCopyStep::SentCopyStep(Outbox *outbox, AccountStore *accounts, TrustStore *trust, CredentialStore *credentials,
                           OAuth::AccessTokenSource *tokens, QObject *parent)
    : QObject(parent)
    , m_outbox(outbox)
    , m_accounts(accounts)
    , m_trust(trust)
    , m_credentials(credentials)
    , m_tokens(tokens)
    , m_store(outbox->root())
{
    qRegisterMetaType<Core::SentCopyStatus>();
    // Before any pass of this flusher: what is sent from now on is copied.
    m_since = m_store.since();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] { run(); });
}

SentCopyStep::~SentCopyStep()
{
    if (m_scan)
        m_scan->wait(); // (reads only; deleted with this object's children)
    if (m_read)
        m_read->wait();
    // An attempt cut short here is settled by the next one's search.
    if (m_client) {
        m_client->disconnect(this);
        m_client->cancel();
    }
}

qint64 SentCopyStep::retryDelayMs(int attempts)
{
    // 1, 5 and 15 minutes, then hourly.
    static const qint64 steps[] = {60, 300, 900, 3600};
    return steps[std::clamp(attempts - 1, 0, 3)] * 1000;
}

bool SentCopyStep::run()
{
    if (m_state != State::Idle || !m_due.isEmpty()) {
        m_again = true;
        return true;
    }
    m_timer.stop();
    // One small file per sent message (the first time; then only the copies
    // still open): read off this thread, which is the GUI's.
    m_state = State::Scanning;
    auto found = std::make_shared<QStringList>();
    auto settled = std::make_shared<QSet<QString>>(m_settled);
    m_scan = QThread::create([store = m_store, since = m_since, found, settled] {
        *found = store.open(since, settled.get());
    });
    m_scan->setParent(this);
    connect(m_scan, &QThread::finished, this, [this, found, settled] {
        m_scan->deleteLater();
        m_scan = nullptr;
        m_settled = std::move(*settled); // (nothing else changes it while the scan runs)
        m_due = std::move(*found);
        m_state = State::Idle;
        next();
    });
    m_scan->start(QThread::LowPriority);
    return true;
}

void SentCopyStep::next()
{
    // The last copy (if any) is settled: nothing is in hand.
    m_state = State::Idle;
    const QDateTime now = m_outbox->now();
    QDateTime wake = std::exchange(m_wake, QDateTime());
    const auto wakeAt = [&](const QDateTime &t) {
        if (t.isValid() && (!wake.isValid() || t < wake))
            wake = t;
    };
    int looked = 0;
    while (!m_due.isEmpty()) {
        // Each look may read and write a small file, on the GUI's thread:
        // after a large pass, a thousand in one turn of the event loop froze
        // the windows for half a second. A few per turn; the list is still
        // due meanwhile, so run() asks for another round instead of scanning.
        if (++looked > kLooksPerTurn) {
            m_wake = wake;
            QMetaObject::invokeMethod(this, &SentCopyStep::next, Qt::QueuedConnection);
            return;
        }
        const QString id = m_due.takeFirst();
        std::optional<SentCopyStatus> status = m_store.read(id);
        if (status && status->state != SentCopyStatus::State::Pending)
            continue; // failed: waits for the person
        if (status && status->nextAttemptAt.isValid() && status->nextAttemptAt > now) {
            wakeAt(status->nextAttemptAt);
            continue;
        }
        const auto entry = m_outbox->find(id);
        if (!entry || entry->state != OutboxState::Sent)
            continue; // removed meanwhile
        if (!status)
            status = decide(id, *entry);
        if (!status || status->state != SentCopyStatus::State::Pending)
            continue;
        const Account *account = m_accounts->find(entry->accountId);
        if (!account) {
            fail(id, QStringLiteral("no_account"), tr("The account this message was sent from no longer exists."));
            continue;
        }
        if (const QDateTime rest = m_accountRestsUntil.value(account->id); rest.isValid() && rest > now) {
            wakeAt(rest);
            continue; // its server failed a moment ago: not again for every message
        }
        if (entry->bodyRemoved) {
            fail(id, QStringLiteral("body_removed"), tr("The sent message is no longer kept, so no copy can be filed."));
            continue;
        }
        file(id, *account, *status);
        return;
    }
    if (m_again) {
        m_again = false;
        if (run())
            return;
    }
    if (wake.isValid())
        m_timer.start(static_cast<int>(std::clamp<qint64>(now.msecsTo(wake), 50, 3600 * 1000)));
    Q_EMIT idle();
}

std::optional<SentCopyStatus> SentCopyStep::decide(const QString &id, const OutboxEntry &entry)
{
    const Account *account = m_accounts->find(entry.accountId);
    std::optional<SentCopyStatus> decided;
    const auto record = [&](SentCopyStatus::State state, const QString &code, const QString &reason) {
        auto r = m_store.update(id, [&](SentCopyStatus &s) -> Result<void> {
            s = SentCopyStatus {};
            s.state = state;
            s.code = code;
            s.reason = reason;
            return {};
        });
        if (!r) {
            qWarning("outbox: %s", qPrintable(r.error().message()));
            return;
        }
        decided = r.value();
        if (state != SentCopyStatus::State::Pending)
            m_settled.insert(id);
        Q_EMIT copyFinished(id, r.value());
    };
    if (!account)
        record(SentCopyStatus::State::Failed, QStringLiteral("no_account"),
               tr("The account this message was sent from no longer exists."));
    else if (const auto skip = skipped(*account))
        record(skip->state, skip->code, skip->reason);
    else
        record(SentCopyStatus::State::Pending, {}, {});
    return decided;
}

std::optional<SentCopyStatus> SentCopyStep::skipped(const Account &account)
{
    const auto skip = [](const QString &code, const QString &reason) {
        SentCopyStatus s;
        s.state = SentCopyStatus::State::Skipped;
        s.code = code;
        s.reason = reason;
        return s;
    };
    if (account.saveSent == SentCopyMode::Never)
        return skip(QStringLiteral("never"), tr("The account does not keep copies of sent messages."));
    if (account.imap.host.isEmpty())
        return skip(QStringLiteral("no_imap_server"), tr("The account has no IMAP server."));
    if (!account.copiesToSent())
        return skip(QStringLiteral("provider_files_copy"), tr("The provider files a copy in the Sent folder itself."));
    return std::nullopt;
}

void SentCopyStep::file(const QString &id, const Account &account, const SentCopyStatus &status)
{
    // What was sent is what is filed: the body kept in sent/, read now (so
    // that retention cannot take it away mid-attempt) and off this thread,
    // the GUI's: a message of tens of megabytes would freeze the windows.
    m_state = State::Reading;
    const auto entry = m_outbox->find(id);
    const QString path = entry ? m_outbox->messagePath(*entry) : QString();
    const qint64 size = entry ? entry->bodySize : 0;
    auto message = std::make_shared<QByteArray>();
    m_read = QThread::create([path, size, message] {
        QFile f(path);
        if (size > 0 && f.open(QIODevice::ReadOnly) && f.size() == size)
            *message = f.read(size);
    });
    m_read->setParent(this);
    connect(m_read, &QThread::finished, this, [this, id, account, status, size, message] {
        m_read->deleteLater();
        m_read = nullptr;
        if (message->isEmpty() || message->size() != size) {
            fail(id, QStringLiteral("body_removed"), tr("The sent message is no longer kept, so no copy can be filed."));
            QMetaObject::invokeMethod(this, &SentCopyStep::next, Qt::QueuedConnection);
            return;
        }
        m_state = State::Credentials;
        signIn(id, account, status, *message);
    });
    m_read->start(QThread::LowPriority);
}

void SentCopyStep::signIn(const QString &id, const Account &account, const SentCopyStatus &status,
                          const QByteArray &message, bool tokenRefused)
{
    SaslCredentials credentials;
    credentials.username = account.imapUsername();
    credentials.host = account.imap.host;
    credentials.port = account.imap.port;
    const auto start = [this, id, account, status, message, tokenRefused](const SaslCredentials &c) {
        m_state = State::Filing;
        auto *client = new ImapClient(
            account.imapSettings(m_trust ? m_trust->pins(account.imap.host, account.imap.port) : QStringList(),
                                 m_extraCaFile),
            this);
        m_client = client;
        client->setCredentials(c);
        connect(client, &ImapClient::finished, this, [this, id, account, status, message, tokenRefused](const SentCopyResult &r) {
            const QString &accountId = account.id;
            if (m_oauthAccount == accountId) {
                m_tokens->tokenUsed(accountId);
                m_oauthAccount.clear();
            }
            if (ImapClient *done = m_client.data()) {
                done->disconnect(this);
                done->deleteLater();
            }
            m_client = nullptr;
            if (r.kind == SentCopyResult::Kind::AuthFailure && account.auth == AuthMethod::OAuth2 && !tokenRefused) {
                // The server refused a token this process still held as
                // valid (revoked or expired early at the provider): one
                // more attempt with a fresh token, as the SMTP sign-in does.
                signIn(id, account, status, message, true);
                return;
            }
            onFinished(id, r, account);
            if (r.kind == SentCopyResult::Kind::TemporaryFailure)
                restAccount(id, accountId);
            QMetaObject::invokeMethod(this, &SentCopyStep::next, Qt::QueuedConnection);
        });
        SentCopyRequest request;
        request.message = message;
        request.createFolder = status.createFolder;
        client->fileInSent(request);
    };
    // The same secret as SMTP: the keychain's password, or an access token.
    if (account.auth == AuthMethod::OAuth2) {
        m_oauthAccount = account.id;
        m_tokens->fetch(account, tokenRefused, this, [this, id, accountId = account.id, credentials, start](const Result<QString> &token) {
            if (!token) {
                m_tokens->tokenUsed(m_oauthAccount);
                m_oauthAccount.clear();
                failOrPostpone(id, accountId, token.error());
                QMetaObject::invokeMethod(this, &SentCopyStep::next, Qt::QueuedConnection);
                return;
            }
            SaslCredentials c = credentials;
            c.oauthToken = token.value();
            start(c);
        });
        return;
    }
    if (account.auth == AuthMethod::None) {
        start(credentials);
        return;
    }
    CredentialJob *job = m_credentials->read(account.id);
    connect(job, &CredentialJob::finished, this, [this, id, accountId = account.id, credentials, start](CredentialJob *j) {
        if (j->error().isError()) {
            failOrPostpone(id, accountId, j->error());
            QMetaObject::invokeMethod(this, &SentCopyStep::next, Qt::QueuedConnection);
            return;
        }
        SaslCredentials c = credentials;
        c.password = j->secret();
        start(c);
    });
}

void SentCopyStep::onFinished(const QString &id, const SentCopyResult &result, const Account &account)
{
    // Test-only: the copy may be filed, its record not yet written.
    CrashPoint::hit("copy-before-record");
    using Kind = SentCopyResult::Kind;
    switch (result.kind) {
    case Kind::Done:
    case Kind::AlreadyThere:
        record(id, [&](SentCopyStatus &s) {
            s.state = SentCopyStatus::State::Done;
            s.code.clear();
            s.reason.clear();
            s.serverText.clear();
            s.folder = result.folder;
            s.nextAttemptAt = {};
            s.createFolder = false;
            s.certificate.reset();
        });
        m_settled.insert(id);
        return;
    case Kind::NeedsFolder:
        record(id, [&](SentCopyStatus &s) {
            ++s.attempts;
            s.state = SentCopyStatus::State::Failed;
            s.code = QStringLiteral("needs_folder");
            //: %1 is the folder's name
            s.reason = tr("There is no Sent folder (%1).").arg(result.folder);
            s.serverText = result.error.serverText();
            s.folder = result.folder;
        });
        return;
    case Kind::TemporaryFailure:
        postpone(id, result.error, result.folder);
        return;
    case Kind::Refused:
    case Kind::AuthFailure:
    case Kind::Failed: {
        // A certificate the person may trust (as for SMTP): kept with the
        // failure, pinned for the IMAP host and port the account names.
        std::optional<SentCopyStatus::Certificate> certificate;
        const Error::Code code = result.error.code();
        if ((code == Error::Code::CertificateUntrusted || code == Error::Code::CertificateChanged)
            && !result.certificate.sha256.isEmpty() && !result.certificate.chain.isEmpty())
            certificate = SentCopyStatus::Certificate{account.imap.host, account.imap.port, result.certificate.sha256,
                                                      result.certificate.chain.first().toPem()};
        fail(id, Error::codeName(code), result.error.message(), result.error.serverText(), certificate);
        return;
    }
    }
}

void SentCopyStep::postpone(const QString &id, const Error &error, const QString &folder)
{
    const QDateTime now = m_outbox->now();
    record(id, [&](SentCopyStatus &s) {
        ++s.attempts;
        if (!s.firstAttemptAt.isValid())
            s.firstAttemptAt = now;
        s.code = Error::codeName(error.code());
        s.serverText = error.serverText();
        s.folder = folder.isEmpty() ? s.folder : folder;
        const auto giveUp = static_cast<qint64>(static_cast<double>(kGiveUpSeconds) * m_scale);
        if (s.firstAttemptAt.secsTo(now) > giveUp) {
            s.state = SentCopyStatus::State::Failed;
            s.code = QStringLiteral("gave_up");
            //: %n is how many days Outpost kept trying, %1 the last error
            s.reason = tr("Gave up filing the copy after %n day(s): %1", nullptr, static_cast<int>(kGiveUpSeconds / 86400))
                           .arg(error.message());
            s.nextAttemptAt = {};
        } else {
            s.state = SentCopyStatus::State::Pending;
            s.reason = error.message();
            s.nextAttemptAt = now.addMSecs(
                static_cast<qint64>(static_cast<double>(retryDelayMs(s.attempts)) * m_scale));
        }
    });
}

void SentCopyStep::failOrPostpone(const QString &id, const QString &accountId, const Error &error)
{
    // No token or password yet. Offline (the token endpoint unreachable or
    // answering 5xx, another process holding the refresh lock, a keychain
    // slow to answer) passes: tried again later, as an IMAP server that is
    // down. Anything else (signed out, no password stored) waits for the person.
    if (error.code() == Error::Code::Network || error.code() == Error::Code::Timeout
        || error.code() == Error::Code::Transient) {
        postpone(id, error, {});
        restAccount(id, accountId);
        return;
    }
    fail(id, Error::codeName(error.code()), error.message());
}

void SentCopyStep::restAccount(const QString &id, const QString &accountId)
{
    if (const auto s = m_store.read(id); s && s->state == SentCopyStatus::State::Pending)
        m_accountRestsUntil.insert(accountId, s->nextAttemptAt);
}

void SentCopyStep::record(const QString &id, const std::function<void(SentCopyStatus &)> &change)
{
    auto r = m_store.update(id, [&](SentCopyStatus &s) -> Result<void> {
        change(s);
        return {};
    });
    if (!r) {
        qWarning("outbox: %s", qPrintable(r.error().message()));
        return;
    }
    Q_EMIT copyFinished(id, r.value());
}

void SentCopyStep::fail(const QString &id, const QString &code, const QString &reason, const QString &serverText,
                        const std::optional<SentCopyStatus::Certificate> &certificate)
{
    record(id, [&](SentCopyStatus &s) {
        ++s.attempts;
        s.state = SentCopyStatus::State::Failed;
        s.code = code;
        s.reason = reason;
        s.serverText = serverText;
        s.nextAttemptAt = {};
        s.certificate = certificate;
    });
}

} // namespace Core
