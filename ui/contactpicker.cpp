// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/contactpicker.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace Gui {

ContactPicker::ContactPicker(const QList<Core::RecipientCompletion> &rows, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("contactPicker"));
    setWindowTitle(tr("Contacts"));
    for (const Core::RecipientCompletion &row : rows)
        (row.kind == Core::RecipientCompletion::Kind::Group ? m_groups : m_people) << row;

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("contactSearch"));
    m_search->setClearButtonEnabled(true);
    m_search->setPlaceholderText(tr("Name, nickname, address or group"));
    m_search->setAccessibleName(tr("Search contacts"));
    m_group = new QComboBox(this);
    m_group->setObjectName(QStringLiteral("contactGroup"));
    m_group->setAccessibleName(tr("Group"));
    m_group->addItem(tr("All contacts"));
    for (const Core::RecipientCompletion &g : std::as_const(m_groups))
        m_group->addItem(g.display, g.matchText);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("contactList"));
    m_list->setAccessibleName(tr("Contacts"));
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);

    auto *form = new QFormLayout;
    auto *searchLabel = new QLabel(tr("&Search:"), this);
    searchLabel->setBuddy(m_search);
    form->addRow(searchLabel, m_search);
    auto *groupLabel = new QLabel(tr("&Group:"), this);
    groupLabel->setBuddy(m_group);
    form->addRow(groupLabel, m_group);

    auto *buttons = new QDialogButtonBox(this);
    //: adds the selected contacts to the To field
    m_fieldButtons << buttons->addButton(tr("&To"), QDialogButtonBox::ActionRole);
    //: adds the selected contacts to the Cc field
    m_fieldButtons << buttons->addButton(tr("&Cc"), QDialogButtonBox::ActionRole);
    //: adds the selected contacts to the Bcc field
    m_fieldButtons << buttons->addButton(tr("&Bcc"), QDialogButtonBox::ActionRole);
    m_fieldButtons[0]->setAccessibleName(tr("Add to To"));
    m_fieldButtons[1]->setAccessibleName(tr("Add to Cc"));
    m_fieldButtons[2]->setAccessibleName(tr("Add to Bcc"));
    const Field fields[] = {Field::To, Field::Cc, Field::Bcc};
    for (int i = 0; i < 3; ++i) {
        m_fieldButtons[i]->setAutoDefault(false);
        connect(m_fieldButtons[i], &QPushButton::clicked, this,
                [this, field = fields[i]] { choose(field); });
    }
    // Escape closes; Close keeps no mnemonic, which would take Cc's letter.
    buttons->addButton(QDialogButtonBox::Close)->setText(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);

    connect(m_search, &QLineEdit::textChanged, this, &ContactPicker::filter);
    connect(m_group, &QComboBox::currentIndexChanged, this, &ContactPicker::filter);
    connect(m_list, &QListWidget::itemSelectionChanged, this, &ContactPicker::updateButtons);
    // Return in the list (or a double click) is "To", as the first choice.
    connect(m_list, &QListWidget::itemActivated, this, [this] { choose(Field::To); });
    filter();
    resize(520, 420);
}

void ContactPicker::filter()
{
    const QString typed = m_search->text().trimmed();
    // A group filter shows its members: the rows its insert text names.
    QStringList members;
    if (m_group->currentIndex() > 0) {
        const QString group = m_group->currentData().toString();
        for (const Core::RecipientCompletion &g : std::as_const(m_groups))
            if (g.matchText == group)
                members = g.insertText.split(QStringLiteral(", "));
    }
    m_list->clear();
    for (const Core::RecipientCompletion &row : std::as_const(m_people)) {
        if (!typed.isEmpty() && !row.matchText.contains(typed, Qt::CaseInsensitive))
            continue;
        if (m_group->currentIndex() > 0 && !members.contains(row.insertText))
            continue;
        auto *item = new QListWidgetItem(row.display, m_list);
        item->setData(Qt::UserRole, row.insertText);
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0); // selected: a button (or Return) takes the best match at once
    updateButtons();
}

void ContactPicker::updateButtons()
{
    const bool any = !m_list->selectedItems().isEmpty();
    for (QPushButton *b : std::as_const(m_fieldButtons))
        b->setEnabled(any);
}

void ContactPicker::choose(Field field)
{
    QStringList entries;
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->isSelected())
            entries << m_list->item(i)->data(Qt::UserRole).toString();
    }
    if (!entries.isEmpty())
        Q_EMIT chosen(field, entries);
}

} // namespace Gui
