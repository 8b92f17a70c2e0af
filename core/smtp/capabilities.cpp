// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/smtp/capabilities.h"

namespace Core {

SmtpCapabilities SmtpCapabilities::fromEhloReply(const SmtpReply &reply)
{
    SmtpCapabilities caps;
    caps.esmtp = true;
    if (reply.lines.isEmpty())
        return caps;
    caps.greetingName = reply.lines.first().section(u' ', 0, 0);
    for (qsizetype i = 1; i < reply.lines.size(); ++i) {
        // ehlo-line = ehlo-keyword *( SP ehlo-param ); keywords are
        // case-insensitive. "AUTH=LOGIN PLAIN" is an old, still-seen form.
        const QString line = reply.lines.at(i).trimmed();
        QStringList words = line.split(u' ', Qt::SkipEmptyParts);
        if (words.isEmpty())
            continue;
        QString keyword = words.takeFirst().toUpper();
        if (keyword.startsWith(QLatin1String("AUTH="))) {
            words.prepend(keyword.mid(5));
            keyword = QStringLiteral("AUTH");
        }
        if (keyword == QLatin1String("PIPELINING")) {
            caps.pipelining = true;
        } else if (keyword == QLatin1String("STARTTLS")) {
            caps.startTls = true;
        } else if (keyword == QLatin1String("8BITMIME")) {
            caps.eightBitMime = true;
        } else if (keyword == QLatin1String("SMTPUTF8")) {
            caps.smtpUtf8 = true;
        } else if (keyword == QLatin1String("DSN")) {
            caps.dsn = true;
        } else if (keyword == QLatin1String("ENHANCEDSTATUSCODES")) {
            caps.enhancedStatusCodes = true;
        } else if (keyword == QLatin1String("CHUNKING")) {
            caps.chunking = true;
        } else if (keyword == QLatin1String("SIZE")) {
            caps.sizeAnnounced = true;
            bool ok = false;
            const qint64 size = words.isEmpty() ? 0 : words.first().toLongLong(&ok);
            caps.maxSize = ok && size > 0 ? size : 0;
        } else if (keyword == QLatin1String("AUTH")) {
            for (const QString &mech : std::as_const(words)) {
                const QString upper = mech.toUpper();
                if (!caps.authMechanisms.contains(upper))
                    caps.authMechanisms.append(upper);
            }
        }
    }
    return caps;
}

} // namespace Core
