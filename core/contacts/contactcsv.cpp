// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/contacts/contactcsv.h"

#include "core/contacts/charsets_p.h"
#include "core/contacts/importerror_p.h"
#include "core/mime/mailaddress.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <optional>

namespace Core::ContactCsv {

namespace {

struct Record
{
    QStringList fields;
    int line = 0; ///< where it starts
};

/// RFC 4180 records: fields in double quotes may hold the separator, line
/// breaks and doubled quotes.
QList<Record> records(const QString &text, QChar separator, ImportProblems &problems)
{
    QList<Record> out;
    Record current {{}, 1};
    QString field;
    bool quoted = false;
    bool wasQuoted = false;
    int line = 1;
    int quoteLine = 0;
    const auto endRecord = [&] {
        current.fields << field;
        field.clear();
        const bool blank
            = current.fields.size() == 1 && current.fields.first().isEmpty() && !wasQuoted;
        if (!blank)
            out << current;
        current = Record {{}, line};
        wasQuoted = false;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar ch = text.at(i);
        if (quoted) {
            if (ch == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (ch == u'"') {
                quoted = false;
            } else {
                if (ch == u'\n')
                    ++line;
                if (ch != u'\r')
                    field += ch;
            }
            continue;
        }
        if (ch == u'"' && field.trimmed().isEmpty()) {
            quoted = true;
            wasQuoted = true;
            quoteLine = line;
            field.clear();
        } else if (ch == separator) {
            current.fields << field;
            field.clear();
        } else if (ch == u'\n') {
            ++line;
            endRecord();
        } else if (ch != u'\r') {
            field += ch;
        }
    }
    if (quoted)
        problems.add(quoteLine,
                     QCoreApplication::translate("Contacts", "a quoted field is never closed"));
    else if (!field.isEmpty() || !current.fields.isEmpty())
        endRecord();
    return out;
}

/// The separator of the header line: commas, or what Outlook uses in
/// locales where the comma is the decimal point (semicolons), or tabs.
QChar separatorOf(const QString &text)
{
    const QString first = text.left(text.indexOf(u'\n'));
    QChar best = u',';
    qsizetype most = first.count(u',');
    for (const QChar candidate : {QChar(u';'), QChar(u'\t')}) {
        if (const qsizetype n = first.count(candidate); n > most) {
            best = candidate;
            most = n;
        }
    }
    return best;
}

/// Which column holds what, from the header's names.
struct Columns
{
    int fullName = -1;
    int given = -1;
    int middle = -1;
    int family = -1;
    int prefix = -1;
    int suffix = -1;
    int nickname = -1;
    int organization = -1;
    QList<int> groups;
    /// An address column and, for Google, the column with its label.
    struct Email
    {
        int value = -1;
        int label = -1;
    };
    QList<Email> emails;

    [[nodiscard]] bool usable() const
    {
        return !emails.isEmpty() || fullName >= 0 || given >= 0 || family >= 0;
    }
};

Columns columnsOf(const QStringList &header)
{
    Columns c;
    QStringList names;
    for (const QString &h : header)
        names << h.trimmed().toLower();
    const auto find = [&names](std::initializer_list<const char *> wanted) {
        for (const char *n : wanted) {
            if (const qsizetype i = names.indexOf(QString::fromLatin1(n)); i >= 0)
                return static_cast<int>(i);
        }
        return -1;
    };
    c.fullName = find({"display name", "name", "full name"});
    c.given = find({"first name", "given name"});
    c.middle = find({"middle name", "additional name"});
    c.family = find({"last name", "family name", "surname"});
    c.prefix = find({"name prefix", "title"});
    c.suffix = find({"name suffix", "suffix"});
    c.nickname = find({"nickname"});
    c.organization = find(
        {"organization", "organisation", "organization name", "organization 1 - name", "company"});
    for (const char *g : {"categories", "labels", "group membership"}) {
        if (const int i = find({g}); i >= 0)
            c.groups << i;
    }
    // Thunderbird: Primary/Secondary Email; Outlook: E-mail Address, E-mail 2
    // Address, ...; Google: E-mail 1 - Value with E-mail 1 - Label (or Type).
    for (const char *e : {"primary email", "secondary email", "email", "e-mail", "email address",
                          "e-mail address"}) {
        if (const int i = find({e}); i >= 0)
            c.emails << Columns::Email {i, -1};
    }
    static const QRegularExpression numbered(
        QStringLiteral("^e-?mail (\\d+)(?: - value| address)$"));
    QMap<int, Columns::Email> byNumber;
    for (int i = 0; i < names.size(); ++i) {
        const QString &name = names.at(i);
        if (const auto m = numbered.match(name); m.hasMatch()) {
            const QString n = m.captured(1);
            int label = -1;
            for (const QString &l :
                 {QStringLiteral("e-mail %1 - label"), QStringLiteral("e-mail %1 - type")}) {
                if (const qsizetype at = names.indexOf(l.arg(n)); at >= 0)
                    label = static_cast<int>(at);
            }
            byNumber.insert(n.toInt(), Columns::Email {i, label});
        }
    }
    c.emails << byNumber.values();
    return c;
}

/// Google writes several values into one field with " ::: " between them,
/// and marks the primary one (or its own groups) with "* ".
QStringList googleList(const QString &field)
{
    QStringList out;
    for (QString v : field.split(QStringLiteral(" ::: "), Qt::SkipEmptyParts)) {
        v = v.trimmed();
        if (v.startsWith(QLatin1String("* ")))
            v = v.mid(2).trimmed();
        if (!v.isEmpty())
            out << v;
    }
    return out;
}

QStringList groupsIn(const QString &field)
{
    QStringList out;
    for (const QString &part : field.contains(QLatin1String(":::"))
             ? googleList(field)
             : field.split(u';', Qt::SkipEmptyParts)) {
        const QString g = part.trimmed();
        if (!g.isEmpty() && !Contact::isSystemGroup(g) && !out.contains(g, Qt::CaseInsensitive))
            out << g;
    }
    return out;
}

} // namespace

Result<QList<Contact>> read(const QByteArray &data)
{
    const QString text = Charsets::decodeUndeclared(data);
    ImportProblems problems;
    const QList<Record> all = records(text, separatorOf(text), problems);
    if (all.isEmpty()) {
        if (problems.isEmpty())
            problems.add(1, QCoreApplication::translate("Contacts", "the file is empty"));
        return problems.error();
    }
    const QStringList header = all.first().fields;
    const Columns columns = columnsOf(header);
    if (!columns.usable()) {
        problems.add(
            all.first().line,
            QCoreApplication::translate(
                "Contacts",
                "no column of names or e-mail addresses (the first line must name the columns)"));
        return problems.error();
    }
    QList<Contact> contacts;
    for (qsizetype r = 1; r < all.size(); ++r) {
        const Record &rec = all.at(r);
        const auto field
            = [&rec](int i) { return i >= 0 ? rec.fields.value(i).trimmed() : QString(); };
        // Rows may stop short (empty trailing fields), never run longer.
        for (qsizetype i = header.size(); i < rec.fields.size(); ++i) {
            if (!rec.fields.at(i).trimmed().isEmpty()) {
                //: %1 and %2 are numbers
                problems.add(rec.line,
                             QCoreApplication::translate("Contacts",
                                                         "%1 fields where the first line names %2")
                                 .arg(rec.fields.size())
                                 .arg(header.size()));
                break;
            }
        }
        Contact c;
        c.formattedName = field(columns.fullName);
        c.givenName = field(columns.given);
        c.additionalNames = field(columns.middle);
        c.familyName = field(columns.family);
        c.prefixes = field(columns.prefix);
        c.suffixes = field(columns.suffix);
        c.organization = field(columns.organization);
        if (const QString n = field(columns.nickname); !n.isEmpty())
            c.nicknames << n;
        for (const int g : columns.groups)
            for (const QString &group : groupsIn(field(g)))
                if (!c.groups.contains(group, Qt::CaseInsensitive))
                    c.groups << group;
        for (const Columns::Email &e : columns.emails) {
            const QString label = field(e.label);
            const bool primary = label.startsWith(QLatin1String("* "));
            for (const QString &address : googleList(field(e.value))) {
                if (!MailAddress(QString(), address).validate().ok()) {
                    //: %1 is what the file gives as an e-mail address
                    problems.add(
                        rec.line,
                        QCoreApplication::translate("Contacts", "“%1” is not an e-mail address")
                            .arg(address));
                    continue;
                }
                if (c.hasEmail(address))
                    continue;
                QStringList types;
                if (const QStringList labels = googleList(label); !labels.isEmpty())
                    types << labels.first().toLower();
                c.emails << ContactEmail {address, types, primary ? 1 : 0};
            }
        }
        if (c.displayName().isEmpty())
            continue; // an empty row (Outlook ends some exports with one)
        contacts << c;
    }
    if (!problems.isEmpty())
        return problems.error();
    if (contacts.isEmpty()) {
        problems.add(all.first().line,
                     QCoreApplication::translate("Contacts", "there is no contact in this file"));
        return problems.error();
    }
    return contacts;
}

} // namespace Core::ContactCsv
