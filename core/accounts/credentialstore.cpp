// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/accounts/credentialstore.h"

#include <QCoreApplication>
#include <QPointer>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace Core {

namespace {

Error keychainError(QKeychain::Error code, const QString &detail, CredentialJob::Operation op)
{
    switch (code) {
    case QKeychain::NoError:
        return {};
    case QKeychain::EntryNotFound:
        if (op == CredentialJob::Operation::Remove)
            return {}; // already gone: removing is idempotent
        return Error(Error::Code::NeedsCredentials,
                     QCoreApplication::translate("Keychain", "No password is saved for this account."));
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return Error(Error::Code::Keychain,
                     QCoreApplication::translate("Keychain", "Access to the password store was denied (%1).").arg(detail));
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
    case QKeychain::CouldNotDeleteEntry:
        break;
    }
    //: %1 is the keychain library's own message
    return Error(Error::Code::Keychain,
                 QCoreApplication::translate("Keychain", "The system password store (keychain) is not available: %1. Outpost "
                            "keeps passwords only there, never in a file. Start your desktop's "
                            "password store (on Linux a Secret Service such as GNOME Keyring, "
                            "KWallet or KeePassXC), or enter the password each time you send.")
                     .arg(detail));
}

} // namespace

CredentialJob::CredentialJob(Operation operation, QString key, QString secret, QObject *parent, int timeoutMs)
    : QObject(parent)
    , m_operation(operation)
    , m_key(std::move(key))
    , m_secret(std::move(secret))
    , m_timeoutMs(timeoutMs)
{
    // Never finish inside the call that created the job.
    QTimer::singleShot(0, this, &CredentialJob::run);
}

void CredentialJob::run()
{
    const QString service = CredentialStore::serviceName();
    QKeychain::Job *job = nullptr;
    switch (m_operation) {
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(service, this);
        break;
    case Operation::Write: {
        auto *write = new QKeychain::WritePasswordJob(service, this);
        write->setTextData(m_secret);
        job = write;
        break;
    }
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(service, this);
        break;
    }
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a silent plaintext file
    job->setKey(m_key);
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *j) {
        QString secret;
        if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(j))
            secret = read->textData();
        complete(keychainError(j->error(), j->errorString(), m_operation), secret);
    });
    m_state = State::Running;
    job->start();
    if (m_timeoutMs <= 0)
        return;
    // An unlock prompt nobody answers, or a Secret Service that hangs, would
    // otherwise leave whoever waits (a flusher's pass) waiting for ever.
    QTimer::singleShot(m_timeoutMs, this, [this, job = QPointer<QKeychain::Job>(job)] {
        if (m_state != State::Running)
            return;
        if (job) {
            // Its answer may still come: it is no longer ours to hear, and it
            // must not be deleted under the keychain library's pending call.
            job->disconnect(this);
            job->setParent(nullptr); // (it deletes itself when it finishes)
        }
        // Its own code (not Keychain): a locked keyring unlocked later
        // changes nothing a flusher would notice, so it must try again by
        // itself, as for a server it could not reach, not hold the message.
        complete(Error(Error::Code::Timeout,
                       QCoreApplication::translate("Keychain", "The system password store did not answer in time. "
                                                               "If it asks to be unlocked, unlock it, then try again.")));
    });
}

void CredentialJob::complete(const Error &error, const QString &secret)
{
    if (m_state == State::Finished)
        return; // exactly once: the keychain's answer or the time-out
    m_state = State::Finished;
    m_error = error;
    if (m_operation == Operation::Read && !error.isError())
        m_secret = secret;
    else
        m_secret.clear(); // do not keep a written secret in memory longer than needed
    Q_EMIT finished(this);
    if (m_autoDelete)
        deleteLater();
}

CredentialStore::CredentialStore(QObject *parent)
    : QObject(parent)
{
}

QString CredentialStore::serviceName()
{
    const QByteArray env = qgetenv("OUTPOST_KEYCHAIN_SERVICE");
    return env.isEmpty() ? QStringLiteral("Outpost") : QString::fromUtf8(env);
}

QString CredentialStore::entryKey(const QString &accountId, SecretKind kind)
{
    return (kind == SecretKind::Password ? QStringLiteral("smtp-password:")
                                         : QStringLiteral("oauth-refresh-token:"))
        + accountId;
}

CredentialJob *CredentialStore::read(const QString &accountId, SecretKind kind)
{
    return new CredentialJob(CredentialJob::Operation::Read, entryKey(accountId, kind), {}, this, m_timeoutMs);
}

CredentialJob *CredentialStore::write(const QString &accountId, const QString &secret, SecretKind kind)
{
    auto *job = new CredentialJob(CredentialJob::Operation::Write, entryKey(accountId, kind), secret, this, m_timeoutMs);
    connect(job, &CredentialJob::finished, this, [this, accountId](CredentialJob *done) {
        if (!done->error().isError())
            Q_EMIT secretSaved(accountId);
    });
    return job;
}

CredentialJob *CredentialStore::remove(const QString &accountId, SecretKind kind)
{
    return new CredentialJob(CredentialJob::Operation::Remove, entryKey(accountId, kind), {}, this, m_timeoutMs);
}

} // namespace Core
