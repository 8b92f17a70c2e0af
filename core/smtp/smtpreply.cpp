// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/smtp/smtpreply.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <cctype>

namespace Core {

namespace {

Error violation(const QString &detail)
{
    //: %1 explains what was wrong, in technical terms
    return Error(Error::Code::ProtocolViolation,
                 QCoreApplication::translate("Smtp", "The mail server sent a malformed reply (%1).").arg(detail));
}

// RFC 3463 status code at the start of a reply text: class.subject.detail
QString enhancedCodeOf(const QString &text, int code)
{
    static const QRegularExpression re(QStringLiteral("^([245])\\.(\\d{1,3})\\.(\\d{1,3})(?:\\s|$)"));
    const auto m = re.match(text);
    // The class must agree with the reply code's first digit (RFC 3463 §2).
    if (!m.hasMatch() || m.captured(1).toInt() != code / 100)
        return {};
    return m.captured(1) + u'.' + m.captured(2) + u'.' + m.captured(3);
}

} // namespace

QString SmtpReply::text() const
{
    QStringList parts = lines;
    if (!parts.isEmpty() && !enhancedCode.isEmpty())
        parts.first() = parts.first().mid(enhancedCode.size()).trimmed();
    return parts.join(u' ').trimmed();
}

QString SmtpReply::toString() const
{
    return QString::number(code) + u' ' + (lines.isEmpty() ? QString() : lines.first());
}

void SmtpReplyParser::reset()
{
    m_buffer.clear();
    m_current = {};
    m_inReply = false;
    m_failed = false;
}

bool SmtpReplyParser::hasPendingData() const
{
    return !m_buffer.isEmpty() || m_inReply;
}

Result<QList<SmtpReply>> SmtpReplyParser::feed(const QByteArray &data)
{
    if (m_failed)
        return violation(QStringLiteral("earlier error"));
    m_buffer.append(data);
    QList<SmtpReply> done;
    qsizetype start = 0;
    while (true) {
        const qsizetype lf = m_buffer.indexOf('\n', start);
        if (lf < 0)
            break;
        QByteArray line = m_buffer.mid(start, lf - start);
        start = lf + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.size() > kMaxLineLength) {
            m_failed = true;
            return violation(QStringLiteral("line too long"));
        }
        // reply-line = 3DIGIT ( "-" / SP ) text, or just 3DIGIT (§4.2).
        const bool digits = line.size() >= 3 && std::isdigit(static_cast<unsigned char>(line[0]))
            && std::isdigit(static_cast<unsigned char>(line[1]))
            && std::isdigit(static_cast<unsigned char>(line[2]));
        const char sep = line.size() > 3 ? line[3] : ' ';
        if (!digits || (sep != ' ' && sep != '-') || line[0] < '2' || line[0] > '5') {
            m_failed = true;
            return violation(QStringLiteral("not a reply line"));
        }
        const int code = line.left(3).toInt();
        if (m_inReply && code != m_current.code) {
            m_failed = true;
            return violation(QStringLiteral("reply code changed within a reply"));
        }
        if (!m_inReply) {
            m_current = {};
            m_current.code = code;
            m_inReply = true;
        }
        if (m_current.lines.size() >= kMaxReplyLines) {
            m_failed = true;
            return violation(QStringLiteral("reply too long"));
        }
        // Servers' texts are ASCII or UTF-8 (SMTPUTF8); decode leniently.
        m_current.lines.append(QString::fromUtf8(line.mid(4)));
        if (sep == ' ') {
            m_current.enhancedCode = enhancedCodeOf(m_current.lines.first(), code);
            done.append(m_current);
            m_current = {};
            m_inReply = false;
        }
    }
    m_buffer.remove(0, start);
    if (m_buffer.size() > kMaxLineLength) {
        m_failed = true;
        return violation(QStringLiteral("line too long"));
    }
    return done;
}

Error replyError(const SmtpReply &reply, const QString &what, bool toRcpt)
{
    Error::Code code = reply.isTransient() ? Error::Code::Transient : Error::Code::Permanent;
    if (toRcpt && reply.code == 552)
        code = Error::Code::Transient; // like 452 (RFC 5321 §4.5.3.1.10): full, or too many
    else if (reply.code == 552 || reply.enhancedCode == QLatin1String("5.3.4")
             || reply.enhancedCode == QLatin1String("5.2.3"))
        code = Error::Code::TooLarge;
    //: %1 says what was refused ("the sender", "the message", ...), %2 is the server's own words
    const QString text = reply.isTransient()
        ? QCoreApplication::translate("Smtp", "The mail server temporarily refused %1: %2").arg(what, reply.text())
        : QCoreApplication::translate("Smtp", "The mail server refused %1: %2").arg(what, reply.text());
    Error e(code, text);
    e.withServerReply(reply.code, reply.enhancedCode, reply.text());
    return e;
}

} // namespace Core
