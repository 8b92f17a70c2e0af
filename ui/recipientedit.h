// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/contacts/recipientcompletion.h"

#include <QAbstractListModel>
#include <QPlainTextEdit>

class QAbstractItemModel;
class QCompleter;

namespace Gui {

/**
 * What the recipient fields offer while an entry is typed: each row shows
 * "Name <address>" (or a group), is found by anything in its match text
 * (name, nicknames, address, organisation, groups: the completer matches
 * Qt::EditRole), and puts InsertRole into the field: a group its members.
 * Rows stay in the order given, best first.
 */
class RecipientCompletionModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecipientCompletionModel)
public:
    enum Role { InsertRole = Qt::UserRole + 1 };

    explicit RecipientCompletionModel(QObject *parent = nullptr);

    void setCompletions(const QList<Core::RecipientCompletion> &completions);
    [[nodiscard]] const QList<Core::RecipientCompletion> &completions() const { return m_items; }
    /// Plain "Name <address>" strings: shown, matched and inserted as they are.
    void setAddresses(const QStringList &addresses);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;

private:
    QList<Core::RecipientCompletion> m_items;
};

/**
 * A list of recipients ("Ada <ada@example.org>, bob@example.org") that wraps
 * between its addresses and grows a line at a time with them, up to
 * maximumLines(); beyond that it scrolls. It shrinks back as they go.
 *
 * It stays one list, never lines of text: Return adds no line break (it goes
 * to the window, as in a one-line field), pasted lines become entries, and
 * Tab moves on to the next field. The entry at the cursor is completed
 * from the model's rows (contacts, groups, addresses used before), matched
 * anywhere in their Qt::EditRole text; a chosen row puts in its
 * RecipientCompletionModel::InsertRole text when it has one.
 */
class RecipientEdit final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecipientEdit)
public:
    explicit RecipientEdit(QWidget *parent = nullptr);
    ~RecipientEdit() override;

    [[nodiscard]] QString text() const { return toPlainText(); }
    /// Fills the list in (not typed: edited() is not emitted, and undo
    /// starts from here). Line breaks become commas.
    void setText(const QString &text);
    /// Adds entries at the end of the list, as an edit of the person's
    /// (edited() is emitted; undo takes them out again).
    void appendEntries(const QStringList &entries);
    /// The entries as typed: separated by commas or semicolons outside
    /// quotes, without the spaces around them; empty ones left out.
    [[nodiscard]] QStringList entries() const;

    /// What is offered while an entry is typed (a RecipientCompletionModel,
    /// or any list of "Name <address>" strings).
    void setCompletionModel(QAbstractItemModel *model);
    [[nodiscard]] QCompleter *completer() const { return m_completer; }

    /// It grows to this many lines, then scrolls.
    void setMaximumLines(int lines);
    [[nodiscard]] int maximumLines() const { return m_maximumLines; }
    /// The lines the text takes at the field's present width.
    [[nodiscard]] int lineCount() const { return m_lines; }

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

Q_SIGNALS:
    /// The person changed the list: typing, pasting, a completion, undo.
    void edited();
    /// The text takes another number of lines (typed, filled in, resized).
    void lineCountChanged(int lines);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void insertFromMimeData(const QMimeData *source) override;

private:
    /// One entry: the characters between two separators, [start, end).
    struct Span
    {
        qsizetype start = 0;
        qsizetype end = 0;
    };
    [[nodiscard]] static QList<Span> spans(const QString &text);
    [[nodiscard]] static QString oneLine(const QString &text);
    [[nodiscard]] Span spanAtCursor() const;
    [[nodiscard]] int linesAt(qreal width) const;
    [[nodiscard]] int heightFor(int lines) const;
    void onTextChanged();
    void updateLines();
    void offerCompletions();
    void takeCompletion(const QString &chosen);

    QCompleter *m_completer = nullptr;
    int m_maximumLines = 5;
    int m_lines = 1;
    bool m_filling = false; ///< setText() at work: not the person's change
    bool m_completing = false; ///< a chosen completion going in: offer nothing
};

} // namespace Gui
