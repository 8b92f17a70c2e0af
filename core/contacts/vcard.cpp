// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/contacts/vcard.h"

#include "core/contacts/charsets_p.h"
#include "core/contacts/importerror_p.h"
#include "core/mime/mailaddress.h"

#include <QCoreApplication>
#include <QHash>

#include <optional>

namespace Core::VCard {

namespace {

/// A content line after unfolding, with the line it started on.
struct ContentLine
{
    QByteArray text;
    int number = 0;
};

/// One property: "item1.EMAIL;TYPE=work;PREF=1:ada@example.org".
struct Property
{
    QByteArray name; ///< upper case, without the group prefix
    QList<QByteArray> types; ///< TYPE values (and vCard 2.1's bare parameters), lower case
    QByteArray charset;
    QByteArray encoding; ///< upper case: QUOTED-PRINTABLE, B, BASE64, 8BIT, ...
    int pref = 0;
    QByteArray value; ///< still encoded
};

bool isQuotedPrintable(const QByteArray &line)
{
    const qsizetype colon = line.indexOf(':');
    return colon > 0 && line.left(colon).toUpper().contains("QUOTED-PRINTABLE");
}

/// RFC 6350 section 3.2: a line break followed by a space or tab continues
/// the line. vCard 2.1's quoted-printable values instead continue after a
/// line ending in "=" (a soft line break), on a line that need not be indented.
QList<ContentLine> unfold(const QByteArray &data)
{
    QList<ContentLine> out;
    const QList<QByteArray> physical = data.split('\n');
    bool softBreak = false;
    for (qsizetype i = 0; i < physical.size(); ++i) {
        QByteArray line = physical.at(i);
        if (line.endsWith('\r'))
            line.chop(1);
        const int number = static_cast<int>(i) + 1;
        if (softBreak && !out.isEmpty()) {
            out.last().text.chop(1); // the "="
            out.last().text += line;
        } else if (!out.isEmpty() && (line.startsWith(' ') || line.startsWith('\t'))) {
            out.last().text += line.mid(1);
        } else if (line.trimmed().isEmpty()) {
            softBreak = false;
            continue; // blank lines between cards
        } else {
            out.append({line, number});
        }
        softBreak = isQuotedPrintable(out.last().text) && out.last().text.endsWith('=');
    }
    return out;
}

QByteArray unquote(QByteArray v)
{
    v = v.trimmed();
    if (v.size() >= 2 && v.startsWith('"') && v.endsWith('"'))
        v = v.mid(1, v.size() - 2);
    return v;
}

/// Splits at `separator` outside double quotes.
QList<QByteArray> splitOutsideQuotes(const QByteArray &s, char separator)
{
    QList<QByteArray> out;
    QByteArray current;
    bool quoted = false;
    for (const char ch : s) {
        if (ch == '"')
            quoted = !quoted;
        if (ch == separator && !quoted) {
            out << current;
            current.clear();
        } else {
            current += ch;
        }
    }
    out << current;
    return out;
}

std::optional<Property> parseProperty(const QByteArray &line)
{
    qsizetype colon = -1;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        if (line.at(i) == '"')
            quoted = !quoted;
        else if (line.at(i) == ':' && !quoted) {
            colon = i;
            break;
        }
    }
    if (colon <= 0)
        return std::nullopt;
    Property p;
    p.value = line.mid(colon + 1);
    const QList<QByteArray> head = splitOutsideQuotes(line.left(colon), ';');
    p.name = head.first().trimmed().toUpper();
    if (const qsizetype dot = p.name.lastIndexOf('.'); dot >= 0)
        p.name = p.name.mid(dot + 1); // a group ("item1.EMAIL", Apple)
    if (p.name.isEmpty())
        return std::nullopt;
    for (qsizetype i = 1; i < head.size(); ++i) {
        const QByteArray param = head.at(i).trimmed();
        const qsizetype eq = param.indexOf('=');
        const QByteArray key = (eq < 0 ? param : param.left(eq)).trimmed().toUpper();
        const QByteArray value = eq < 0 ? QByteArray() : unquote(param.mid(eq + 1));
        if (eq < 0) {
            // vCard 2.1 names a type or an encoding without saying which.
            if (key == "QUOTED-PRINTABLE" || key == "BASE64" || key == "8BIT" || key == "7BIT")
                p.encoding = key;
            else
                p.types << key.toLower();
        } else if (key == "TYPE") {
            for (const QByteArray &t : splitOutsideQuotes(value, ','))
                if (!t.trimmed().isEmpty())
                    p.types << unquote(t).toLower();
        } else if (key == "PREF") {
            p.pref = value.toInt();
        } else if (key == "CHARSET") {
            p.charset = value;
        } else if (key == "ENCODING") {
            p.encoding = value.toUpper();
        }
    }
    // vCard 3.0 marks the preferred one as TYPE=pref (RFC 2426 section 3.3.2).
    if (p.types.removeAll("pref") > 0 && p.pref == 0)
        p.pref = 1;
    p.types.removeAll("internet"); // every e-mail address is one
    p.types.removeAll("x400");
    return p;
}

std::optional<QByteArray> decodeQuotedPrintable(const QByteArray &in)
{
    QByteArray out;
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char ch = in.at(i);
        if (ch != '=') {
            out += ch;
            continue;
        }
        if (i + 1 == in.size())
            break; // a soft line break at the very end
        bool ok = false;
        const int byte = in.mid(i + 1, 2).toInt(&ok, 16);
        if (!ok || i + 2 >= in.size())
            return std::nullopt;
        out += static_cast<char>(byte);
        i += 2;
    }
    return out;
}

/// RFC 6350 section 3.4: "\\n" and "\\N" are line breaks; "\\," "\\;" "\\\\"
/// stand for themselves. `separator` splits outside escapes (0: no split).
QStringList unescape(const QString &value, QChar separator)
{
    QStringList out;
    QString current;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar ch = value.at(i);
        if (ch == u'\\' && i + 1 < value.size()) {
            const QChar next = value.at(++i);
            current += (next == u'n' || next == u'N') ? QChar(u'\n') : next;
        } else if (!separator.isNull() && ch == separator) {
            out << current;
            current.clear();
        } else {
            current += ch;
        }
    }
    out << current;
    return out;
}

/// The card being read, and what it still lacks.
struct Card
{
    Contact contact;
    int beginLine = 0;
    QByteArray version;
};

class Reader
{
public:
    explicit Reader(QByteArray defaultCharset)
        : m_defaultCharset(std::move(defaultCharset))
    {
    }

    Result<QList<Contact>> read(const QList<ContentLine> &lines)
    {
        std::optional<Card> card;
        for (const ContentLine &line : lines) {
            const std::optional<Property> p = parseProperty(line.text);
            if (!p) {
                m_problems.add(line.number,
                               QCoreApplication::translate(
                                   "Contacts", "this is not a vCard property (NAME:value)"));
                continue;
            }
            if (p->name == "BEGIN") {
                if (p->value.trimmed().toUpper() != "VCARD")
                    m_problems.add(line.number,
                                   QCoreApplication::translate(
                                       "Contacts", "BEGIN of something other than a vCard"));
                else if (card)
                    m_problems.add(
                        line.number,
                        QCoreApplication::translate(
                            "Contacts",
                            "a vCard begins inside another one (END:VCARD missing before)"));
                card = Card {Contact {}, line.number, {}};
                continue;
            }
            if (!card) {
                m_problems.add(line.number,
                               QCoreApplication::translate(
                                   "Contacts", "a property outside BEGIN:VCARD and END:VCARD"));
                continue;
            }
            if (p->name == "END") {
                finish(*card);
                card.reset();
                continue;
            }
            take(*card, *p, line.number);
        }
        if (card)
            m_problems.add(card->beginLine,
                           QCoreApplication::translate("Contacts", "this vCard has no END:VCARD"));
        if (m_problems.isEmpty() && m_contacts.isEmpty())
            m_problems.add(
                1, QCoreApplication::translate("Contacts", "there is no vCard in this file"));
        if (!m_problems.isEmpty())
            return m_problems.error();
        return m_contacts;
    }

private:
    std::optional<QString> text(const Property &p, int line)
    {
        QByteArray bytes = p.value;
        if (p.encoding == "QUOTED-PRINTABLE") {
            const auto decoded = decodeQuotedPrintable(bytes);
            if (!decoded) {
                m_problems.add(
                    line,
                    QCoreApplication::translate("Contacts", "broken quoted-printable encoding"));
                return std::nullopt;
            }
            bytes = *decoded;
        }
        const QByteArray charset = p.charset.isEmpty() ? m_defaultCharset : p.charset;
        auto decoded = Charsets::decode(bytes, charset);
        if (!decoded) {
            //: %1 is a character set name such as ISO-8859-2
            m_problems.add(
                line,
                QCoreApplication::translate("Contacts", "text in an unknown character set (%1)")
                    .arg(QString::fromLatin1(charset)));
            return std::nullopt;
        }
        return decoded;
    }

    void take(Card &card, const Property &p, int line)
    {
        static const QList<QByteArray> used
            = {"VERSION", "FN", "N", "EMAIL", "NICKNAME", "ORG", "CATEGORIES"};
        if (!used.contains(p.name))
            return;
        if (p.encoding == "B" || p.encoding == "BASE64")
            return;
        const std::optional<QString> value = text(p, line);
        if (!value)
            return;
        Contact &c = card.contact;
        if (p.name == "VERSION") {
            card.version = value->trimmed().toLatin1();
            if (card.version != "2.1" && card.version != "3.0" && card.version != "4.0")
                //: %1 is a version number such as 5.0
                m_problems.add(
                    line,
                    QCoreApplication::translate(
                        "Contacts", "vCard version %1 is not one this reads (2.1, 3.0, 4.0)")
                        .arg(value->trimmed()));
        } else if (p.name == "FN") {
            c.formattedName = unescape(*value, {}).join(QString()).trimmed();
        } else if (p.name == "N") {
            const QStringList parts = unescape(*value, u';');
            const auto part = [&parts](int i) {
                return parts.value(i).split(u',', Qt::SkipEmptyParts).join(u' ').trimmed();
            };
            c.familyName = part(0);
            c.givenName = part(1);
            c.additionalNames = part(2);
            c.prefixes = part(3);
            c.suffixes = part(4);
        } else if (p.name == "EMAIL") {
            const QString address = unescape(*value, {}).join(QString()).trimmed();
            if (address.isEmpty())
                return;
            if (!MailAddress(QString(), address).validate().ok()) {
                //: %1 is what the file gives as an e-mail address
                m_problems.add(
                    line,
                    QCoreApplication::translate("Contacts", "“%1” is not an e-mail address")
                        .arg(address));
                return;
            }
            QStringList types;
            for (const QByteArray &t : p.types)
                types << QString::fromLatin1(t);
            if (!c.hasEmail(address))
                c.emails << ContactEmail {address, types, p.pref};
        } else if (p.name == "NICKNAME") {
            for (const QString &n : unescape(*value, u','))
                if (!n.trimmed().isEmpty() && !c.nicknames.contains(n.trimmed()))
                    c.nicknames << n.trimmed();
        } else if (p.name == "ORG") {
            c.organization = unescape(*value, u';').value(0).trimmed();
        } else if (p.name == "CATEGORIES") {
            for (const QString &g : unescape(*value, u','))
                if (!g.trimmed().isEmpty() && !Contact::isSystemGroup(g)
                    && !c.groups.contains(g.trimmed(), Qt::CaseInsensitive))
                    c.groups << g.trimmed();
        }
    }

    void finish(Card &card)
    {
        if (card.version.isEmpty())
            m_problems.add(card.beginLine,
                           QCoreApplication::translate("Contacts", "this vCard has no VERSION"));
        if (card.contact.displayName().isEmpty())
            m_problems.add(card.beginLine,
                           QCoreApplication::translate(
                               "Contacts", "this vCard has neither a name nor an e-mail address"));
        m_contacts << card.contact;
    }

    QByteArray m_defaultCharset;
    ImportProblems m_problems;
    QList<Contact> m_contacts;
};

// --- writing ---------------------------------------------------------------

QString escape(QString s)
{
    s.replace(u'\\', QStringLiteral("\\\\"));
    s.replace(u',', QStringLiteral("\\,"));
    s.replace(u';', QStringLiteral("\\;"));
    s.replace(QStringLiteral("\r\n"), QStringLiteral("\\n"));
    s.replace(u'\n', QStringLiteral("\\n"));
    return s;
}

/// RFC 6350 section 3.2: lines of at most 75 octets, never splitting a
/// UTF-8 sequence; continuations begin with a space.
QByteArray fold(const QByteArray &line)
{
    QByteArray out;
    qsizetype width = 0;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const auto b = static_cast<unsigned char>(line.at(i));
        const bool continuation = (b & 0xC0) == 0x80;
        if (width >= 75 && !continuation) {
            out += "\r\n ";
            width = 1;
        }
        out += line.at(i);
        ++width;
    }
    return out + "\r\n";
}

} // namespace

bool looksLikeVCard(const QByteArray &data)
{
    const QString text = Charsets::decodeUndeclared(data.left(4096)).trimmed();
    return text.startsWith(QLatin1String("BEGIN:VCARD"), Qt::CaseInsensitive);
}

Result<QList<Contact>> read(const QByteArray &data)
{
    // A UTF-16 file (Windows exports) becomes UTF-8 first; the structure is
    // ASCII either way. Unlabelled 8-bit text that is not UTF-8 is taken as
    // Windows-1252.
    QByteArray bytes = data;
    if (data.startsWith("\xFF\xFE") || data.startsWith("\xFE\xFF")
        || data.startsWith("\xEF\xBB\xBF"))
        bytes = Charsets::decodeUndeclared(data).toUtf8();
    const QByteArray charset
        = Charsets::isValidUtf8(bytes) ? QByteArray("UTF-8") : QByteArray("Windows-1252");
    return Reader(charset).read(unfold(bytes));
}

QByteArray write(const QList<Contact> &contacts)
{
    QByteArray out;
    const auto line = [&out](const QString &text) { out += fold(text.toUtf8()); };
    for (const Contact &c : contacts) {
        line(QStringLiteral("BEGIN:VCARD"));
        line(QStringLiteral("VERSION:4.0"));
        line(QStringLiteral("FN:") + escape(c.displayName()));
        if (!QString(c.familyName + c.givenName + c.additionalNames + c.prefixes + c.suffixes)
                 .isEmpty())
            line(QStringLiteral("N:")
                 + QStringList {escape(c.familyName), escape(c.givenName),
                                escape(c.additionalNames), escape(c.prefixes), escape(c.suffixes)}
                       .join(u';'));
        if (!c.nicknames.isEmpty()) {
            QStringList list;
            for (const QString &n : c.nicknames)
                list << escape(n);
            line(QStringLiteral("NICKNAME:") + list.join(u','));
        }
        if (!c.organization.isEmpty())
            line(QStringLiteral("ORG:") + escape(c.organization));
        for (const ContactEmail &e : c.emails) {
            QString params;
            if (!e.types.isEmpty())
                params += QStringLiteral(";TYPE=") + e.types.join(u',');
            if (e.pref > 0)
                params += QStringLiteral(";PREF=%1").arg(e.pref);
            line(QStringLiteral("EMAIL") + params + QLatin1Char(':') + escape(e.address));
        }
        if (!c.groups.isEmpty()) {
            QStringList list;
            for (const QString &g : c.groups)
                list << escape(g);
            line(QStringLiteral("CATEGORIES:") + list.join(u','));
        }
        if (!c.id.isEmpty())
            line(QStringLiteral("UID:urn:uuid:") + c.id);
        line(QStringLiteral("END:VCARD"));
    }
    return out;
}

} // namespace Core::VCard
