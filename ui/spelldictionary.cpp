// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/spelldictionary.h"

#include "core/util/durablefile.h"
#include "core/util/filelock.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <algorithm>

namespace Gui {

namespace {
// Bounds on what is read back: a word list, not an arbitrary file.
constexpr qint64 MaxFileBytes = 4 * 1024 * 1024;
constexpr qsizetype MaxWordLength = 100;

bool isStorable(const QString &word)
{
    return !word.isEmpty() && word.size() <= MaxWordLength
        && std::none_of(word.cbegin(), word.cend(), [](QChar c) { return c.isSpace() || c.category() == QChar::Other_Control; });
}
} // namespace

PersonalDictionary::PersonalDictionary(QString path)
    : m_path(std::move(path))
{
    reload();
}

QString PersonalDictionary::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/dictionary.txt");
}

QSet<QString> PersonalDictionary::readFile() const
{
    QSet<QString> words;
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return words;
    const QByteArray data = file.read(MaxFileBytes);
    for (const QByteArray &line : data.split('\n')) {
        const QString word = QString::fromUtf8(line).trimmed();
        if (isStorable(word))
            words.insert(word);
    }
    return words;
}

bool PersonalDictionary::reload()
{
    const QFileInfo info(m_path);
    const QDateTime modified = info.exists() ? info.lastModified() : QDateTime();
    const qint64 size = info.exists() ? info.size() : -1;
    if (modified == m_readModified && size == m_readSize)
        return false;
    m_readModified = modified;
    m_readSize = size;
    QSet<QString> words = readFile();
    if (words == m_words)
        return false;
    m_words = std::move(words);
    return true;
}

Core::Result<void> PersonalDictionary::add(const QString &word)
{
    if (!isStorable(word))
        return Core::Error(Core::Error::Code::InvalidInput,
                           QCoreApplication::translate("PersonalDictionary", "“%1” cannot be added to the dictionary.").arg(word));
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    Core::FileLock lock(m_path + QStringLiteral(".lock"));
    if (lock.lock(Core::FileLock::Wait::Yes) != Core::FileLock::Outcome::Acquired)
        return Core::Error(Core::Error::Code::WriteFailed,
                           QCoreApplication::translate("PersonalDictionary", "The personal dictionary could not be locked: %1")
                               .arg(lock.errorString()));
    // What other processes added meanwhile stays: the file is read under the lock.
    QSet<QString> words = readFile();
    words.insert(word);
    QStringList sorted(words.cbegin(), words.cend());
    sorted.sort(Qt::CaseInsensitive);
    const QByteArray data = sorted.join(u'\n').toUtf8() + '\n';
    if (auto r = Core::Durable::writeFileAtomically(m_path, data, Core::Durable::Sync::ContentOnly); !r)
        return r.error();
    m_words = std::move(words);
    const QFileInfo info(m_path);
    m_readModified = info.lastModified();
    m_readSize = info.size();
    return {};
}

} // namespace Gui
