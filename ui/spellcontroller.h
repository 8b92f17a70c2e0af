// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTimer>

class QAction;
class QActionGroup;
class QMenu;
class QToolButton;

namespace Gui {

class SpellChecker;
class SpellHighlighter;

/**
 * Spelling in one composer: the checker, the highlighters of its two text
 * editors, the language menu and the status-bar indicator, and the settings
 * they keep (outpost.conf, group "spelling"):
 *   asYouType        underline while typing (default on)
 *   checkBeforeSend  ask before sending a message with misspelled words
 *   language/<account>/<identity>  the last language chosen for an identity
 *
 * The language of a message: the one chosen in its menu; else the one its
 * identity used last; and while nothing was chosen, once the text is long
 * enough, the installed dictionary that misses clearly fewer of its words.
 */
class SpellController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SpellController)
public:
    SpellController(QWidget *window, QWidget *plainEditor, QWidget *richEditor);
    ~SpellController() override;

    [[nodiscard]] QMenu *languageMenu() const { return m_languageMenu; }
    [[nodiscard]] QAction *asYouTypeAction() const { return m_asYouType; }
    [[nodiscard]] QAction *beforeSendAction() const { return m_beforeSend; }
    [[nodiscard]] QToolButton *indicator() const { return m_indicator; }
    [[nodiscard]] SpellChecker *checker() const { return m_checker; }

    /// The sender changed: its identity's language applies unless this
    /// message's language was chosen by hand.
    void setIdentity(const QString &accountId, const QString &identityId);
    /// With "check before sending" on: the misspelled words of the editor
    /// in use, else none.
    [[nodiscard]] QStringList wordsToReview(bool rich) const;
    /// Selects the first misspelled word in the editor in use.
    void review(bool rich);

Q_SIGNALS:
    void problem(const QString &message);

private:
    void chooseLanguage(const QString &language, bool byHand);
    void updateIndicator();
    void guess();

    SpellChecker *m_checker;
    SpellHighlighter *m_plain;
    SpellHighlighter *m_rich;
    QWidget *m_richEditor;
    QMenu *m_languageMenu;
    QActionGroup *m_languageGroup;
    QAction *m_asYouType;
    QAction *m_beforeSend;
    QToolButton *m_indicator;
    QString m_identityKey; ///< "language/<account>/<identity>"
    bool m_chosenByHand = false;
    bool m_guessed = false;
    QTimer m_guessTimer;
};

} // namespace Gui
