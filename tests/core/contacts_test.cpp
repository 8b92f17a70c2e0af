// SPDX-License-Identifier: GPL-3.0-or-later
// The address book (issue 22): a corpus of real-world exports read field by
// field, malformed files refused with their lines, the duplicate merge, the
// vCard 4.0 export read back, two stores saving at once, and the ranking of
// completions.
#include "core/contacts/contactimport.h"
#include "core/contacts/contactstore.h"
#include "core/contacts/recipientcompletion.h"
#include "core/contacts/vcard.h"

#include <QFile>
#include <QTemporaryDir>

#include "tests/support/testutil.h"

using Core::Contact;
using Core::ContactEmail;
using TestUtil::dataPath;

namespace {

QList<Contact> imported(const char *name)
{
    auto r = Core::ContactImport::readFile(
        dataPath(QStringLiteral("contacts/") + QString::fromLatin1(name)));
    EXPECT_TRUE(r.ok()) << name << ": " << (r.ok() ? QString() : r.error().message());
    return r.ok() ? r.value() : QList<Contact>();
}

QString refusal(const char *name)
{
    auto r = Core::ContactImport::readFile(
        dataPath(QStringLiteral("contacts/") + QString::fromLatin1(name)));
    EXPECT_FALSE(r.ok()) << name << " was accepted with " << (r.ok() ? r.value().size() : 0)
                         << " contacts";
    return r.ok() ? QString() : r.error().message();
}

QStringList addresses(const Contact &c)
{
    QStringList out;
    for (const ContactEmail &e : c.emails)
        out << e.address;
    return out;
}

QString s(const char16_t *text)
{
    return QString::fromUtf16(text);
}

} // namespace

TEST(ContactImport, Thunderbird4vCard)
{
    const QList<Contact> c = imported("thunderbird-4.0.vcf");
    ASSERT_EQ(c.size(), 2);
    EXPECT_EQ(c[0].formattedName, s(u"José García"));
    EXPECT_EQ(c[0].familyName, s(u"García"));
    EXPECT_EQ(c[0].givenName, s(u"José"));
    EXPECT_EQ(addresses(c[0]),
              (QStringList {QStringLiteral("jose.garcia@example.es"),
                            QStringLiteral("jgarcia@trabajo.example")}));
    EXPECT_EQ(c[0].emails[0].pref, 1);
    EXPECT_EQ(c[0].nicknames, QStringList {QStringLiteral("Pepe")});
    EXPECT_EQ(c[0].organization, s(u"Compañía Ejemplo"));
    EXPECT_EQ(c[0].groups, QStringList {s(u"Fútbol")});

    EXPECT_EQ(c[1].formattedName, QStringLiteral("Lovelace, Ada")) << "an escaped comma";
    EXPECT_EQ(c[1].additionalNames, QStringLiteral("Augusta"));
    EXPECT_EQ(c[1].prefixes, QStringLiteral("Countess of"));
    EXPECT_EQ(c[1].nicknames,
              (QStringList {QStringLiteral("Ada"), QStringLiteral("The Enchantress of Numbers")}));
    ASSERT_EQ(c[1].emails.size(), 2);
    EXPECT_EQ(
        c[1].emails[0],
        (ContactEmail {QStringLiteral("ada@analytical.example"), {QStringLiteral("work")}, 1}));
    EXPECT_EQ(
        c[1].emails[1],
        (ContactEmail {QStringLiteral("ada.lovelace@home.example"), {QStringLiteral("home")}, 0}));
    EXPECT_EQ(c[1].groups, (QStringList {QStringLiteral("Mathematicians"), s(u"Fútbol")}));
}

TEST(ContactImport, Google3vCard)
{
    const QList<Contact> c = imported("google-3.0.vcf");
    ASSERT_EQ(c.size(), 2);
    EXPECT_EQ(c[0].formattedName, s(u"Zoë Müller"));
    ASSERT_EQ(c[0].emails.size(), 3);
    EXPECT_EQ(
        c[0].emails[0],
        (ContactEmail {QStringLiteral("zoe.mueller@example.de"), {QStringLiteral("home")}, 0}))
        << "INTERNET is no type";
    EXPECT_EQ(
        c[0].emails[1],
        (ContactEmail {QStringLiteral("z.mueller@firma.example"), {QStringLiteral("work")}, 0}));
    EXPECT_EQ(c[0].emails[2].address, QStringLiteral("zoe@example.net"))
        << "an Apple-style item group";
    EXPECT_EQ(c[0].nicknames, QStringList {QStringLiteral("Zo")});
    EXPECT_EQ(c[0].organization, QStringLiteral("Firma GmbH"));
    EXPECT_EQ(c[0].groups, QStringList {QStringLiteral("Familie")})
        << "myContacts is Google's, not a group";
    EXPECT_EQ(c[1].formattedName, s(u"李小龙"));
    EXPECT_EQ(c[1].familyName, s(u"李"));
    EXPECT_EQ(c[1].emails[0], (ContactEmail {QStringLiteral("xiaolong.li@example.cn"), {}, 1}))
        << "TYPE=pref is PREF=1";
    EXPECT_EQ(c[1].groups, QStringList {QStringLiteral("Kung Fu")});
}

TEST(ContactImport, Apple3vCardWithFoldedLines)
{
    const QList<Contact> c = imported("apple-3.0.vcf");
    ASSERT_EQ(c.size(), 2);
    EXPECT_EQ(c[0].formattedName, s(u"Åse Ødegård"));
    EXPECT_EQ(c[0].familyName, s(u"Ødegård"));
    EXPECT_EQ(c[0].organization, QStringLiteral("Nordlys AS"))
        << "the unit is not the organisation";
    ASSERT_EQ(c[0].emails.size(), 2);
    EXPECT_EQ(c[0].emails[0], (ContactEmail {QStringLiteral("ase@nordlys.example"), {}, 1}));
    EXPECT_EQ(
        c[0].emails[1],
        (ContactEmail {QStringLiteral("ase.odegard@example.no"), {QStringLiteral("home")}, 0}));
    EXPECT_EQ(c[0].groups, QStringList {QStringLiteral("Kolleger")});
    EXPECT_EQ(c[1].formattedName, s(u"Dr. Siobhán O'Brien"));
    EXPECT_EQ(c[1].prefixes, QStringLiteral("Dr."));
    EXPECT_EQ(addresses(c[1]), QStringList {QStringLiteral("siobhan.obrien@university.example")})
        << "folded inside the address";
}

TEST(ContactImport, Outlook21vCardInWindows1252AndQuotedPrintable)
{
    const QList<Contact> c = imported("outlook-2.1.vcf");
    ASSERT_EQ(c.size(), 1);
    EXPECT_EQ(c[0].formattedName, s(u"Jürgen Schröder"))
        << "quoted-printable in CHARSET=Windows-1252";
    EXPECT_EQ(c[0].familyName, s(u"Schröder")) << "raw Windows-1252 bytes";
    EXPECT_EQ(c[0].givenName, s(u"Jürgen"));
    EXPECT_EQ(c[0].organization, QStringLiteral("Beispiel AG"));
    ASSERT_EQ(c[0].emails.size(), 2);
    EXPECT_EQ(c[0].emails[0],
              (ContactEmail {QStringLiteral("juergen.schroeder@beispiel.example"), {}, 1}))
        << "a bare PREF";
    EXPECT_EQ(c[0].emails[1], (ContactEmail {QStringLiteral("js@privat.example"), {}, 0}));
}

TEST(ContactImport, Android21vCardWithSoftLineBreakInUtf8)
{
    const QList<Contact> c = imported("android-2.1.vcf");
    ASSERT_EQ(c.size(), 1);
    EXPECT_EQ(c[0].formattedName, s(u"Иван Иванов"));
    EXPECT_EQ(c[0].familyName, s(u"Иванов"));
    EXPECT_EQ(c[0].givenName, s(u"Иван"));
    EXPECT_EQ(
        c[0].emails[0],
        (ContactEmail {QStringLiteral("ivan.ivanov@example.ru"), {QStringLiteral("home")}, 0}));
}

TEST(ContactImport, GoogleCsv)
{
    const QList<Contact> c = imported("google.csv");
    ASSERT_EQ(c.size(), 3);
    EXPECT_EQ(c[0].displayName(), s(u"Zoë Müller"));
    EXPECT_EQ(c[0].givenName, s(u"Zoë"));
    EXPECT_EQ(c[0].familyName, s(u"Müller"));
    EXPECT_EQ(c[0].nicknames, QStringList {QStringLiteral("Zo")});
    EXPECT_EQ(c[0].organization, QStringLiteral("Firma GmbH"));
    EXPECT_EQ(c[0].groups, QStringList {QStringLiteral("Familie")});
    ASSERT_EQ(c[0].emails.size(), 3) << "two addresses in one field, \" ::: \" between them";
    EXPECT_EQ(
        c[0].emails[0],
        (ContactEmail {QStringLiteral("zoe.mueller@example.de"), {QStringLiteral("home")}, 1}))
        << "\"* \" marks the primary";
    EXPECT_EQ(
        c[0].emails[1],
        (ContactEmail {QStringLiteral("z.mueller@firma.example"), {QStringLiteral("work")}, 0}));
    EXPECT_EQ(c[0].emails[2].address, QStringLiteral("zm@firma.example"));
    EXPECT_EQ(c[1].displayName(), s(u"小龙 李"));
    EXPECT_EQ(c[1].groups, QStringList {QStringLiteral("Kung Fu")});
    EXPECT_EQ(c[2].displayName(), QStringLiteral("Countess of Ada Augusta Lovelace"));
    EXPECT_EQ(c[2].groups, QStringList {QStringLiteral("Mathematicians")});
    EXPECT_EQ(addresses(c[2]), QStringList {QStringLiteral("ada@analytical.example")});
}

TEST(ContactImport, OutlookCsvInWindows1252)
{
    const QList<Contact> c = imported("outlook.csv");
    ASSERT_EQ(c.size(), 2) << "the empty last row is no contact";
    EXPECT_EQ(c[0].displayName(), s(u"Herr Jürgen Schröder"));
    EXPECT_EQ(c[0].nicknames, QStringList {s(u"Jürgi")});
    EXPECT_EQ(addresses(c[0]),
              (QStringList {QStringLiteral("juergen.schroeder@beispiel.example"),
                            QStringLiteral("js@privat.example")}));
    EXPECT_EQ(c[0].organization, QStringLiteral("Beispiel AG"));
    EXPECT_EQ(c[0].groups, (QStringList {QStringLiteral("Kunden"), QStringLiteral("Wichtig")}));
    EXPECT_EQ(c[1].familyName, s(u"Lefèvre"));
    EXPECT_EQ(c[1].organization, s(u"Société Générale d'Exemple"));
}

TEST(ContactImport, OutlookCsvInUtf16)
{
    const QList<Contact> c = imported("outlook-unicode.csv");
    ASSERT_EQ(c.size(), 2);
    EXPECT_EQ(c[0].givenName, s(u"Jürgen"));
    EXPECT_EQ(c[1].familyName, s(u"Lefèvre-Ωmega"));
    EXPECT_EQ(addresses(c[1]), QStringList {QStringLiteral("francois.lefevre@exemple.fr")});
}

TEST(ContactImport, ThunderbirdCsvWithBomAndTrailingCommas)
{
    const QList<Contact> c = imported("thunderbird.csv");
    ASSERT_EQ(c.size(), 3);
    EXPECT_EQ(c[0].formattedName, s(u"José García"))
        << "the byte order mark is not part of the first column's name";
    EXPECT_EQ(c[0].nicknames, QStringList {QStringLiteral("Pepe")});
    EXPECT_EQ(addresses(c[0]),
              (QStringList {QStringLiteral("jose.garcia@example.es"),
                            QStringLiteral("jgarcia@trabajo.example")}));
    EXPECT_EQ(c[1].formattedName, s(u"Małgorzata Wiśniewska"));
    EXPECT_EQ(c[1].organization, s(u"Przykład, sp. z o.o.")) << "a quoted comma";
    EXPECT_EQ(c[2].formattedName, QStringLiteral("newsletter@example.com"));
}

TEST(ContactImport, MalformedFilesAreRefusedWithTheirLines)
{
    const QString structure = refusal("malformed-structure.vcf");
    EXPECT_TRUE(structure.contains(QStringLiteral("line 9:"))) << structure;
    EXPECT_TRUE(structure.contains(QStringLiteral("line 11:"))) << structure;
    EXPECT_TRUE(structure.contains(QStringLiteral("nothing was imported"))) << structure;
    const QString address = refusal("malformed-address.vcf");
    EXPECT_TRUE(address.contains(QStringLiteral("line 9:"))) << address;
    const QString quote = refusal("malformed-quote.csv");
    EXPECT_TRUE(quote.contains(QStringLiteral("line 3:"))) << quote;
    EXPECT_TRUE(quote.contains(QStringLiteral("line 4:"))) << quote;
    EXPECT_LT(quote.indexOf(QStringLiteral("line 3:")), quote.indexOf(QStringLiteral("line 4:")))
        << "in line order: " << quote;
    const QString header = refusal("malformed-header.csv");
    EXPECT_TRUE(header.contains(QStringLiteral("line 1:"))) << header;
    EXPECT_FALSE(Core::ContactImport::parse(QByteArray()).ok()) << "an empty file";
}

TEST(ContactStore, ImportMergesDuplicatesByAddress)
{
    QTemporaryDir dir;
    Core::ContactStore store(dir.filePath(QStringLiteral("contacts.json")));
    ASSERT_TRUE(store.load().ok());
    for (const char *file : {"thunderbird-4.0.vcf", "google.csv", "duplicate-4.0.vcf"})
        for (const Contact &c : imported(file))
            store.merge(c);
    ASSERT_TRUE(store.save().ok());

    Core::ContactStore again(dir.filePath(QStringLiteral("contacts.json")));
    ASSERT_TRUE(again.load().ok());
    QList<Contact> ada;
    for (const Contact &c : again.contacts())
        if (c.hasEmail(QStringLiteral("ada@analytical.example")))
            ada << c;
    ASSERT_EQ(ada.size(), 1) << "one address, one contact";
    EXPECT_EQ(ada[0].formattedName, QStringLiteral("Lovelace, Ada")) << "the first name stays";
    EXPECT_EQ(addresses(ada[0]),
              (QStringList {QStringLiteral("ada@analytical.example"),
                            QStringLiteral("ada.lovelace@home.example"),
                            QStringLiteral("countess@lovelace.example")}));
    EXPECT_EQ(
        ada[0].groups,
        (QStringList {QStringLiteral("Mathematicians"), s(u"Fútbol"), QStringLiteral("Friends")}));
    EXPECT_EQ(again.contacts().size(), 4) << "José, Ada, Zoë, 李";
}

TEST(ContactStore, TwoStoresSavingAtOnceKeepBoth)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("contacts.json"));
    Core::ContactStore first(path);
    Core::ContactStore second(path);
    ASSERT_TRUE(first.load().ok());
    ASSERT_TRUE(second.load().ok());
    for (const Contact &c : imported("apple-3.0.vcf"))
        first.merge(c);
    for (const Contact &c : imported("outlook-2.1.vcf"))
        second.merge(c);
    ASSERT_TRUE(first.save().ok());
    ASSERT_TRUE(second.save().ok()) << "read again under the lock: the first store's contacts stay";
    Core::ContactStore reader(path);
    ASSERT_TRUE(reader.load().ok());
    EXPECT_EQ(reader.contacts().size(), 3);
}

TEST(VCard, ExportIsVersion4AndReadsBackTheSame)
{
    QList<Contact> all;
    for (const char *file :
         {"thunderbird-4.0.vcf", "apple-3.0.vcf", "outlook-2.1.vcf", "google.csv"})
        all << imported(file);
    const QByteArray written = Core::VCard::write(all);
    EXPECT_TRUE(written.startsWith("BEGIN:VCARD\r\nVERSION:4.0\r\n"));
    for (const QByteArray &line : written.split('\n'))
        EXPECT_LE(line.size(), 76) << "75 octets and the CR: " << line;
    auto back = Core::VCard::read(written);
    ASSERT_TRUE(back.ok()) << back.error().message();
    ASSERT_EQ(back->size(), all.size());
    for (qsizetype i = 0; i < all.size(); ++i) {
        Contact expected = all[i];
        expected.formattedName = expected.displayName(); // FN is always written
        EXPECT_EQ(back->at(i), expected) << "contact " << i << ": " << expected.displayName();
    }
}

TEST(RecipientCompletion, RankedByUseAndRecencyAndGroupsExpand)
{
    QList<Contact> book;
    for (const char *file : {"thunderbird-4.0.vcf", "apple-3.0.vcf"})
        book << imported(file);
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1750000000, Qt::UTC);
    const QList<Core::AddressBook::Entry> used = {
        {QString(), QStringLiteral("siobhan.obrien@university.example"), 10,
         now.addDays(-365)}, // often, long ago
        {QString(), QStringLiteral("ase@nordlys.example"), 3,
         now.addDays(-1)}, // a few times, lately
        {QStringLiteral("Stranger"), QStringLiteral("stranger@example.org"), 1, now.addDays(-2)},
    };
    const auto list = Core::recipientCompletions(book, used, now);
    ASSERT_GE(list.size(), 3);
    EXPECT_EQ(list[0].display, s(u"Åse Ødegård <ase@nordlys.example>"))
        << "three uses yesterday pass ten a year ago";
    EXPECT_EQ(list[1].display, QStringLiteral("Kolleger (group of 2)"))
        << "her group just after her";
    EXPECT_EQ(list[2].display, QStringLiteral("Stranger <stranger@example.org>"))
        << "an address written to, in no contact";

    const auto find = [&list](const QString &display) {
        return std::find_if(list.cbegin(), list.cend(), [&](const Core::RecipientCompletion &c) {
            return c.display == display;
        });
    };
    const auto ada = find(QStringLiteral("\"Lovelace, Ada\" <ada@analytical.example>"));
    ASSERT_NE(ada, list.cend());
    EXPECT_TRUE(ada->matchText.contains(QStringLiteral("Enchantress"))) << "found by nickname";
    const auto group = find(QStringLiteral("Kolleger (group of 2)"));
    ASSERT_NE(group, list.cend());
    EXPECT_EQ(group->kind, Core::RecipientCompletion::Kind::Group);
    EXPECT_EQ(group->insertText,
              s(u"Åse Ødegård <ase@nordlys.example>, \"Dr. Siobhán O'Brien\" "
                u"<siobhan.obrien@university.example>"))
        << "the members' names as the composer writes them (a period is quoted)";
    EXPECT_LT(group - list.cbegin(), ada - list.cbegin())
        << "a group ranks by its most written-to member";
    const auto adaAtHome = find(QStringLiteral("\"Lovelace, Ada\" <ada.lovelace@home.example>"));
    ASSERT_NE(adaAtHome, list.cend());
    EXPECT_EQ(adaAtHome - ada, 1) << "her preferred address (PREF=1) first";
}
