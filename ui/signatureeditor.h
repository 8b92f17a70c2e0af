// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

namespace Gui {

class MessageEditor;

/**
 * An identity's signature, edited as formatted text with the composer's
 * formatting bar (issue 22). What is kept: the HTML (MessageHtml's clean
 * subset, only when there is formatting, else none) and the plain text
 * derived from the same document, for plain-text messages.
 */
class SignatureEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignatureEditor)
public:
    explicit SignatureEditor(QWidget *parent = nullptr);
    ~SignatureEditor() override;

    /// Shows the formatted signature when there is one, else the plain one.
    void setSignature(const QString &plain, const QString &html);
    [[nodiscard]] QString plainSignature() const;
    /// Empty when the signature has no formatting: the plain one is enough.
    [[nodiscard]] QString htmlSignature() const;
    [[nodiscard]] MessageEditor *editor() const { return m_editor; }

private:
    MessageEditor *m_editor = nullptr;
};

} // namespace Gui
