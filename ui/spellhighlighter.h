// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/spelltokenizer.h"

#include <QElapsedTimer>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>
#include <QTimer>

#include <optional>

class QMenu;
class QTextCursor;

namespace Gui {

class SpellChecker;

/**
 * Underlines misspelled words in a QPlainTextEdit or QTextEdit (wavy red,
 * QTextCharFormat::SpellCheckUnderline) and offers suggestions, "Add to
 * Dictionary" and "Ignore" in the text's context menu.
 *
 * Typing never waits for the whole text: a block whose words are not yet
 * known is checked at once only while this turn of the event loop has time
 * left (a few ms); the rest is checked in slices from the event loop, the
 * blocks in view first. Each block keeps its result (text, generation,
 * misspelled words), so an unchanged block is never checked twice.
 */
class SpellHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SpellHighlighter)
public:
    enum class Progress {
        Off,      ///< checking is switched off (or no dictionary)
        Checking, ///< some blocks are not checked yet
        Done,     ///< every block is checked; misspelledCount() is exact
    };
    Q_ENUM(Progress)

    /// `editor` is a QPlainTextEdit or a QTextEdit; the highlighter works on
    /// its document and its context menu.
    SpellHighlighter(SpellChecker *checker, QWidget *editor);
    ~SpellHighlighter() override;

    void setActive(bool on);
    [[nodiscard]] bool isActive() const { return m_active; }
    [[nodiscard]] Progress progress() const { return m_progress; }
    /// Misspelled words in the checked blocks.
    [[nodiscard]] int misspelledCount() const { return m_misspelled; }
    /// Every misspelled word of the text, checked now also while inactive
    /// (for "check before sending"), each once, in order.
    [[nodiscard]] QStringList misspelledWords();
    /// Selects the first misspelled word in the editor.
    void selectFirstMisspelled();

Q_SIGNALS:
    void progressChanged(Gui::SpellHighlighter::Progress progress, int misspelled);
    /// Something the person should read (a word that could not be added).
    void problem(const QString &message);

protected:
    void highlightBlock(const QString &text) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Found
    {
        QTextBlock block;
        SpellTokenizer::Word word;
    };
    /// The misspelled words of a block's text (none while inactive unless `always`).
    [[nodiscard]] QList<SpellTokenizer::Word> check(const QString &text, bool always = false);
    /// As check(), but gives up (nullopt) once `clock` passes `budgetMs`.
    [[nodiscard]] std::optional<QList<SpellTokenizer::Word>> checkWithin(const QString &text, const QElapsedTimer &clock,
                                                                       qint64 budgetMs);
    [[nodiscard]] bool isStale(const QTextBlock &block) const;
    void restale();
    void runSlice();
    void schedule(int blockNumber, bool pending);
    void setProgress(Progress progress);
    void showMenu(int position, const QPoint &globalPos, const QPoint &viewportPos);
    [[nodiscard]] QMenu *standardMenu(const QPoint &viewportPos) const;
    [[nodiscard]] QTextCursor cursorAt(const QPoint &viewportPos) const;
    [[nodiscard]] QTextCursor editorCursor() const;
    [[nodiscard]] QRect cursorRect() const;
    [[nodiscard]] QWidget *viewport() const;

    SpellChecker *m_checker;
    QWidget *m_editor;
    QTextCharFormat m_format;
    bool m_active = true;
    quint64 m_generation = 1; ///< results of other generations are stale
    Progress m_progress = Progress::Checking;
    int m_misspelled = 0;
    QTimer m_slice;
    int m_scanFrom = 0; ///< where the next slice looks for stale blocks
    QElapsedTimer m_turn; ///< time spent checking in this turn of the event loop
    bool m_inTurn = false;
};

} // namespace Gui
