// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/contacts/contact.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QUuid>

#include <algorithm>

namespace Core {

namespace {

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList toStringList(const QJsonValue &v)
{
    QStringList out;
    for (const auto &item : v.toArray()) {
        if (const QString s = item.toString(); !s.isEmpty())
            out << s;
    }
    return out;
}

void addMissing(QStringList &to, const QStringList &from)
{
    for (const QString &s : from) {
        if (!to.contains(s, Qt::CaseInsensitive))
            to << s;
    }
}

} // namespace

QString Contact::displayName() const
{
    if (!formattedName.trimmed().isEmpty())
        return formattedName.trimmed();
    QString fromParts
        = QStringList {prefixes, givenName, additionalNames, familyName, suffixes}
              .filter(QRegularExpression(QStringLiteral("\\S")))
              .join(u' ');
    if (!fromParts.isEmpty())
        return fromParts;
    return emails.isEmpty() ? QString() : emails.first().address;
}

QString Contact::preferredEmail() const
{
    const ContactEmail *best = nullptr;
    for (const ContactEmail &e : emails) {
        if (e.pref > 0 && (!best || best->pref == 0 || e.pref < best->pref))
            best = &e;
    }
    if (best)
        return best->address;
    return emails.isEmpty() ? QString() : emails.first().address;
}

bool Contact::hasEmail(const QString &address) const
{
    return std::any_of(emails.cbegin(), emails.cend(), [&](const ContactEmail &e) {
        return e.address.compare(address, Qt::CaseInsensitive) == 0;
    });
}

void Contact::absorb(const Contact &other)
{
    const bool named
        = !formattedName.trimmed().isEmpty() || !familyName.isEmpty() || !givenName.isEmpty();
    if (!named)
        formattedName = other.formattedName;
    if (familyName.isEmpty() && givenName.isEmpty()) {
        familyName = other.familyName;
        givenName = other.givenName;
        additionalNames = other.additionalNames;
        prefixes = other.prefixes;
        suffixes = other.suffixes;
    }
    if (organization.isEmpty())
        organization = other.organization;
    for (const ContactEmail &e : other.emails) {
        auto same = std::find_if(emails.begin(), emails.end(), [&](const ContactEmail &mine) {
            return mine.address.compare(e.address, Qt::CaseInsensitive) == 0;
        });
        if (same == emails.end()) {
            emails << e;
            continue;
        }
        addMissing(same->types, e.types);
        if (same->pref == 0)
            same->pref = e.pref;
    }
    addMissing(nicknames, other.nicknames);
    addMissing(groups, other.groups);
}

QJsonObject Contact::toJson() const
{
    QJsonArray list;
    for (const ContactEmail &e : emails) {
        QJsonObject o {{QStringLiteral("address"), e.address}};
        if (!e.types.isEmpty())
            o.insert(QStringLiteral("types"), toArray(e.types));
        if (e.pref > 0)
            o.insert(QStringLiteral("pref"), e.pref);
        list << o;
    }
    QJsonObject o {{QStringLiteral("id"), id},
                   {QStringLiteral("name"), formattedName},
                   {QStringLiteral("emails"), list}};
    const QJsonObject n {{QStringLiteral("family"), familyName},
                         {QStringLiteral("given"), givenName},
                         {QStringLiteral("additional"), additionalNames},
                         {QStringLiteral("prefixes"), prefixes},
                         {QStringLiteral("suffixes"), suffixes}};
    o.insert(QStringLiteral("n"), n);
    o.insert(QStringLiteral("nicknames"), toArray(nicknames));
    o.insert(QStringLiteral("organization"), organization);
    o.insert(QStringLiteral("groups"), toArray(groups));
    return o;
}

Contact Contact::fromJson(const QJsonObject &o)
{
    Contact c;
    c.id = o.value(QStringLiteral("id")).toString();
    c.formattedName = o.value(QStringLiteral("name")).toString();
    const QJsonObject n = o.value(QStringLiteral("n")).toObject();
    c.familyName = n.value(QStringLiteral("family")).toString();
    c.givenName = n.value(QStringLiteral("given")).toString();
    c.additionalNames = n.value(QStringLiteral("additional")).toString();
    c.prefixes = n.value(QStringLiteral("prefixes")).toString();
    c.suffixes = n.value(QStringLiteral("suffixes")).toString();
    for (const auto &v : o.value(QStringLiteral("emails")).toArray()) {
        const QJsonObject e = v.toObject();
        c.emails << ContactEmail {e.value(QStringLiteral("address")).toString(),
                                  toStringList(e.value(QStringLiteral("types"))),
                                  e.value(QStringLiteral("pref")).toInt()};
    }
    c.nicknames = toStringList(o.value(QStringLiteral("nicknames")));
    c.organization = o.value(QStringLiteral("organization")).toString();
    c.groups = toStringList(o.value(QStringLiteral("groups")));
    return c;
}

QString Contact::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

bool Contact::isSystemGroup(const QString &group)
{
    static const QStringList system
        = {QStringLiteral("myContacts"), QStringLiteral("starred"), QStringLiteral("My Contacts")};
    return system.contains(group.trimmed(), Qt::CaseInsensitive);
}

MergeAction ContactList::merge(Contact incoming, Contact *into)
{
    // Every contact sharing an address with the incoming one is the same
    // person: they all become one (the first, which keeps its id).
    QList<qsizetype> same;
    for (qsizetype i = 0; i < m_contacts.size(); ++i) {
        const Contact &c = m_contacts.at(i);
        const bool shared = incoming.emails.isEmpty()
            ? c.emails.isEmpty()
                && c.displayName().compare(incoming.displayName(), Qt::CaseInsensitive) == 0
            : std::any_of(incoming.emails.cbegin(), incoming.emails.cend(),
                          [&](const ContactEmail &e) { return c.hasEmail(e.address); });
        if (shared)
            same << i;
    }
    if (same.isEmpty()) {
        if (incoming.id.isEmpty())
            incoming.id = Contact::newId();
        m_contacts << incoming;
        if (into)
            *into = incoming;
        return MergeAction::Added;
    }
    Contact &target = m_contacts[same.first()];
    for (qsizetype k = 1; k < same.size(); ++k)
        target.absorb(m_contacts.at(same.at(k)));
    target.absorb(incoming);
    if (into)
        *into = target;
    for (qsizetype k = same.size() - 1; k >= 1; --k)
        m_contacts.removeAt(same.at(k));
    return MergeAction::Merged;
}

} // namespace Core
