// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Core {

/// One address of a contact, with the vCard TYPE values ("home", "work")
/// and its PREF (RFC 6350 section 5.3: 1 is most preferred, 0 means none).
struct ContactEmail
{
    QString address;
    QStringList types;
    int pref = 0;

    friend bool operator==(const ContactEmail &, const ContactEmail &) = default;
};

/**
 * A person in the address book: the fields of a vCard that matter for
 * writing to someone (FN, N, EMAIL, NICKNAME, ORG, CATEGORIES as groups).
 * Plain data; ContactList merges, ContactStore keeps them.
 */
struct Contact
{
    QString id; ///< stable, made when a contact first enters the book
    QString formattedName; ///< FN
    QString familyName; ///< N, first component
    QString givenName;
    QString additionalNames;
    QString prefixes;
    QString suffixes;
    QList<ContactEmail> emails;
    QStringList nicknames;
    QString organization;
    QStringList groups;

    /// FN, else the name from N, else the first address.
    [[nodiscard]] QString displayName() const;
    /// The address with the lowest non-zero PREF, else the first; empty without one.
    [[nodiscard]] QString preferredEmail() const;
    [[nodiscard]] bool hasEmail(const QString &address) const;
    /// Adds what `other` knows and this one does not: addresses, nicknames,
    /// groups, and names or organisation where this one has none.
    void absorb(const Contact &other);

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static Contact fromJson(const QJsonObject &o);
    [[nodiscard]] static QString newId();
    /// Groups an exporter adds to every contact (Google's "myContacts",
    /// "starred"): not the person's own, so not imported.
    [[nodiscard]] static bool isSystemGroup(const QString &group);

    friend bool operator==(const Contact &, const Contact &) = default;
};

/// What merging one imported contact into a list did.
enum class MergeAction { Added, Merged };

/**
 * Contacts with the duplicate rule of the address book: one contact per
 * address (case-insensitive), so an incoming contact that shares an address
 * with one already there is merged into it; one without addresses is merged
 * into one of the same name that has none either.
 */
class ContactList final
{
public:
    ContactList() = default;
    explicit ContactList(QList<Contact> contacts)
        : m_contacts(std::move(contacts))
    {
    }

    /// Merges `incoming`; `into` (if given) receives the contact it became part of.
    MergeAction merge(Contact incoming, Contact *into = nullptr);
    [[nodiscard]] const QList<Contact> &contacts() const { return m_contacts; }

private:
    QList<Contact> m_contacts;
};

} // namespace Core
