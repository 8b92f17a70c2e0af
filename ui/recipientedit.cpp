// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/recipientedit.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QKeyEvent>
#include <QMimeData>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTextCursor>
#include <QTextLayout>

#include <algorithm>
#include <cmath>

namespace Gui {

RecipientCompletionModel::RecipientCompletionModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void RecipientCompletionModel::setCompletions(const QList<Core::RecipientCompletion> &completions)
{
    beginResetModel();
    m_items = completions;
    endResetModel();
}

void RecipientCompletionModel::setAddresses(const QStringList &addresses)
{
    QList<Core::RecipientCompletion> items;
    items.reserve(addresses.size());
    for (const QString &a : addresses)
        items << Core::RecipientCompletion{Core::RecipientCompletion::Kind::Address, a, a, a};
    setCompletions(items);
}

int RecipientCompletionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

QVariant RecipientCompletionModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const Core::RecipientCompletion &item = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return item.display;
    case Qt::EditRole:
        return item.matchText;
    case InsertRole:
        return item.insertText;
    default:
        return {};
    }
}

RecipientEdit::RecipientEdit(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_completer(new QCompleter(this))
{
    // Lines break where Unicode allows between words: after ", ", inside a
    // display name, after a hyphen; elsewhere in an address only when it
    // alone is wider than the field.
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setTabChangesFocus(true);
    // The margins of a one-line field, so that one line looks like one.
    document()->setDocumentMargin(2);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);

    m_completer->setWidget(this);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setMaxVisibleItems(8);
    // The row, not its text: the completer hands over the matched text
    // (Qt::EditRole), and a contact's row inserts something else.
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this,
            [this](const QModelIndex &index) {
                if (!index.isValid())
                    return;
                const QVariant insert = index.data(RecipientCompletionModel::InsertRole);
                takeCompletion(insert.isValid() ? insert.toString() : index.data(Qt::DisplayRole).toString());
            });
    connect(this, &QPlainTextEdit::textChanged, this, &RecipientEdit::onTextChanged);
}

RecipientEdit::~RecipientEdit() = default;

void RecipientEdit::setText(const QString &text)
{
    m_filling = true;
    setPlainText(oneLine(text));
    m_filling = false;
}

QStringList RecipientEdit::entries() const
{
    const QString all = text();
    QStringList out;
    for (const Span &s : spans(all)) {
        if (const QString one = all.mid(s.start, s.end - s.start).trimmed(); !one.isEmpty())
            out << one;
    }
    return out;
}

void RecipientEdit::appendEntries(const QStringList &entries)
{
    if (entries.isEmpty())
        return;
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    // After what is there, one separator: "a@x" or "a@x, " or "a@x," all
    // become "a@x, b@y".
    static const QRegularExpression trailing(QStringLiteral("[,;\\s]*$"));
    const QString all = text();
    const qsizetype keep = all.indexOf(trailing);
    m_completing = true; // chosen, not typed: no list of completions
    cursor.beginEditBlock();
    cursor.setPosition(static_cast<int>(keep), QTextCursor::KeepAnchor);
    cursor.insertText((keep > 0 ? QStringLiteral(", ") : QString()) + entries.join(QStringLiteral(", ")));
    cursor.endEditBlock();
    m_completing = false;
    setTextCursor(cursor);
}

void RecipientEdit::setCompletionModel(QAbstractItemModel *model)
{
    m_completer->setModel(model);
}

void RecipientEdit::setMaximumLines(int lines)
{
    lines = std::max(lines, 1);
    if (lines == m_maximumLines)
        return;
    m_maximumLines = lines;
    updateGeometry();
}

QSize RecipientEdit::sizeHint() const
{
    return {QPlainTextEdit::sizeHint().width(), heightFor(std::min(m_lines, m_maximumLines))};
}

QSize RecipientEdit::minimumSizeHint() const
{
    return {QPlainTextEdit::minimumSizeHint().width(), heightFor(1)};
}

void RecipientEdit::keyPressEvent(QKeyEvent *event)
{
    const int key = event->key();
    const bool open = m_completer->popup()->isVisible();
    // The completer's open list takes these keys itself (it hands them here
    // first): Return and Tab take the highlighted address, Escape closes it.
    if (open
        && (key == Qt::Key_Return || key == Qt::Key_Enter || key == Qt::Key_Escape
            || key == Qt::Key_Tab || key == Qt::Key_Backtab)) {
        event->ignore();
        return;
    }
    // One list, not lines of text: Return goes to the window as it does from
    // a one-line field (Ctrl+Return, the Send shortcut, never arrives here).
    if (key == Qt::Key_Return || key == Qt::Key_Enter) {
        event->ignore();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

void RecipientEdit::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    updateLines();
}

void RecipientEdit::insertFromMimeData(const QMimeData *source)
{
    if (source && source->hasText())
        insertPlainText(oneLine(source->text()));
}

QList<RecipientEdit::Span> RecipientEdit::spans(const QString &text)
{
    // Commas and semicolons separate entries, except inside a quoted
    // display name ("Lovelace, Ada" <ada@example.org>).
    QList<Span> out;
    bool quoted = false;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar ch = text.at(i);
        if (ch == u'"') {
            quoted = !quoted;
        } else if ((ch == u',' || ch == u';') && !quoted) {
            out.append({start, i});
            start = i + 1;
        }
    }
    out.append({start, text.size()});
    return out;
}

QString RecipientEdit::oneLine(const QString &text)
{
    // A list pasted one address a line: each line an entry. Text without
    // line breaks goes in as it is.
    static const QRegularExpression lineBreaks(QStringLiteral("[\\r\\n\\x{2028}\\x{2029}]+"));
    static const QRegularExpression trailingSeparator(QStringLiteral("[,;\\s]+$"));
    if (!text.contains(lineBreaks))
        return QString(text).replace(u'\t', u' ');
    QStringList entries;
    for (QString line : text.split(lineBreaks, Qt::SkipEmptyParts)) {
        line.replace(u'\t', u' ');
        line.remove(trailingSeparator);
        if (!line.trimmed().isEmpty())
            entries << line;
    }
    return entries.join(QStringLiteral(", "));
}

RecipientEdit::Span RecipientEdit::spanAtCursor() const
{
    const qsizetype at = textCursor().position();
    const QList<Span> all = spans(text());
    const auto it = std::find_if(all.cbegin(), all.cend(),
                                 [at](const Span &s) { return at >= s.start && at <= s.end; });
    return it != all.cend() ? *it : Span {at, at};
}

int RecipientEdit::linesAt(qreal width) const
{
    // Laid out as the editor lays out its text (the same font, wrapping and
    // margins), so that the height follows every line break it makes.
    QTextLayout layout(text(), document()->defaultFont());
    layout.setTextOption(document()->defaultTextOption());
    const qreal available = std::max<qreal>(width - 2 * document()->documentMargin(), 1);
    int lines = 0;
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(available);
        ++lines;
    }
    layout.endLayout();
    return std::max(lines, 1);
}

int RecipientEdit::heightFor(int lines) const
{
    const QFontMetricsF metrics(document()->defaultFont());
    const QMargins frame = contentsMargins();
    const QMargins around = viewportMargins();
    // The editor shows every line only with a pixel to spare below the
    // margins; without it, it scrolls the first line away.
    const qreal text = lines * metrics.lineSpacing() + 2 * document()->documentMargin() + 1;
    return static_cast<int>(std::ceil(text)) + frame.top() + frame.bottom() + around.top()
        + around.bottom();
}

void RecipientEdit::onTextChanged()
{
    updateLines();
    if (m_filling)
        return;
    Q_EMIT edited();
    if (!m_completing && hasFocus())
        offerCompletions();
}

void RecipientEdit::updateLines()
{
    const int lines = linesAt(viewport()->width());
    if (lines == m_lines)
        return;
    m_lines = lines;
    updateGeometry();
    Q_EMIT lineCountChanged(lines);
}

void RecipientEdit::offerCompletions()
{
    // What has been typed of the entry at the cursor.
    const Span span = spanAtCursor();
    const QString typed = text().mid(span.start, textCursor().position() - span.start).trimmed();
    if (typed.isEmpty() || !m_completer->model()) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->setCompletionPrefix(typed);
    if (m_completer->completionCount() == 0) {
        m_completer->popup()->hide();
        return;
    }
    QRect below = cursorRect();
    below.setWidth(std::max(m_completer->popup()->sizeHintForColumn(0)
                                + m_completer->popup()->verticalScrollBar()->sizeHint().width(),
                            viewport()->width() / 2));
    m_completer->complete(below);
}

void RecipientEdit::takeCompletion(const QString &chosen)
{
    // The chosen address replaces the whole entry the cursor is in.
    const Span span = spanAtCursor();
    QTextCursor cursor = textCursor();
    m_completing = true;
    cursor.beginEditBlock();
    cursor.setPosition(static_cast<int>(span.start));
    cursor.setPosition(static_cast<int>(span.end), QTextCursor::KeepAnchor);
    cursor.insertText(span.start > 0 ? QStringLiteral(" ") + chosen : chosen);
    cursor.endEditBlock();
    m_completing = false;
    setTextCursor(cursor);
}

} // namespace Gui
