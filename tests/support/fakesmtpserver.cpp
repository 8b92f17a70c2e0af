// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/fakesmtpserver.h"

#include <QFile>
#include <QRegularExpression>
#include <QSslSocket>
#include <QTimer>

class FakeSmtpConnection final : public QObject
{
public:
    FakeSmtpConnection(FakeSmtpServer *server, qintptr descriptor, const QString &script)
        : QObject(server)
        , m_server(server)
        , m_steps(script.split(u'\n', Qt::SkipEmptyParts))
    {
        m_socket = new QSslSocket(this);
        m_socket->setSocketDescriptor(descriptor);
        connect(m_socket, &QSslSocket::readyRead, this, [this] {
            if (m_stalled)
                return;
            m_buffer += m_socket->readAll();
            advance();
        });
        connect(m_socket, &QSslSocket::encrypted, this, [this] { advance(); });
        connect(m_socket, &QSslSocket::errorOccurred, this, [this] {
            if (m_awaitingClose)
                m_closeError += m_socket->errorString() + QStringLiteral("; ");
        });
        connect(m_socket, &QSslSocket::disconnected, this, [this] {
            if (m_awaitingClose) {
                m_awaitingClose = false;
                // Qt reports a received TLS close_notify with this text (its
                // OpenSSL backend; the suite runs in the C locale), and a TCP
                // close without one as "The remote host closed the connection".
                const bool clean = m_tls ? m_closeError.contains(QLatin1String("TLS/SSL connection has been closed"))
                                         : m_socket->error() == QAbstractSocket::RemoteHostClosedError
                                               || m_closeError.isEmpty();
                m_server->m_closes.append(clean ? QStringLiteral("clean") : m_closeError);
                ++m_index;
                advance();
                return;
            }
            if (m_index < m_steps.size() && !m_stalled)
                problem(QStringLiteral("client disconnected at step %1 (%2)")
                            .arg(m_index)
                            .arg(m_steps.value(m_index)));
        });
        QTimer::singleShot(0, this, [this] { advance(); });
    }

private:
    void problem(const QString &text) { m_server->m_problems.append(text); }

    bool takeLine(QByteArray *line)
    {
        const qsizetype lf = m_buffer.indexOf("\r\n");
        if (lf < 0)
            return false;
        *line = m_buffer.left(lf);
        m_buffer.remove(0, lf + 2);
        return true;
    }

    static QByteArray unescape(const QString &s)
    {
        QByteArray out;
        const QByteArray in = s.toUtf8();
        for (qsizetype i = 0; i < in.size(); ++i) {
            if (in[i] == '\\' && i + 1 < in.size()) {
                const char n = in[++i];
                out += n == 'r' ? '\r' : n == 'n' ? '\n' : n;
            } else {
                out += in[i];
            }
        }
        return out;
    }

    void advance()
    {
        while (m_index < m_steps.size() && !m_waiting) {
            const QString step = m_steps.at(m_index).trimmed();
            if (step.startsWith(QLatin1String("S: ")) || step == QLatin1String("S:")) {
                m_socket->write(step.mid(3).toUtf8() + "\r\n");
            } else if (step.startsWith(QLatin1String("R: "))) {
                m_socket->write(unescape(step.mid(3)));
                m_socket->flush();
            } else if (step.startsWith(QLatin1String("FLOOD: "))) {
                m_socket->write(QByteArray(step.mid(7).toInt(), 'x'));
            } else if (step.startsWith(QLatin1String("C: "))) {
                QByteArray line;
                if (!takeLine(&line))
                    return;
                const QString text = QString::fromUtf8(line);
                m_server->m_clientLines.append(text);
                const QRegularExpression re(QRegularExpression::anchoredPattern(step.mid(3)));
                if (!re.match(text).hasMatch()) {
                    problem(QStringLiteral("expected /%1/, got \"%2\"").arg(step.mid(3), text));
                    m_socket->abort();
                    m_index = m_steps.size();
                    return;
                }
            } else if (step == QLatin1String("DATA")) {
                const qsizetype end = m_buffer.indexOf("\r\n.\r\n");
                if (end < 0 && !m_buffer.startsWith(".\r\n"))
                    return;
                QByteArray raw = m_buffer.startsWith(".\r\n") ? QByteArray() : m_buffer.left(end + 2);
                m_buffer.remove(0, m_buffer.startsWith(".\r\n") ? 3 : end + 5);
                m_server->m_rawMessages.append(raw);
                // Undo dot-stuffing line by line (RFC 5321 §4.5.2).
                QByteArray plain;
                const QList<QByteArray> lines = raw.split('\n');
                for (qsizetype i = 0; i < lines.size(); ++i) {
                    const QByteArray &line = lines.at(i);
                    if (i == lines.size() - 1 && line.isEmpty())
                        break;
                    plain += (line.startsWith("..") ? line.mid(1) : line) + '\n';
                }
                m_server->m_messages.append(plain);
            } else if (step == QLatin1String("BDAT") || step.startsWith(QLatin1String("BDAT!: "))) {
                // BDAT chunks (RFC 3030) up to the LAST one, each answered
                // 250 but the last; with "BDAT!: reply" every chunk is
                // refused with that reply, up to LAST or the next command.
                const bool refuse = step != QLatin1String("BDAT");
                for (;;) {
                    const qsizetype lf = m_buffer.indexOf("\r\n");
                    if (lf < 0)
                        return;
                    const QByteArray command = m_buffer.left(lf);
                    if (!command.startsWith("BDAT ")) {
                        if (!refuse)
                            problem(QStringLiteral("expected BDAT, got \"%1\"").arg(QString::fromUtf8(command)));
                        break; // the next step reads it
                    }
                    const QList<QByteArray> words = command.split(' ');
                    const qsizetype size = words.value(1).toLongLong();
                    const bool last = words.value(2) == "LAST";
                    if (m_buffer.size() < lf + 2 + size)
                        return;
                    m_server->m_clientLines.append(QString::fromUtf8(command));
                    m_chunks += m_buffer.mid(lf + 2, size);
                    m_buffer.remove(0, lf + 2 + size);
                    if (refuse)
                        m_socket->write(step.mid(7).toUtf8() + "\r\n");
                    else if (!last)
                        m_socket->write("250 2.0.0 " + QByteArray::number(size) + " octets received\r\n");
                    if (last) {
                        if (!refuse) {
                            m_server->m_rawMessages.append(m_chunks);
                            m_server->m_messages.append(m_chunks);
                        }
                        break;
                    }
                }
                m_chunks.clear();
            } else if (step == QLatin1String("TLS")) {
                m_socket->setLocalCertificate(m_server->m_certificate);
                m_socket->setPrivateKey(m_server->m_key);
                m_socket->setPeerVerifyMode(QSslSocket::VerifyNone);
                m_tls = true;
                ++m_index;
                m_buffer.clear();
                m_socket->startServerEncryption();
                return; // encrypted() resumes
            } else if (step.startsWith(QLatin1String("W: "))) {
                m_waiting = true;
                QTimer::singleShot(step.mid(3).toInt(), this, [this] {
                    m_waiting = false;
                    ++m_index;
                    advance();
                });
                return;
            } else if (step == QLatin1String("X")) {
                m_index = m_steps.size(); // before disconnected() can fire
                m_done = true;
                ++m_server->m_finishedScenarios;
                m_socket->flush();
                m_socket->disconnectFromHost();
                return;
            } else if (step == QLatin1String("CLOSED")) {
                m_awaitingClose = true;
                return; // disconnected() resumes
            } else if (step == QLatin1String("STALL")) {
                m_stalled = true;
                m_socket->setReadBufferSize(1);
                ++m_server->m_finishedScenarios;
                m_index = m_steps.size();
                return;
            } else {
                problem(QStringLiteral("bad script step: ") + step);
            }
            ++m_index;
        }
        if (m_index >= m_steps.size() && !m_done && !m_stalled) {
            m_done = true;
            ++m_server->m_finishedScenarios;
        }
    }

    FakeSmtpServer *m_server;
    QSslSocket *m_socket = nullptr;
    QStringList m_steps;
    qsizetype m_index = 0;
    QByteArray m_buffer;
    QByteArray m_chunks; ///< BDAT chunks of the message being received
    bool m_waiting = false;
    bool m_awaitingClose = false;
    bool m_tls = false;
    QString m_closeError;
    bool m_stalled = false;
    bool m_done = false;
};

FakeSmtpServer::FakeSmtpServer(QObject *parent)
    : QTcpServer(parent)
{
    listen(QHostAddress::LocalHost, 0);
}

FakeSmtpServer::~FakeSmtpServer() = default;

void FakeSmtpServer::addScenario(const QString &script)
{
    m_scenarios.append(script);
}

void FakeSmtpServer::setCertificate(const QString &certPath, const QString &keyPath)
{
    const auto certs = QSslCertificate::fromPath(certPath, QSsl::Pem);
    if (!certs.isEmpty())
        m_certificate = certs.first();
    QFile keyFile(keyPath);
    if (keyFile.open(QIODevice::ReadOnly))
        m_key = QSslKey(&keyFile, QSsl::Rsa, QSsl::Pem);
}

bool FakeSmtpServer::allScenariosDone() const
{
    return m_finishedScenarios >= m_scenarios.size();
}

void FakeSmtpServer::incomingConnection(qintptr socketDescriptor)
{
    ++m_connections;
    if (m_nextScenario >= m_scenarios.size()) {
        m_problems.append(QStringLiteral("unexpected connection #%1").arg(m_connections));
        QTcpSocket s;
        s.setSocketDescriptor(socketDescriptor);
        s.abort();
        return;
    }
    new FakeSmtpConnection(this, socketDescriptor, m_scenarios.at(m_nextScenario++));
}
