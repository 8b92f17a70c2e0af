// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Runs a real server started by a test script: waits for its "READY ..."
// line and stops it (stdin closed, then terminate) when destroyed. A server
// that cannot start fails the test loudly; nothing is skipped.

#include <QProcess>
#include <QString>
#include <QStringList>

#include <gtest/gtest.h>

class ServerProcess
{
public:
    ServerProcess(const QString &program, const QStringList &args, int startTimeoutMs = 60000)
    {
        m_process.setProgram(program);
        m_process.setArguments(args);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start();
        if (!m_process.waitForStarted(10000)) {
            ADD_FAILURE() << "cannot start " << program.toStdString();
            return;
        }
        QByteArray out;
        while (!out.contains('\n')) {
            if (!m_process.waitForReadyRead(startTimeoutMs)) {
                ADD_FAILURE() << program.toStdString() << " " << args.join(u' ').toStdString()
                              << " did not become ready: "
                              << m_process.readAllStandardError().toStdString();
                return;
            }
            out += m_process.readAllStandardOutput();
        }
        const QString line = QString::fromUtf8(out.left(out.indexOf('\n'))).trimmed();
        if (!line.startsWith(QLatin1String("READY "))) {
            ADD_FAILURE() << "unexpected first line: " << line.toStdString();
            return;
        }
        m_ready = line.mid(6);
    }

    ~ServerProcess()
    {
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(10000)) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000))
                m_process.kill();
        }
    }

    /// What followed "READY " (e.g. a port or JSON).
    [[nodiscard]] QString ready() const { return m_ready; }
    [[nodiscard]] bool ok() const { return !m_ready.isEmpty(); }

private:
    QProcess m_process;
    QString m_ready;
};
