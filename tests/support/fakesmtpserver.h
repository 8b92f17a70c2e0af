// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A scripted SMTP server for faults that real servers cannot produce on
// demand. It listens on 127.0.0.1, port 0, in the test's own event loop.
//
// A scenario is text, one step per line, consumed by one connection:
//   S: text      send "text\r\n"
//   R: bytes     send bytes as they are; \r \n \\ are escapes (split replies)
//   C: regex     read one client line; it must match the whole regex
//   DATA         read message data up to <CRLF>.<CRLF>; kept undotted
//   BDAT         read BDAT chunks up to LAST, answer each but LAST with 250
//   BDAT!: text  read BDAT chunks, refuse each with text, up to LAST or
//                another command (which the next step reads)
//   TLS          start server-side TLS and wait for the handshake
//   W: ms        wait
//   X            close the connection
//   STALL        stop: read nothing, send nothing, keep the connection
//   CLOSED       wait until the client closes; closes() says how it did
//   FLOOD: n     send n octets without a line break

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslKey>
#include <QStringList>
#include <QTcpServer>

class FakeSmtpServer final : public QTcpServer
{
    Q_OBJECT
public:
    explicit FakeSmtpServer(QObject *parent = nullptr);
    ~FakeSmtpServer() override;

    /// Scenarios are used in order, one per accepted connection.
    void addScenario(const QString &script);
    void setCertificate(const QString &certPath, const QString &keyPath);

    [[nodiscard]] quint16 serverPort() const { return QTcpServer::serverPort(); }
    /// Every line the client sent, in order, across connections.
    [[nodiscard]] QStringList clientLines() const { return m_clientLines; }
    /// The raw DATA octets received for each message (before undotting).
    [[nodiscard]] QList<QByteArray> rawMessages() const { return m_rawMessages; }
    /// Messages as received, dot-unstuffed, up to (without) the final "." line.
    [[nodiscard]] QList<QByteArray> messages() const { return m_messages; }
    /// Script mismatches, empty when the client did what was expected.
    [[nodiscard]] QStringList problems() const { return m_problems; }
    [[nodiscard]] int connections() const { return m_connections; }
    /// For each CLOSED step reached: "clean" when the client closed (over
    /// TLS: with close_notify), otherwise the socket's error text.
    [[nodiscard]] QStringList closes() const { return m_closes; }
    /// True once every scenario ran to its end.
    [[nodiscard]] bool allScenariosDone() const;

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    friend class FakeSmtpConnection;
    QStringList m_scenarios;
    int m_nextScenario = 0;
    int m_finishedScenarios = 0;
    int m_connections = 0;
    QStringList m_clientLines;
    QList<QByteArray> m_rawMessages;
    QList<QByteArray> m_messages;
    QStringList m_problems;
    QStringList m_closes;
    QSslCertificate m_certificate;
    QSslKey m_key;
};
