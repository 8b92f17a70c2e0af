// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/mime/mailaddress.h"
#include "core/mime/headerencoding_p.h"

#include <QCoreApplication>
#include <QUrl>

namespace Core {

namespace {

bool isControl(QChar c)
{
    const char16_t u = c.unicode();
    return (u < 0x20 && u != u'\t') || u == 0x7f || u == 0x85 || u == 0x2028 || u == 0x2029;
}

// RFC 5322 atext, plus any non-ASCII character (RFC 6532 UTF8-non-ascii).
bool isAtext(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= 0x80)
        return true;
    if ((u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9'))
        return true;
    return QStringView(u"!#$%&'*+-/=?^_`{|}~").contains(c);
}

bool isDotAtom(QStringView s)
{
    if (s.isEmpty() || s.startsWith(u'.') || s.endsWith(u'.') || s.contains(u".."))
        return false;
    for (QChar c : s) {
        if (c != u'.' && !isAtext(c))
            return false;
    }
    return true;
}

bool isValidDomain(const QString &domain)
{
    if (domain.startsWith(u'[') && domain.endsWith(u']')) {
        // Address literal (RFC 5321 §4.1.3): accept IPv4 and IPv6 forms.
        const QString inner = domain.mid(1, domain.size() - 2);
        for (QChar c : inner) {
            if (!(c.isLetterOrNumber() && c.unicode() < 0x80) && c != u'.' && c != u':')
                return false;
        }
        return !inner.isEmpty();
    }
    const QString ace = QString::fromLatin1(QUrl::toAce(domain));
    if (ace.isEmpty() || ace.size() > 253)
        return false;
    const auto labels = QStringView(ace).split(u'.');
    for (QStringView label : labels) {
        if (label.isEmpty() || label.size() > 63 || label.startsWith(u'-') || label.endsWith(u'-'))
            return false;
        for (QChar c : label) {
            const char16_t u = c.unicode();
            const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z')
                || (u >= u'0' && u <= u'9') || u == u'-';
            if (!ok)
                return false;
        }
    }
    return true;
}

// The last position of `wanted` outside quoted strings, or -1.
qsizetype lastIndexOutsideQuotes(const QString &text, QChar wanted)
{
    bool quoted = false;
    qsizetype found = -1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted && c == u'\\') {
            ++i;
            continue;
        }
        if (c == u'"')
            quoted = !quoted;
        else if (!quoted && c == wanted)
            found = i;
    }
    return found;
}

// The '@' that separates local part and domain.
qsizetype atPosition(const QString &address)
{
    return lastIndexOutsideQuotes(address, u'@');
}

QString unquote(QString s)
{
    s = s.trimmed();
    if (s.size() >= 2 && s.startsWith(u'"') && s.endsWith(u'"')) {
        QString out;
        for (qsizetype i = 1; i < s.size() - 1; ++i) {
            if (s.at(i) == u'\\' && i + 1 < s.size() - 1)
                ++i;
            out.append(s.at(i));
        }
        return out;
    }
    return s;
}

// Splits an address list at ',' or ';' outside quotes, <> and comments.
QStringList splitList(const QString &text)
{
    QStringList items;
    QString current;
    bool quoted = false;
    int angle = 0;
    int comment = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            current.append(c);
            if (c == u'\\' && i + 1 < text.size())
                current.append(text.at(++i));
            else if (c == u'"')
                quoted = false;
            continue;
        }
        if (c == u'"')
            quoted = true;
        else if (c == u'<')
            ++angle;
        else if (c == u'>' && angle > 0)
            --angle;
        else if (c == u'(')
            ++comment;
        else if (c == u')' && comment > 0)
            --comment;
        else if ((c == u',' || c == u';') && angle == 0 && comment == 0) {
            items.append(current);
            current.clear();
            continue;
        }
        current.append(c);
    }
    items.append(current);
    return items;
}

Error invalidAddress(const QString &entry, const QString &field)
{
    //: %1 is what the user typed as an e-mail address
    return Error(Error::Code::InvalidInput,
                 QCoreApplication::translate("Mime", "“%1” is not a valid e-mail address.").arg(entry.trimmed()), field);
}

} // namespace

Result<void> checkHeaderText(const QString &text, const QString &field)
{
    for (QChar c : text) {
        if (isControl(c)) {
            const bool lineBreak = c == u'\r' || c == u'\n' || c.unicode() == 0;
            return Error(lineBreak ? Error::Code::HeaderInjection : Error::Code::InvalidInput,
                         lineBreak ? QCoreApplication::translate("Mime", "The field contains a line break or a NUL character, "
                                            "which a message header cannot carry.")
                                   : QCoreApplication::translate("Mime", "The field contains a control character, which a "
                                            "message header cannot carry."),
                         field);
        }
    }
    return {};
}

MailAddress::MailAddress(QString name, QString address)
    : m_name(std::move(name))
    , m_address(std::move(address))
{
}

QString MailAddress::localPart() const
{
    const qsizetype at = atPosition(m_address);
    return at < 0 ? m_address : m_address.left(at);
}

QString MailAddress::domain() const
{
    const qsizetype at = atPosition(m_address);
    return at < 0 ? QString() : m_address.mid(at + 1);
}

bool MailAddress::needsSmtpUtf8() const
{
    for (QChar c : localPart()) {
        if (c.unicode() >= 0x80)
            return true;
    }
    return false;
}

QString MailAddress::asciiDomain() const
{
    QString d = domain();
    if (d.startsWith(u'['))
        return d;
    return QString::fromLatin1(QUrl::toAce(d));
}

QString MailAddress::wireAddress() const
{
    if (needsSmtpUtf8())
        return m_address;
    return localPart() + u'@' + asciiDomain();
}

Result<void> MailAddress::validate(const QString &field) const
{
    if (auto r = checkHeaderText(m_name, field); !r)
        return r;
    if (auto r = checkHeaderText(m_address, field); !r)
        return r;
    const qsizetype at = atPosition(m_address);
    if (at <= 0 || at == m_address.size() - 1)
        return invalidAddress(m_address, field);
    const QString local = m_address.left(at);
    const QString domainPart = m_address.mid(at + 1);
    const bool quotedLocal = local.size() >= 2 && local.startsWith(u'"') && local.endsWith(u'"');
    if (!quotedLocal && !isDotAtom(local))
        return invalidAddress(m_address, field);
    if (local.toUtf8().size() > 64 || !isValidDomain(domainPart))
        return invalidAddress(m_address, field);
    return {};
}

Result<MailAddress> MailAddress::parse(const QString &text, const QString &field)
{
    if (auto r = checkHeaderText(text, field); !r)
        return r.error();
    QString entry = text.trimmed();
    QString name;
    QString address;
    // The last '<' outside quotes starts the address.
    const qsizetype open = lastIndexOutsideQuotes(entry, u'<');
    if (open >= 0) {
        const qsizetype close = entry.indexOf(u'>', open);
        if (close < 0 || !entry.mid(close + 1).trimmed().isEmpty())
            return invalidAddress(text, field);
        name = unquote(entry.left(open));
        address = entry.mid(open + 1, close - open - 1).trimmed();
    } else {
        // "addr (Comment)" — the old form; the comment becomes the name.
        const qsizetype paren = entry.indexOf(u'(');
        if (paren > 0 && entry.endsWith(u')')) {
            name = entry.mid(paren + 1, entry.size() - paren - 2).trimmed();
            entry = entry.left(paren).trimmed();
        }
        address = entry;
    }
    MailAddress mailbox(name, address);
    if (auto r = mailbox.validate(field); !r)
        return r.error();
    return mailbox;
}

Result<QList<MailAddress>> MailAddress::parseList(const QString &text, const QString &field)
{
    if (auto r = checkHeaderText(text, field); !r)
        return r.error();
    QList<MailAddress> list;
    for (const QString &item : splitList(text)) {
        if (item.trimmed().isEmpty())
            continue;
        auto mailbox = parse(item, field);
        if (!mailbox)
            return mailbox.error();
        list.append(mailbox.value());
    }
    return list;
}

QString MailAddress::toDisplayString() const
{
    if (m_name.isEmpty())
        return m_address;
    static const QString specials = QStringLiteral("()<>[]:;@\\,.\"");
    // Quoted when it holds a special, or white space at either end, which an
    // unquoted phrase would lose (found by fuzz/fuzz_address).
    bool needsQuotes = m_name != m_name.trimmed();
    for (QChar c : m_name)
        needsQuotes = needsQuotes || specials.contains(c);
    if (!needsQuotes)
        return m_name + QStringLiteral(" <") + m_address + u'>';
    QString quoted = m_name;
    quoted.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
    return u'"' + quoted + QStringLiteral("\" <") + m_address + u'>';
}

QByteArray MailAddress::toHeaderValue(qsizetype prefixLength) const
{
    return MimeHeader::encodeAddressList({{m_name, wireAddress()}}, prefixLength);
}

} // namespace Core
