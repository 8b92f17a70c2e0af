// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QUrl>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Gui {

/**
 * Asks for a link's text and address (Format > Link…, Ctrl+K). Editing an
 * existing link also offers to remove it. Only addresses a message may link
 * to are accepted: web (a bare "example.org" becomes https), mail and phone.
 */
class LinkDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LinkDialog)

public:
    enum class Outcome { Cancelled, Set, Removed };
    Q_ENUM(Outcome)

    LinkDialog(const QString &text, const QString &address, bool existing,
               QWidget *parent = nullptr);
    ~LinkDialog() override;

    [[nodiscard]] QString text() const;
    [[nodiscard]] QUrl url() const;
    [[nodiscard]] Outcome outcome() const { return m_outcome; }

    /// The address as a link target, or an invalid URL when it cannot be one.
    [[nodiscard]] static QUrl linkTarget(const QString &typed);

private:
    void validate();

    QLineEdit *m_text = nullptr;
    QLineEdit *m_address = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_ok = nullptr;
    Outcome m_outcome = Outcome::Cancelled;
};

} // namespace Gui
