// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace Gui {

/**
 * One dictionary's checker, behind an interface so that the highlighter and
 * the composer never see the library (Hunspell, docs/design/SPELLING.md).
 * Not thread-safe: one engine is used by one thread at a time.
 */
class SpellEngine
{
public:
    SpellEngine() = default;
    virtual ~SpellEngine() = default;
    Q_DISABLE_COPY_MOVE(SpellEngine)

    /// Whether the dictionary knows `word` (one word, no spaces).
    [[nodiscard]] virtual bool isCorrect(const QString &word) = 0;
    /// Replacements, best first (may take tens of milliseconds).
    [[nodiscard]] virtual QStringList suggestions(const QString &word) = 0;
};

/// An installed dictionary: the pair of Hunspell files of one language.
struct SpellDictionaryInfo
{
    QString language; ///< "de_DE", "en_US", "fr"
    QString affPath;
    QString dicPath;
};

namespace SpellDictionaries {

/// The installed dictionaries, one per distinct file pair, by language code.
/// $OUTPOST_DICTIONARY_PATH (a list of folders) replaces the usual places:
/// the folder "dictionaries" next to the program (Windows, macOS bundles)
/// and the system's hunspell and myspell folders (XDG data directories).
[[nodiscard]] QList<SpellDictionaryInfo> available();

/// "Deutsch", or with the territory "Deutsch (Schweiz)": the language in
/// its own words, as language pickers show it.
[[nodiscard]] QString displayName(const QString &language, bool withTerritory);

/// A checker for the dictionary, or null if it cannot be loaded (or this
/// build has no spelling library). Loading takes a while: call it on a
/// worker thread.
[[nodiscard]] std::unique_ptr<SpellEngine> load(const SpellDictionaryInfo &info);

} // namespace SpellDictionaries
} // namespace Gui
