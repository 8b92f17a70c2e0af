// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/contacts/recipientcompletion.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace Gui {

/**
 * Chooses recipients from the address book: a search over names,
 * nicknames, addresses, organisations and groups, a group filter, and To,
 * Cc and Bcc buttons that hand the selected addresses to the composer. It
 * stays open for more until closed. Built from the same rows the
 * recipient fields complete from (best first), so it needs no store.
 */
class ContactPicker final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContactPicker)
public:
    enum class Field { To, Cc, Bcc };
    Q_ENUM(Field)

    explicit ContactPicker(const QList<Core::RecipientCompletion> &rows, QWidget *parent = nullptr);

Q_SIGNALS:
    /// "Name <address>" entries for a recipient field.
    void chosen(Gui::ContactPicker::Field field, const QStringList &entries);

private:
    void filter();
    void updateButtons();
    void choose(Field field);

    QList<Core::RecipientCompletion> m_people; ///< address rows
    QList<Core::RecipientCompletion> m_groups;
    QLineEdit *m_search = nullptr;
    QComboBox *m_group = nullptr;
    QListWidget *m_list = nullptr;
    QList<QPushButton *> m_fieldButtons;
};

} // namespace Gui
