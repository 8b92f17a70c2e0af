// SPDX-License-Identifier: GPL-3.0-or-later
// The address book on the command line: import (with a preview), list and
// export. What a script needs goes to stdout (--json for machines), what
// went wrong to stderr, and the exit status says which (sysexits.h).
#include "app/clicontacts.h"

#include "app/cli.h"
#include "app/clisupport.h"
#include "core/contacts/contactimport.h"
#include "core/contacts/contactstore.h"
#include "core/contacts/vcard.h"
#include "core/mime/mailaddress.h"
#include "core/util/durablefile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>

namespace App {

namespace {

/// "Name <address>, other@address": one contact on one line.
QString oneLine(const Core::Contact &c)
{
    QStringList parts;
    for (const Core::ContactEmail &e : c.emails)
        parts << (parts.isEmpty() ? Core::MailAddress(c.displayName(), e.address).toDisplayString()
                                  : e.address);
    QString line = parts.isEmpty() ? c.displayName() : parts.join(QStringLiteral(", "));
    if (!c.groups.isEmpty())
        //: after a contact in `outpost contacts list`; %1 is a list of groups
        line += QStringLiteral("  ")
            + QCoreApplication::translate("CliContacts", "[%1]")
                  .arg(c.groups.join(QStringLiteral(", ")));
    return line;
}

/// Parses `args` for the sub-command `verb`; false when the command is done
/// (--help shown, or a usage error with `*code` set).
bool parseArgs(QCommandLineParser &parser, const QString &verb, const QStringList &args,
               int expectedFiles, int *code)
{
    parser.addHelpOption();
    const QString command = QStringLiteral("outpost contacts ") + verb;
    if (!parser.parse(QStringList {command} + args)) {
        *code = fail(parser.errorText(), ExitUsage);
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QString help = parser.helpText();
        help.replace(0, help.indexOf(u'\n'),
                     QStringLiteral("Usage: ") + command + QStringLiteral(" [options]")
                         + (expectedFiles > 0 ? QStringLiteral(" FILE") : QString()));
        out() << help;
        *code = ExitOk;
        return false;
    }
    if (parser.positionalArguments().size() != expectedFiles) {
        *code = fail(
            expectedFiles > 0
                ? QCoreApplication::translate(
                      "CliContacts", "give exactly one file (see 'outpost contacts %1 --help')")
                      .arg(verb)
                : QCoreApplication::translate("CliContacts", "'outpost contacts %1' takes no file")
                      .arg(verb),
            ExitUsage);
        return false;
    }
    return true;
}

int runImport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(
        QStringLiteral("file"),
        QCoreApplication::translate(
            "CliContacts", "A vCard (.vcf) or CSV file exported from another address book."));
    parser.addOption(
        {QStringLiteral("json"),
         QCoreApplication::translate(
             "CliContacts", "Machine-readable output: every contact and what happened to it.")});
    parser.addOption({QStringLiteral("dry-run"),
                      QCoreApplication::translate("CliContacts",
                                                  "Show what would be imported; change nothing.")});
    int code = 0;
    if (!parseArgs(parser, QStringLiteral("import"), args, 1, &code))
        return code;
    const QString file = parser.positionalArguments().constFirst();
    const bool json = parser.isSet(QStringLiteral("json"));
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));

    auto incoming = Core::ContactImport::readFile(file);
    if (!incoming)
        return fail(QDir::toNativeSeparators(file) + QStringLiteral(": ")
                        + incoming.error().message(),
                    exitCodeFor(incoming.error()));
    Core::ContactStore store;
    if (auto r = store.load(); !r)
        return fail(r.error());
    // The preview is the plan against the book as it is; the import itself
    // merges under the book's lock, so another process's import meanwhile
    // is kept (and may merge with these).
    const QList<Core::ContactImport::Step> steps
        = Core::ContactImport::plan(store.contacts(), incoming.value());
    if (!dryRun) {
        for (const Core::Contact &c : incoming.value())
            store.merge(c);
        if (auto r = store.save(); !r)
            return fail(r.error());
    }
    int added = 0;
    for (const auto &s : steps)
        added += s.action == Core::MergeAction::Added ? 1 : 0;
    const int merged = static_cast<int>(steps.size()) - added;
    if (json) {
        QJsonArray list;
        for (const auto &s : steps) {
            QJsonObject o {{QStringLiteral("action"),
                            s.action == Core::MergeAction::Added ? QStringLiteral("add")
                                                                 : QStringLiteral("merge")},
                           {QStringLiteral("contact"), s.incoming.toJson()}};
            if (s.action == Core::MergeAction::Merged)
                o.insert(QStringLiteral("into"), s.result.toJson());
            list << o;
        }
        out() << QJsonDocument(QJsonObject {{QStringLiteral("file"), file},
                                            {QStringLiteral("dry_run"), dryRun},
                                            {QStringLiteral("added"), added},
                                            {QStringLiteral("merged"), merged},
                                            {QStringLiteral("contacts"), list}})
                     .toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    for (const auto &s : steps) {
        if (s.action == Core::MergeAction::Added)
            out() << QStringLiteral("+ ") << oneLine(s.incoming) << Qt::endl;
        else
            //: %1 is an imported contact, %2 the contact already in the book it joins
            out() << QStringLiteral("= ")
                  << QCoreApplication::translate("CliContacts", "%1 (merged into %2)")
                         .arg(oneLine(s.incoming), s.result.displayName())
                  << Qt::endl;
    }
    //: %1 is a file name; the sentence continues with the numbers of added and merged contacts
    const QString summary
        = (dryRun ? QCoreApplication::translate("CliContacts", "Would import from %1:")
                  : QCoreApplication::translate("CliContacts", "Imported from %1:"))
              .arg(QDir::toNativeSeparators(file));
    out() << summary << u' '
          << QCoreApplication::translate("CliContacts", "%n new contact(s)", nullptr, added)
          << QStringLiteral(", ")
          << QCoreApplication::translate("CliContacts", "%n merged into existing ones", nullptr,
                                         merged)
          << u'.' << Qt::endl;
    if (dryRun)
        out() << QCoreApplication::translate("CliContacts", "Nothing was changed (--dry-run).")
              << Qt::endl;
    return ExitOk;
}

int runList(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(
        {QStringLiteral("json"),
         QCoreApplication::translate("CliContacts",
                                     "Machine-readable output: every field of every contact.")});
    int code = 0;
    if (!parseArgs(parser, QStringLiteral("list"), args, 0, &code))
        return code;
    Core::ContactStore store;
    if (auto r = store.load(); !r)
        return fail(r.error());
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray list;
        for (const Core::Contact &c : store.contacts())
            list << c.toJson();
        out() << QJsonDocument(QJsonObject {{QStringLiteral("contacts"), list}})
                     .toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    for (const Core::Contact &c : store.contacts())
        out() << oneLine(c) << Qt::endl;
    return ExitOk;
}

int runExport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(
        QStringLiteral("file"),
        QCoreApplication::translate("CliContacts",
                                    "The vCard 4.0 file to write, or - for standard output."));
    int code = 0;
    if (!parseArgs(parser, QStringLiteral("export"), args, 1, &code))
        return code;
    const QString file = parser.positionalArguments().constFirst();
    Core::ContactStore store;
    if (auto r = store.load(); !r)
        return fail(r.error());
    const QByteArray vcard = Core::VCard::write(store.contacts());
    if (file == QLatin1String("-")) {
        out().flush();
        fwrite(vcard.constData(), 1, static_cast<size_t>(vcard.size()), stdout);
        fflush(stdout);
        return ExitOk;
    }
    if (auto r = Core::Durable::writeFileAtomically(file, vcard); !r)
        return fail(r.error());
    const int count = static_cast<int>(store.contacts().size());
    //: %1 is a file name
    out() << QCoreApplication::translate("CliContacts", "Exported %n contact(s) to %1.", nullptr,
                                         count)
                 .arg(QDir::toNativeSeparators(file))
          << Qt::endl;
    return ExitOk;
}

} // namespace

int runContacts(const QStringList &args)
{
    const QString sub = args.value(0);
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("import"))
        return runImport(rest);
    if (sub == QLatin1String("list"))
        return runList(rest);
    if (sub == QLatin1String("export"))
        return runExport(rest);
    if (sub == QLatin1String("-h") || sub == QLatin1String("--help")) {
        out() << QCoreApplication::translate(
            "CliContacts",
            "Usage: outpost contacts import FILE [--json] [--dry-run]\n"
            "       outpost contacts list [--json]\n"
            "       outpost contacts export FILE\n"
            "Import vCard or CSV files exported from other address books, list the\n"
            "contacts, export them as vCard 4.0. Each command has --help.\n");
        return ExitOk;
    }
    return fail(
        QCoreApplication::translate(
            "CliContacts", "contacts: say import, list or export (see 'outpost contacts --help')"),
        ExitUsage);
}

} // namespace App
