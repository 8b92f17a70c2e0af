// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/signatureeditor.h"

#include "ui/formatbar.h"
#include "ui/htmlsanitizer.h"
#include "ui/messageeditor.h"
#include "ui/messagehtml.h"

#include <QAction>
#include <QVBoxLayout>

namespace Gui {

SignatureEditor::SignatureEditor(QWidget *parent)
    : QWidget(parent)
{
    m_editor = new MessageEditor(this);
    m_editor->setObjectName(QStringLiteral("signatureEdit"));
    m_editor->setAccessibleName(tr("Signature"));
    m_editor->setTabChangesFocus(true);
    // A few lines: a signature is short.
    m_editor->setFixedHeight(m_editor->fontMetrics().lineSpacing() * 5 + 12);
    auto *bar = new FormatBar(m_editor, this);
    bar->setObjectName(QStringLiteral("signatureFormatBar"));
    bar->setIconSize(QSize(16, 16));
    // The bar's shortcuts act while the signature has the keyboard, not
    // while the person types a password elsewhere in the same dialog.
    for (QAction *a : bar->actions()) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_editor->addAction(a);
    }
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(bar);
    layout->addWidget(m_editor);
    setFocusProxy(m_editor);
}

SignatureEditor::~SignatureEditor() = default;

void SignatureEditor::setSignature(const QString &plain, const QString &html)
{
    if (html.isEmpty())
        m_editor->setPlainText(plain);
    else
        m_editor->setHtml(HtmlSanitizer::sanitize(html)); // the accounts file may say anything
}

QString SignatureEditor::plainSignature() const
{
    return MessageHtml::plainText(*m_editor->document()).trimmed();
}

QString SignatureEditor::htmlSignature() const
{
    return MessageHtml::hasFormatting(*m_editor->document()) ? MessageHtml::html(*m_editor->document()) : QString();
}

} // namespace Gui
