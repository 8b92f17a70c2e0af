// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/autoconfig/candidate.h"
#include "core/autoconfig/probe.h"
#include "core/imap/imapsettings.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

namespace Core {
class ImapConnection;
struct ImapResponse;
} // namespace Core

namespace Core::Autoconfig {

/**
 * Tests one IMAP server the way the Sent copy would use it, without
 * credentials (docs/design/AUTOCONFIG.md §9.12): connect, implicit TLS or
 * STARTTLS with the certificate checked as for SMTP (ImapConnection), the
 * greeting, CAPABILITY (again after STARTTLS), LOGOUT. On a STARTTLS port a
 * server that does not offer STARTTLS fails: never a fallback to plaintext.
 */
class ImapProbe final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImapProbe)
public:
    enum class State { Idle, Connecting, Greeting, Capability, StartTls, TlsHandshake, Done };

    ImapProbe(IncomingServer server, const QString &extraCaFile, ProbeTimeouts timeouts, QObject *parent = nullptr);
    ~ImapProbe() override;

    void start();
    [[nodiscard]] const IncomingServer &server() const { return m_server; }
    [[nodiscard]] const ProbeFacts &facts() const { return m_facts; }
    [[nodiscard]] State state() const { return m_state; }

Q_SIGNALS:
    /// Once, never from inside start().
    void finished();

private:
    void onReady();
    void onEncrypted();
    void onResponse(const Core::ImapResponse &response);
    void onConnectionFailed();
    void sendCommand(const QByteArray &command, State next);
    void succeed();
    void fail(const Error &error);

    IncomingServer m_server;
    ImapServerSettings m_settings; ///< outlives m_connection, which keeps a reference
    ProbeTimeouts m_timeouts;
    ImapConnection *m_connection = nullptr; ///< a child, from start() on
    QTimer m_step;
    QTimer m_cap;
    QElapsedTimer m_clock;
    ProbeFacts m_facts;
    QSet<QByteArray> m_capabilities;
    QByteArray m_tag;
    int m_nextTag = 0;
    State m_state = State::Idle;
};

} // namespace Core::Autoconfig
