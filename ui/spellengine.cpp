// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/spellengine.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QMap>
#include <QStandardPaths>

#ifdef OUTPOST_HAVE_HUNSPELL
#include <hunspell/hunspell.hxx>
#endif

namespace Gui {

namespace {

#ifdef OUTPOST_HAVE_HUNSPELL
// Hunspell works on bytes in the dictionary's own encoding (UTF-8 for every
// dictionary Debian ships, ISO 8859-x for some old ones).
class HunspellEngine final : public SpellEngine
{
public:
    HunspellEngine(const QString &aff, const QString &dic)
        : m_hunspell(QFile::encodeName(aff).constData(), QFile::encodeName(dic).constData())
        , m_utf8(QByteArray::fromStdString(m_hunspell.get_dict_encoding()).toUpper().replace('-', "") == "UTF8")
    {
    }

    bool isCorrect(const QString &word) override { return m_hunspell.spell(encode(word)); }

    QStringList suggestions(const QString &word) override
    {
        QStringList out;
        for (const std::string &s : m_hunspell.suggest(encode(word)))
            out << decode(s);
        return out;
    }

private:
    [[nodiscard]] std::string encode(const QString &s) const
    {
        return (m_utf8 ? s.toUtf8() : s.toLatin1()).toStdString();
    }
    [[nodiscard]] QString decode(const std::string &s) const
    {
        const QByteArray bytes = QByteArray::fromStdString(s);
        return m_utf8 ? QString::fromUtf8(bytes) : QString::fromLatin1(bytes);
    }

    Hunspell m_hunspell;
    bool m_utf8;
};
#endif

QStringList searchFolders()
{
    const QString fromEnvironment = qEnvironmentVariable("OUTPOST_DICTIONARY_PATH");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment.split(QDir::listSeparator(), Qt::SkipEmptyParts);
    QStringList folders{QCoreApplication::applicationDirPath() + QStringLiteral("/dictionaries")};
    for (const QString &base : QStandardPaths::standardLocations(QStandardPaths::GenericDataLocation)) {
        folders << base + QStringLiteral("/hunspell") << base + QStringLiteral("/myspell/dicts")
                << base + QStringLiteral("/myspell");
    }
    return folders;
}

} // namespace

QList<SpellDictionaryInfo> SpellDictionaries::available()
{
    // Debian links de_AT, fr_BE, fr_CA, … to one file pair: the language
    // menu shows each pair once, under the file's own name where it exists.
    QMap<QString, SpellDictionaryInfo> byFile; // canonical .dic path -> entry
    for (const QString &folder : searchFolders()) {
        const QFileInfoList files = QDir(folder).entryInfoList({QStringLiteral("*.dic")}, QDir::Files, QDir::Name);
        for (const QFileInfo &dic : files) {
            const QString aff = dic.absolutePath() + u'/' + dic.completeBaseName() + QStringLiteral(".aff");
            if (!QFileInfo(aff).isReadable() || !dic.isReadable())
                continue;
            const QString canonical = dic.canonicalFilePath();
            const QString ownName = QFileInfo(canonical).completeBaseName();
            SpellDictionaryInfo info{dic.completeBaseName(), aff, dic.absoluteFilePath()};
            const auto it = byFile.constFind(canonical);
            if (it == byFile.cend() || (info.language == ownName && it->language != ownName))
                byFile.insert(canonical, info);
        }
    }
    QMap<QString, SpellDictionaryInfo> byLanguage;
    for (const SpellDictionaryInfo &info : std::as_const(byFile)) {
        if (!byLanguage.contains(info.language)) // one entry per language code
            byLanguage.insert(info.language, info);
    }
    return byLanguage.values();
}

QString SpellDictionaries::displayName(const QString &language, bool withTerritory)
{
    const QLocale locale(language);
    if (locale.language() == QLocale::C)
        return language;
    QString name = locale.nativeLanguageName();
    if (!name.isEmpty())
        name[0] = name[0].toUpper(); // "français" heads a menu entry
    if (withTerritory && (language.contains(u'_') || language.contains(u'-')))
        name += QStringLiteral(" (") + locale.nativeTerritoryName() + u')';
    return name.isEmpty() ? language : name;
}

std::unique_ptr<SpellEngine> SpellDictionaries::load(const SpellDictionaryInfo &info)
{
#ifdef OUTPOST_HAVE_HUNSPELL
    if (!QFileInfo(info.affPath).isReadable() || !QFileInfo(info.dicPath).isReadable())
        return nullptr;
    return std::make_unique<HunspellEngine>(info.affPath, info.dicPath);
#else
    Q_UNUSED(info)
    return nullptr;
#endif
}

} // namespace Gui
