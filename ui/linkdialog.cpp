// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/linkdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace Gui {

LinkDialog::LinkDialog(const QString &text, const QString &address, bool existing, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("LinkDialog"));
    setWindowTitle(existing ? tr("Edit Link") : tr("Insert Link"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_text = new QLineEdit(text, this);
    m_text->setObjectName(QStringLiteral("linkText"));
    m_text->setAccessibleName(tr("Text"));
    m_address = new QLineEdit(address, this);
    m_address->setObjectName(QStringLiteral("linkAddress"));
    m_address->setAccessibleName(tr("Address"));
    m_address->setPlaceholderText(tr("https://example.org"));
    form->addRow(tr("&Text:"), m_text);
    form->addRow(tr("&Address:"), m_address);
    layout->addLayout(form);
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->hide();
    layout->addWidget(m_problem);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    if (existing) {
        QPushButton *remove
            = buttons->addButton(tr("&Remove Link"), QDialogButtonBox::DestructiveRole);
        remove->setObjectName(QStringLiteral("removeLink"));
        connect(remove, &QPushButton::clicked, this, [this] {
            m_outcome = Outcome::Removed;
            accept();
        });
    }
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        m_outcome = Outcome::Set;
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_address, &QLineEdit::textChanged, this, &LinkDialog::validate);
    connect(m_text, &QLineEdit::textChanged, this, &LinkDialog::validate);
    validate();
    // The text is usually the selection already: the address is what is asked.
    (text.isEmpty() ? m_text : m_address)->setFocus();
}

LinkDialog::~LinkDialog() = default;

QString LinkDialog::text() const
{
    const QString t = m_text->text().trimmed();
    return t.isEmpty() ? m_address->text().trimmed() : t;
}

QUrl LinkDialog::url() const
{
    return linkTarget(m_address->text());
}

QUrl LinkDialog::linkTarget(const QString &typed)
{
    const QString t = typed.trimmed();
    if (t.isEmpty())
        return {};
    QUrl url;
    static const QRegularExpression address(QStringLiteral(R"(^[^@\s:/]+@[^@\s:/]+\.[^@\s:/]+$)"));
    if (address.match(t).hasMatch())
        url = QUrl(QStringLiteral("mailto:") + t);
    else if (QUrl(t).scheme().isEmpty() || !t.contains(u':'))
        url = QUrl(QStringLiteral("https://") + t);
    else
        url = QUrl(t, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    const bool web = scheme == QLatin1String("https") || scheme == QLatin1String("http");
    if (!url.isValid() || (web && url.host().isEmpty())
        || !(web || scheme == QLatin1String("mailto") || scheme == QLatin1String("tel")))
        return {};
    return url;
}

void LinkDialog::validate()
{
    const bool typed = !m_address->text().trimmed().isEmpty();
    const bool ok = url().isValid();
    m_ok->setEnabled(ok);
    m_problem->setVisible(typed && !ok);
    m_problem->setText(
        tr("A link goes to a web page (https://…), a mail address or a phone number (tel:…)."));
}

} // namespace Gui
