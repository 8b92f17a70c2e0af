// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/mime/messageid.h"

#include <QByteArray>
#include <QDateTime>
#include <QRandomGenerator>

namespace Core {

QString generateMessageId(const MailAddress &from)
{
    QByteArray raw(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), 4);
    const QString left = QString::number(QDateTime::currentMSecsSinceEpoch(), 36) + u'.'
        + QString::fromLatin1(
            raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    QString right = from.asciiDomain().toLower();
    if (right.isEmpty() || right.startsWith(u'['))
        right = QStringLiteral("outpost.invalid");
    return left + u'@' + right;
}

} // namespace Core
