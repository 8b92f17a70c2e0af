// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "ui/spelldictionary.h"
#include "ui/spellengine.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

#include <map>
#include <memory>

class QFileSystemWatcher;
class QThread;

namespace Gui {

/**
 * The spelling of one message: the chosen language's dictionary, the
 * person's own words, the words ignored in this message, and a cache of
 * answers, so that checking a word already seen costs a hash lookup.
 *
 * Dictionaries load on worker threads (a large one takes a few hundred
 * milliseconds); until then nothing counts as misspelled.
 */
class SpellChecker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SpellChecker)
public:
    enum class State {
        NoDictionary, ///< none installed (or no spelling library in this build)
        Loading,      ///< the chosen language's dictionary is being read
        Ready,
    };
    Q_ENUM(State)

    explicit SpellChecker(QObject *parent = nullptr,
                          const QString &personalDictionaryPath = PersonalDictionary::defaultPath());
    ~SpellChecker() override;

    [[nodiscard]] QList<SpellDictionaryInfo> dictionaries() const { return m_dictionaries; }
    [[nodiscard]] bool hasLanguage(const QString &language) const;
    [[nodiscard]] QString language() const { return m_language; }
    /// Switches the dictionary (loading it if needed); unknown codes are ignored.
    void setLanguage(const QString &language);
    /// The language to start with: `preferred` if installed, else the one
    /// closest to the person's locale, else the first.
    [[nodiscard]] QString defaultLanguage(const QString &preferred = {}) const;
    [[nodiscard]] State state() const { return m_state; }

    /// Whether `word` would be underlined; false while no dictionary is ready.
    [[nodiscard]] bool isMisspelled(const QString &word);
    [[nodiscard]] QStringList suggestions(const QString &word);
    /// Adds the word to the personal dictionary (every message, every language).
    [[nodiscard]] Core::Result<void> addToDictionary(const QString &word);
    /// Accepts the word in this message only.
    void ignore(const QString &word);

    /// Loads every installed dictionary and emits languageGuessed() with the
    /// one that misses the fewest of `sample`'s words, when it misses fewer
    /// than half as many as the current language.
    void guessLanguage(const QStringList &sample);

    /// Changes whenever earlier answers may be wrong (another language, a
    /// word added or ignored, the personal dictionary changed on disk).
    [[nodiscard]] quint64 generation() const { return m_generation; }

Q_SIGNALS:
    void stateChanged(Gui::SpellChecker::State state);
    void languageChanged(const QString &language);
    /// Answers given before are stale: check again.
    void invalidated();
    void languageGuessed(const QString &language);

private:
    void load(const QString &language);
    void loaded(const QString &language, SpellEngine *engine);
    void invalidate();
    void setState(State state);
    void finishGuess();

    QList<SpellDictionaryInfo> m_dictionaries;
    std::map<QString, std::unique_ptr<SpellEngine>> m_engines; ///< loaded, by language
    QSet<QString> m_loading;
    QList<QPointer<QThread>> m_loaders;
    QString m_language;
    State m_state = State::NoDictionary;
    PersonalDictionary m_personal;
    QFileSystemWatcher *m_watcher = nullptr;
    QSet<QString> m_ignored;
    QHash<QString, bool> m_cache; ///< word -> misspelled, for m_language
    QStringList m_guessSample;
    quint64 m_generation = 1;
};

} // namespace Gui
