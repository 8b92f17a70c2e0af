// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QSet>
#include <QString>

namespace Gui {

/**
 * The person's own words ("Add to Dictionary"), for every language: a UTF-8
 * file with one word a line under the config location. Several processes
 * may add words at once: an add takes a lock on "<file>.lock", re-reads the
 * file, and replaces it atomically, so no process loses another's word and
 * no reader sees a torn file.
 */
class PersonalDictionary final
{
    Q_DISABLE_COPY_MOVE(PersonalDictionary)
public:
    explicit PersonalDictionary(QString path = defaultPath());

    /// <AppConfigLocation>/dictionary.txt
    [[nodiscard]] static QString defaultPath();
    [[nodiscard]] QString path() const { return m_path; }

    [[nodiscard]] bool contains(const QString &word) const { return m_words.contains(word); }
    [[nodiscard]] qsizetype size() const { return m_words.size(); }
    /// Adds the word to the file (and to this object).
    [[nodiscard]] Core::Result<void> add(const QString &word);
    /// Reads the file again if it changed since the last read (another
    /// process added a word); returns whether the words changed.
    bool reload();

private:
    [[nodiscard]] QSet<QString> readFile() const;

    QString m_path;
    QSet<QString> m_words;
    QDateTime m_readModified; ///< the file's time when last read
    qint64 m_readSize = -1;
};

} // namespace Gui
