// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Waits for deliveries in a Maildir (Postfix's virtual agent writes there).

#include <QDir>
#include <QFile>
#include <QStringList>
#include <QTest>

#include <gtest/gtest.h>

class MaildirWatcher
{
public:
    void setPath(const QString &maildir) { m_new = maildir + QStringLiteral("/new"); }

    /// The next message not returned before; fails the test after the timeout.
    QByteArray next(int timeoutMs = 20000)
    {
        const QDir dir(m_new);
        for (int waited = 0; waited <= timeoutMs; waited += 50) {
            for (const QString &f : dir.entryList(QDir::Files, QDir::Name)) {
                if (!m_seen.contains(f)) {
                    m_seen << f;
                    QFile file(dir.filePath(f));
                    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
                }
            }
            QTest::qWait(50);
        }
        ADD_FAILURE() << "nothing was delivered to " << m_new.toStdString();
        return {};
    }

private:
    QString m_new;
    QStringList m_seen;
};
