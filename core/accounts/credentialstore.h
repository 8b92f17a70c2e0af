// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QObject>
#include <QString>

namespace Core {

/// Which secret of an account.
enum class SecretKind { Password, OAuthRefreshToken };

/**
 * One asynchronous keychain operation. It starts from the event loop (never
 * inside the call that created it) and emits finished() exactly once; query
 * error() and secret() only after that. The job deletes itself after
 * finished() unless setAutoDelete(false).
 */
class CredentialJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialJob)
public:
    enum class Operation { Read, Write, Remove };

    /// `timeoutMs` > 0: the job finishes with an error if the keychain has
    /// not answered by then (CredentialStore::setTimeout()).
    CredentialJob(Operation operation, QString key, QString secret, QObject *parent, int timeoutMs = 0);

    [[nodiscard]] Operation operation() const { return m_operation; }
    [[nodiscard]] const Error &error() const { return m_error; }
    /// The secret read (Read only).
    [[nodiscard]] QString secret() const { return m_secret; }
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }

Q_SIGNALS:
    void finished(Core::CredentialJob *job);

private:
    void run();
    void complete(const Error &error, const QString &secret = {});

    enum class State { Waiting, Running, Finished };
    Operation m_operation;
    QString m_key;
    QString m_secret;
    Error m_error;
    int m_timeoutMs = 0;
    State m_state = State::Waiting;
    bool m_autoDelete = true;
};

/**
 * Passwords and OAuth refresh tokens in the operating system's keychain via
 * QtKeychain (Secret Service on Linux, Keychain on macOS, Credential Manager
 * on Windows), under the account's id. Nothing is ever written anywhere else:
 * without a keychain, saving fails with Error::Code::Keychain and an
 * explanation, and the caller lets the person choose (type the password each
 * time). QtKeychain's insecure plaintext fallback is never enabled.
 */
class CredentialStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialStore)
public:
    explicit CredentialStore(QObject *parent = nullptr);

    /// How long a job waits for the keychain before it fails with
    /// Error::Code::Timeout ("did not answer"). The default leaves a person
    /// time to answer an unlock prompt (docs/design/ACCOUNTS.md, "A keychain
    /// that does not answer"); tests shorten it.
    static constexpr int kDefaultTimeoutMs = 2 * 60 * 1000;
    void setTimeout(int ms) { m_timeoutMs = ms; }
    [[nodiscard]] int timeout() const { return m_timeoutMs; }

    [[nodiscard]] CredentialJob *read(const QString &accountId, SecretKind kind = SecretKind::Password);
    [[nodiscard]] CredentialJob *write(const QString &accountId, const QString &secret,
                                       SecretKind kind = SecretKind::Password);
    [[nodiscard]] CredentialJob *remove(const QString &accountId, SecretKind kind = SecretKind::Password);

    /// The keychain service name ("Outpost"; OUTPOST_KEYCHAIN_SERVICE overrides, for tests).
    [[nodiscard]] static QString serviceName();
    /// The keychain entry name for an account's secret.
    [[nodiscard]] static QString entryKey(const QString &accountId, SecretKind kind);

Q_SIGNALS:
    /// A write() succeeded: what waited for this account's secret may go.
    void secretSaved(const QString &accountId);

private:
    int m_timeoutMs = kDefaultTimeoutMs;
};

} // namespace Core
