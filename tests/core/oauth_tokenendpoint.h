// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A scripted OAuth token endpoint on 127.0.0.1 for the unit tests of
// core/oauth: it answers each POST with the next scripted response and keeps
// the form each request sent. Faults a real authorization server does not
// produce on demand (a body that is not JSON, a stall) are scripted here;
// the real server is tests/scripts/oauth_world.py (end-to-end tests).

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

class FakeTokenEndpoint final : public QTcpServer
{
public:
    struct Response
    {
        int status = 200;
        QByteArray body;
        bool stall = false; ///< read the request, never answer
    };

    FakeTokenEndpoint()
    {
        listen(QHostAddress::LocalHost, 0);
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection())
                connect(s, &QTcpSocket::readyRead, this, [this, s] { onData(s); });
        });
    }

    void addResponse(int status, const QByteArray &body) { m_responses.append({status, body, false}); }
    void addStall() { m_responses.append({0, {}, true}); }
    /// A token answer (RFC 6749 §5.1).
    static QByteArray tokens(const QByteArray &access, const QByteArray &refresh, int expiresIn = 3600)
    {
        QByteArray json = "{\"access_token\":\"" + access + "\",\"token_type\":\"Bearer\",\"expires_in\":"
            + QByteArray::number(expiresIn);
        if (!refresh.isEmpty())
            json += ",\"refresh_token\":\"" + refresh + "\"";
        return json + "}";
    }
    [[nodiscard]] QUrl url(const QString &path = QStringLiteral("/token")) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(serverPort()).arg(path));
    }
    /// Called with each request's form before it is answered (a test acts
    /// "while the request is under way").
    void setBeforeAnswer(std::function<void(const QUrlQuery &form)> hook) { m_beforeAnswer = std::move(hook); }
    /// The form of each request, in order.
    [[nodiscard]] const QList<QUrlQuery> &requests() const { return m_requests; }

private:
    void onData(QTcpSocket *s)
    {
        QByteArray &buffer = m_buffers[s];
        buffer += s->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        qsizetype length = 0;
        for (const QByteArray &line : buffer.left(end).split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (buffer.size() < end + 4 + length)
            return;
        m_requests.append(QUrlQuery(QString::fromLatin1(buffer.mid(end + 4, length)).replace(u'+', u' ')));
        m_buffers.remove(s);
        if (m_beforeAnswer)
            m_beforeAnswer(m_requests.last());
        const Response r = m_responses.isEmpty() ? Response{500, "{}", false} : m_responses.takeFirst();
        if (r.stall)
            return;
        s->write("HTTP/1.1 " + QByteArray::number(r.status) + " X\r\nContent-Type: application/json\r\nContent-Length: "
                 + QByteArray::number(r.body.size()) + "\r\nConnection: close\r\n\r\n" + r.body);
        s->disconnectFromHost();
    }

    std::function<void(const QUrlQuery &)> m_beforeAnswer;
    QList<Response> m_responses;
    QList<QUrlQuery> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};
