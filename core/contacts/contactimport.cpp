// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/contacts/contactimport.h"

#include "core/contacts/contactcsv.h"
#include "core/contacts/vcard.h"

#include <QCoreApplication>
#include <QFile>

namespace Core::ContactImport {

Result<QList<Contact>> parse(const QByteArray &data)
{
    return VCard::looksLikeVCard(data) ? VCard::read(data) : ContactCsv::read(data);
}

Result<QList<Contact>> readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        //: %1 is the system's reason
        return Error(Error::Code::FileUnreadable,
                     QCoreApplication::translate("Contacts", "The file cannot be read: %1")
                         .arg(file.errorString()));
    const QByteArray data = file.read(kMaxFileSize + 1);
    if (data.size() > kMaxFileSize)
        return Error(
            Error::Code::InvalidInput,
            QCoreApplication::translate(
                "Contacts", "The file is too large for an address book; nothing was imported."));
    return parse(data);
}

QList<Step> plan(const QList<Contact> &existing, const QList<Contact> &incoming)
{
    ContactList book(existing);
    QList<Step> steps;
    for (const Contact &c : incoming) {
        Step s {c, MergeAction::Added, {}};
        s.action = book.merge(c, &s.result);
        steps << s;
    }
    return steps;
}

} // namespace Core::ContactImport
