// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/contacts/recipientcompletion.h"

#include "core/mime/mailaddress.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <cmath>

namespace Core {

namespace {

constexpr double kHalfLifeDays = 30.0;

struct Ranked
{
    RecipientCompletion completion;
    double score = 0;
    QString name; ///< ties go by name
    int position = 0; ///< then a contact's preferred address first
};

QString display(const QString &name, const QString &address)
{
    return MailAddress(name, address).toDisplayString();
}

} // namespace

QList<RecipientCompletion> recipientCompletions(const QList<Contact> &contacts,
                                                const QList<AddressBook::Entry> &used,
                                                const QDateTime &now)
{
    QHash<QString, double> scoreOf; // lower-case address -> score
    for (const AddressBook::Entry &e : used) {
        const double days
            = e.lastUsed.isValid() ? std::max<double>(0, e.lastUsed.secsTo(now) / 86400.0) : 365.0;
        scoreOf.insert(e.address.toLower(), e.count * std::pow(0.5, days / kHalfLifeDays));
    }

    QList<Ranked> ranked;
    QSet<QString> inContacts;
    QMap<QString, QList<const Contact *>> groups; // lower-case name -> members
    QHash<QString, QString> groupName;
    for (const Contact &c : contacts) {
        const QString extra
            = QStringList {c.nicknames.join(u' '), c.organization, c.groups.join(u' ')}.join(u' ');
        const QString preferred = c.preferredEmail();
        int next = 1;
        for (const ContactEmail &e : c.emails) {
            inContacts.insert(e.address.toLower());
            const QString shown = display(c.displayName(), e.address);
            ranked << Ranked {
                {RecipientCompletion::Kind::Address, shown, shown + u' ' + extra, shown},
                scoreOf.value(e.address.toLower()),
                c.displayName(),
                e.address == preferred ? 0 : next++};
        }
        if (c.preferredEmail().isEmpty())
            continue;
        for (const QString &g : c.groups) {
            groups[g.toLower()] << &c;
            groupName.insert(g.toLower(), g);
        }
    }
    for (const AddressBook::Entry &e : used) {
        if (!inContacts.contains(e.address.toLower()))
            ranked << Ranked {
                {RecipientCompletion::Kind::Address, e.display(), e.display(), e.display()},
                scoreOf.value(e.address.toLower()),
                e.display(),
                0};
    }
    for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
        QStringList members;
        double best = 0;
        for (const Contact *c : it.value()) {
            members << display(c->displayName(), c->preferredEmail());
            for (const ContactEmail &e : c->emails)
                best = std::max(best, scoreOf.value(e.address.toLower()));
        }
        const QString name = groupName.value(it.key());
        const int count = static_cast<int>(members.size());
        //: a group of contacts in the recipient completion list; %1 is its name
        const QString shown
            = QCoreApplication::translate("Contacts", "%1 (group of %n)", nullptr, count).arg(name);
        // Just below its most written-to member: typing that person's name
        // offers the person first.
        ranked << Ranked {
            {RecipientCompletion::Kind::Group, shown, name, members.join(QStringLiteral(", "))},
            best * 0.99,
            shown,
            0};
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked &a, const Ranked &b) {
        if (a.score != b.score)
            return a.score > b.score;
        // A group is offered only when its name is typed: then it is
        // what the person is after, before members found by that word.
        if (a.completion.kind != b.completion.kind)
            return a.completion.kind == RecipientCompletion::Kind::Group;
        if (const int byName = a.name.localeAwareCompare(b.name); byName != 0)
            return byName < 0;
        return a.position < b.position;
    });
    QList<RecipientCompletion> out;
    out.reserve(ranked.size());
    for (const Ranked &r : ranked)
        out << r.completion;
    return out;
}

} // namespace Core
