// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/spellhighlighter.h"

#include "ui/spellchecker.h"

#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextEdit>

#include <climits>
#include <optional>

namespace Gui {

namespace {

// Time checking may take in one go: well inside a 60 Hz frame (16 ms), with
// room for the editor's own layout and painting.
constexpr qint64 TurnBudgetMs = 4;
constexpr qint64 SliceBudgetMs = 6;
// After a keystroke the count in the status bar follows a little later.
constexpr int CountDelayMs = 150;
constexpr int MaxSuggestions = 8;

struct BlockResult final : QTextBlockUserData
{
    QString text;
    quint64 generation = 0;
    QList<SpellTokenizer::Word> misses;
};

BlockResult *resultOf(const QTextBlock &block) { return static_cast<BlockResult *>(block.userData()); }

QTextDocument *documentOf(QWidget *editor)
{
    if (auto *plain = qobject_cast<QPlainTextEdit *>(editor))
        return plain->document();
    return qobject_cast<QTextEdit *>(editor)->document();
}

} // namespace

SpellHighlighter::SpellHighlighter(SpellChecker *checker, QWidget *editor)
    : QSyntaxHighlighter(documentOf(editor))
    , m_checker(checker)
    , m_editor(editor)
{
    // The platform's spelling underline (wavy on Linux and Windows) in red.
    m_format.setUnderlineStyle(QTextCharFormat::SpellCheckUnderline);
    m_format.setUnderlineColor(QColor(0xd0, 0x10, 0x10));
    m_slice.setSingleShot(true);
    connect(&m_slice, &QTimer::timeout, this, &SpellHighlighter::runSlice);
    connect(checker, &SpellChecker::invalidated, this, &SpellHighlighter::restale);
    connect(checker, &SpellChecker::stateChanged, this, &SpellHighlighter::restale);
    editor->installEventFilter(this);
    viewport()->installEventFilter(this);
    restale();
}

SpellHighlighter::~SpellHighlighter() = default;

QWidget *SpellHighlighter::viewport() const
{
    if (auto *plain = qobject_cast<QPlainTextEdit *>(m_editor))
        return plain->viewport();
    return static_cast<QTextEdit *>(m_editor)->viewport();
}

QTextCursor SpellHighlighter::cursorAt(const QPoint &viewportPos) const
{
    if (auto *plain = qobject_cast<QPlainTextEdit *>(m_editor))
        return plain->cursorForPosition(viewportPos);
    return static_cast<QTextEdit *>(m_editor)->cursorForPosition(viewportPos);
}

QTextCursor SpellHighlighter::editorCursor() const
{
    if (auto *plain = qobject_cast<QPlainTextEdit *>(m_editor))
        return plain->textCursor();
    return static_cast<QTextEdit *>(m_editor)->textCursor();
}

QRect SpellHighlighter::cursorRect() const
{
    if (auto *plain = qobject_cast<QPlainTextEdit *>(m_editor))
        return plain->cursorRect();
    return static_cast<QTextEdit *>(m_editor)->cursorRect();
}

QMenu *SpellHighlighter::standardMenu(const QPoint &viewportPos) const
{
    if (auto *plain = qobject_cast<QPlainTextEdit *>(m_editor))
        return plain->createStandardContextMenu(viewportPos);
    return static_cast<QTextEdit *>(m_editor)->createStandardContextMenu(viewportPos);
}

void SpellHighlighter::setActive(bool on)
{
    if (m_active == on)
        return;
    m_active = on;
    restale();
}

void SpellHighlighter::restale()
{
    // Nothing is redone here: the slices recheck each block (those in view
    // first) and replace its underlines, so a long text never stalls.
    ++m_generation;
    m_scanFrom = 0;
    schedule(0, true);
}

QList<SpellTokenizer::Word> SpellHighlighter::check(const QString &text, bool always)
{
    QList<SpellTokenizer::Word> misses;
    if (!m_active && !always)
        return misses;
    for (const SpellTokenizer::Word &w : SpellTokenizer::words(text)) {
        if (m_checker->isMisspelled(text.mid(w.start, w.length)))
            misses.append(w);
    }
    return misses;
}

std::optional<QList<SpellTokenizer::Word>> SpellHighlighter::checkWithin(const QString &text, const QElapsedTimer &clock,
                                                                         qint64 budgetMs)
{
    QList<SpellTokenizer::Word> misses;
    if (!m_active)
        return misses;
    const QList<SpellTokenizer::Word> words = SpellTokenizer::words(text);
    for (qsizetype i = 0; i < words.size(); ++i) {
        // Out of time in a long paragraph: given up for now. The answers so
        // far stay in the checker's cache, so the next try gets further.
        if (i % 16 == 15 && clock.elapsed() >= budgetMs)
            return std::nullopt;
        if (m_checker->isMisspelled(text.mid(words[i].start, words[i].length)))
            misses.append(words[i]);
    }
    return misses;
}

bool SpellHighlighter::isStale(const QTextBlock &block) const
{
    const BlockResult *r = resultOf(block);
    return !r || r->generation != m_generation || r->text != block.text();
}

void SpellHighlighter::highlightBlock(const QString &text)
{
    auto *result = static_cast<BlockResult *>(currentBlockUserData());
    if (!result || result->generation != m_generation || result->text != text) {
        if (!m_inTurn) {
            m_inTurn = true;
            m_turn.start();
            QMetaObject::invokeMethod(this, [this] { m_inTurn = false; }, Qt::QueuedConnection);
        }
        if (m_turn.elapsed() >= TurnBudgetMs) {
            // Later, in a slice; until then the block shows no underlines
            // rather than ones at the wrong places.
            schedule(currentBlock().blockNumber(), true);
            return;
        }
        auto misses = checkWithin(text, m_turn, TurnBudgetMs);
        if (!misses) {
            schedule(currentBlock().blockNumber(), true);
            return;
        }
        result = new BlockResult;
        result->text = text;
        result->generation = m_generation;
        result->misses = std::move(*misses);
        setCurrentBlockUserData(result);
        schedule(currentBlock().blockNumber(), false);
    }
    for (const SpellTokenizer::Word &w : std::as_const(result->misses))
        setFormat(static_cast<int>(w.start), static_cast<int>(w.length), m_format);
}

void SpellHighlighter::schedule(int blockNumber, bool pending)
{
    m_scanFrom = std::min(m_scanFrom, blockNumber);
    if (pending) {
        setProgress(m_active && m_checker->state() == SpellChecker::State::Ready ? Progress::Checking : Progress::Off);
        if (!m_slice.isActive() || m_slice.remainingTime() > 0)
            m_slice.start(0);
    } else if (!m_slice.isActive()) {
        m_slice.start(CountDelayMs); // only the count is left to update
    }
}

void SpellHighlighter::runSlice()
{
    QElapsedTimer clock;
    clock.start();
    // Checks a block and draws its underlines; false when time ran out.
    const auto recheck = [this, &clock](const QTextBlock &block) {
        const QString text = block.text();
        auto misses = checkWithin(text, clock, SliceBudgetMs);
        if (!misses)
            return false;
        auto *result = new BlockResult;
        result->text = text;
        result->generation = m_generation;
        result->misses = std::move(*misses);
        QTextBlock target = block;
        target.setUserData(result);
        rehighlightBlock(block); // applies the result just stored
        return true;
    };
    // The blocks in view first: what the person looks at is right soonest.
    const QWidget *view = viewport();
    QTextBlock first = cursorAt(QPoint(0, 0)).block();
    const QTextBlock last = cursorAt(QPoint(view->width(), view->height())).block();
    for (QTextBlock b = first; b.isValid(); b = b.next()) {
        if ((isStale(b) && !recheck(b)) || (b != last && clock.elapsed() >= SliceBudgetMs)) {
            m_slice.start(0);
            return;
        }
        if (b == last)
            break;
    }
    QTextBlock b = document()->findBlockByNumber(m_scanFrom);
    while (b.isValid()) {
        if (isStale(b) && !recheck(b)) {
            m_scanFrom = b.blockNumber(); // this block again, further on
            m_slice.start(0);
            return;
        }
        b = b.next();
        if (clock.elapsed() >= SliceBudgetMs && b.isValid()) {
            m_scanFrom = b.blockNumber();
            m_slice.start(0);
            return;
        }
    }
    m_scanFrom = INT_MAX;
    int count = 0;
    for (QTextBlock block = document()->firstBlock(); block.isValid(); block = block.next()) {
        if (const BlockResult *r = resultOf(block))
            count += static_cast<int>(r->misses.size());
    }
    m_misspelled = count;
    m_progress = m_active && m_checker->state() == SpellChecker::State::Ready ? Progress::Done : Progress::Off;
    Q_EMIT progressChanged(m_progress, m_misspelled);
}

void SpellHighlighter::setProgress(Progress progress)
{
    if (m_progress == progress)
        return;
    m_progress = progress;
    Q_EMIT progressChanged(m_progress, m_misspelled);
}

QStringList SpellHighlighter::misspelledWords()
{
    QStringList out;
    for (QTextBlock b = document()->firstBlock(); b.isValid(); b = b.next()) {
        const QString text = b.text();
        const BlockResult *r = resultOf(b);
        const QList<SpellTokenizer::Word> misses = m_active && r && !isStale(b) ? r->misses : check(text, true);
        for (const SpellTokenizer::Word &w : misses) {
            const QString word = text.mid(w.start, w.length);
            if (!out.contains(word))
                out << word;
        }
    }
    return out;
}

void SpellHighlighter::selectFirstMisspelled()
{
    for (QTextBlock b = document()->firstBlock(); b.isValid(); b = b.next()) {
        const QList<SpellTokenizer::Word> misses = check(b.text(), true);
        if (misses.isEmpty())
            continue;
        QTextCursor c(b);
        c.setPosition(b.position() + static_cast<int>(misses.first().start));
        c.setPosition(b.position() + static_cast<int>(misses.first().start + misses.first().length), QTextCursor::KeepAnchor);
        if (auto *plain = qobject_cast<QPlainTextEdit *>(m_editor))
            plain->setTextCursor(c);
        else
            static_cast<QTextEdit *>(m_editor)->setTextCursor(c);
        m_editor->setFocus(Qt::OtherFocusReason);
        return;
    }
}

bool SpellHighlighter::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress && watched == m_editor) {
        // Shift+F10 opens the context menu as the Menu key does (the
        // convention of Windows and GNOME; Qt itself maps only the Menu key).
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_F10 && (key->modifiers() & ~Qt::KeypadModifier) == Qt::ShiftModifier) {
            const QRect at = cursorRect();
            const QPoint inViewport(at.left(), at.bottom());
            showMenu(editorCursor().position(), viewport()->mapToGlobal(inViewport), inViewport);
            return true;
        }
    }
    if (event->type() == QEvent::ContextMenu && (watched == m_editor || watched == viewport())) {
        auto *e = static_cast<QContextMenuEvent *>(event);
        const QPoint inViewport = watched == m_editor ? viewport()->mapFrom(m_editor, e->pos()) : e->pos();
        // From the keyboard (Menu key, Shift+F10) the menu is about the word
        // at the text cursor, from the mouse about the word under it.
        const int position = e->reason() == QContextMenuEvent::Keyboard ? editorCursor().position()
                                                                        : cursorAt(inViewport).position();
        showMenu(position, e->globalPos(), inViewport);
        return true;
    }
    return QSyntaxHighlighter::eventFilter(watched, event);
}

void SpellHighlighter::showMenu(int position, const QPoint &globalPos, const QPoint &viewportPos)
{
    QMenu *menu = standardMenu(viewportPos);
    menu->setObjectName(QStringLiteral("textContextMenu"));
    const QTextBlock block = document()->findBlock(position);
    const QString text = block.text();
    const int offset = position - block.position();
    QString word;
    SpellTokenizer::Word span;
    for (const SpellTokenizer::Word &w : SpellTokenizer::words(text)) {
        if (offset >= w.start && offset <= w.start + w.length) {
            span = w;
            word = text.mid(w.start, w.length);
            break;
        }
    }
    if (m_active && !word.isEmpty() && m_checker->isMisspelled(word)) {
        QAction *top = menu->actions().value(0);
        const QStringList suggestions = m_checker->suggestions(word).mid(0, MaxSuggestions);
        const int start = block.position() + static_cast<int>(span.start);
        const int end = start + static_cast<int>(span.length);
        for (const QString &s : suggestions) {
            auto *a = new QAction(QString(s).replace(u'&', QStringLiteral("&&")), menu);
            connect(a, &QAction::triggered, this, [this, s, start, end, word] {
                QTextCursor c(document());
                c.setPosition(start);
                c.setPosition(end, QTextCursor::KeepAnchor);
                if (c.selectedText() == word) // unchanged since the menu opened
                    c.insertText(s);
            });
            menu->insertAction(top, a);
        }
        if (suggestions.isEmpty()) {
            auto *none = new QAction(tr("No Suggestions"), menu);
            none->setEnabled(false);
            menu->insertAction(top, none);
        }
        menu->insertSeparator(top);
        auto *add = new QAction(tr("Add to &Dictionary"), menu);
        add->setObjectName(QStringLiteral("addToDictionaryAction"));
        connect(add, &QAction::triggered, this, [this, word] {
            if (auto r = m_checker->addToDictionary(word); !r)
                Q_EMIT problem(r.error().message());
        });
        menu->insertAction(top, add);
        //: Accepts the word's spelling in this message only
        auto *ignore = new QAction(tr("&Ignore"), menu);
        ignore->setObjectName(QStringLiteral("ignoreWordAction"));
        connect(ignore, &QAction::triggered, this, [this, word] { m_checker->ignore(word); });
        menu->insertAction(top, ignore);
        menu->insertSeparator(top);
    }
    menu->exec(globalPos);
    delete menu;
}

} // namespace Gui
