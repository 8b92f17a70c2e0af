// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QToolBar>

class QAction;
class QActionGroup;
class QMenu;
class QTextCharFormat;
class QTextCursor;
class QTextEdit;
class QTextList;

namespace Gui {

/**
 * The formatting bar of a formatted message: the actions that format the
 * text of one QTextEdit, their icons, shortcuts and tooltips, and their
 * state following the cursor (Bold is checked in bold text, Numbered List in
 * a numbered list…). The composer shows the bar and puts the same actions in
 * its Format menu (formatMenuActions()).
 *
 * What the actions make is the subset MessageHtml sends and HtmlSanitizer
 * keeps of pasted HTML (docs/design/RICHTEXT.md). Shortcuts:
 *
 *   Bold Ctrl+B, Italic Ctrl+I, Underline Ctrl+U, Strikethrough Alt+Shift+5,
 *   Smaller Ctrl+<, Larger Ctrl+>, Bulleted List Ctrl+Shift+8 (and
 *   Ctrl+Shift+L), Numbered List Ctrl+Shift+7, Indent Ctrl+], Outdent Ctrl+[
 *   (Tab and Shift+Tab in a list), Quote Ctrl+Shift+9, Link Ctrl+K, Remove
 *   Formatting Ctrl+\ (and Ctrl+Space).
 */
class FormatBar final : public QToolBar
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FormatBar)

public:
    FormatBar(QTextEdit *editor, QWidget *parent);
    ~FormatBar() override;

    /// The actions for the Format menu, in the bar's order (with the colour
    /// and size menus as submenus).
    [[nodiscard]] QList<QAction *> formatMenuActions() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QAction *addFormatAction(const QString &text, const QString &icon,
                             const QList<QKeySequence> &keys, const char *name);
    void keepShortcutToEditor(QAction *action);
    void createColourMenu();
    void createSizeMenu();
    void followCursor();

    void setBold(bool on);
    void setSize(int adjustment);
    void stepSize(int step);
    void setColour(const QColor &colour);
    void toggleList(bool numbered);
    void indent();
    void outdent();
    void changeLevel(int step);
    void toggleQuote();
    void editLink();
    void removeFormatting();

    /// Applies `change` to the selected text, or to what is typed next.
    void changeCharFormat(const std::function<void(QTextCharFormat &)> &change);

    QTextEdit *m_editor;
    QAction *m_bold = nullptr;
    QAction *m_italic = nullptr;
    QAction *m_underline = nullptr;
    QAction *m_strike = nullptr;
    QAction *m_colour = nullptr;
    QAction *m_size = nullptr;
    QActionGroup *m_sizes = nullptr;
    QAction *m_bullets = nullptr;
    QAction *m_numbers = nullptr;
    QAction *m_indent = nullptr;
    QAction *m_outdent = nullptr;
    QAction *m_quote = nullptr;
    QAction *m_link = nullptr;
    QAction *m_clear = nullptr;
};

} // namespace Gui
