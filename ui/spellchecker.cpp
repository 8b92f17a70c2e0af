// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/spellchecker.h"

#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QLocale>
#include <QThread>

#include <algorithm>
#include <limits>
#include <memory>

namespace Gui {

namespace {
// Past this many cached answers the cache starts again: a bound on memory
// for very long sessions, far above a message's vocabulary.
constexpr qsizetype MaxCachedWords = 200000;
} // namespace

SpellChecker::SpellChecker(QObject *parent, const QString &personalDictionaryPath)
    : QObject(parent)
    , m_dictionaries(SpellDictionaries::available())
    , m_personal(personalDictionaryPath)
    , m_watcher(new QFileSystemWatcher(this))
{
    // Another window or process may add a word: its file is replaced by a
    // rename, which the folder's watch sees.
    const QFileInfo file(m_personal.path());
    m_watcher->addPath(file.absolutePath());
    const auto reread = [this] {
        if (m_personal.reload())
            invalidate();
    };
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, reread);
}

SpellChecker::~SpellChecker()
{
    // A loader still reading a dictionary is waited for: it writes into
    // memory this object owns.
    for (const QPointer<QThread> &t : std::as_const(m_loaders)) {
        if (t)
            t->wait();
    }
}

bool SpellChecker::hasLanguage(const QString &language) const
{
    return std::any_of(m_dictionaries.cbegin(), m_dictionaries.cend(),
                       [&](const SpellDictionaryInfo &d) { return d.language == language; });
}

QString SpellChecker::defaultLanguage(const QString &preferred) const
{
    if (m_dictionaries.isEmpty())
        return {};
    if (hasLanguage(preferred))
        return preferred;
    const QLocale locale;
    if (hasLanguage(locale.name()))
        return locale.name();
    for (const SpellDictionaryInfo &d : m_dictionaries) {
        if (QLocale(d.language).language() == locale.language())
            return d.language;
    }
    if (hasLanguage(QStringLiteral("en_US")))
        return QStringLiteral("en_US");
    return m_dictionaries.first().language;
}

void SpellChecker::setLanguage(const QString &language)
{
    if (language == m_language || !hasLanguage(language))
        return;
    m_language = language;
    if (m_engines.count(language)) {
        setState(State::Ready);
    } else {
        setState(State::Loading);
        load(language);
    }
    Q_EMIT languageChanged(language);
    invalidate();
}

void SpellChecker::load(const QString &language)
{
    if (m_engines.count(language) || m_loading.contains(language))
        return;
    const auto info = std::find_if(m_dictionaries.cbegin(), m_dictionaries.cend(),
                                   [&](const SpellDictionaryInfo &d) { return d.language == language; });
    if (info == m_dictionaries.cend())
        return;
    m_loading.insert(language);
    auto result = std::make_shared<std::unique_ptr<SpellEngine>>();
    QThread *thread = QThread::create([result, dictionary = *info] { *result = SpellDictionaries::load(dictionary); });
    thread->setParent(this);
    connect(thread, &QThread::finished, this, [this, thread, language, result] {
        m_loaders.removeAll(thread);
        thread->deleteLater();
        loaded(language, result->release());
    });
    m_loaders.append(thread);
    thread->start(QThread::LowPriority);
}

void SpellChecker::loaded(const QString &language, SpellEngine *engine)
{
    m_loading.remove(language);
    if (engine)
        m_engines[language].reset(engine);
    if (language == m_language) {
        setState(engine ? State::Ready : State::NoDictionary);
        invalidate();
    }
    if (m_loading.isEmpty() && !m_guessSample.isEmpty())
        finishGuess();
}

void SpellChecker::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void SpellChecker::invalidate()
{
    m_cache.clear();
    ++m_generation;
    Q_EMIT invalidated();
}

bool SpellChecker::isMisspelled(const QString &word)
{
    if (m_state != State::Ready)
        return false;
    if (const auto hit = m_cache.constFind(word); hit != m_cache.cend())
        return *hit;
    const bool misspelled = !m_personal.contains(word) && !m_ignored.contains(word)
        && !m_engines.at(m_language)->isCorrect(word);
    if (m_cache.size() >= MaxCachedWords)
        m_cache.clear();
    m_cache.insert(word, misspelled);
    return misspelled;
}

QStringList SpellChecker::suggestions(const QString &word)
{
    if (m_state != State::Ready)
        return {};
    return m_engines.at(m_language)->suggestions(word);
}

Core::Result<void> SpellChecker::addToDictionary(const QString &word)
{
    auto r = m_personal.add(word);
    if (r)
        invalidate();
    return r;
}

void SpellChecker::ignore(const QString &word)
{
    m_ignored.insert(word);
    invalidate();
}

void SpellChecker::guessLanguage(const QStringList &sample)
{
    if (m_dictionaries.size() < 2 || sample.isEmpty())
        return;
    m_guessSample = sample;
    for (const SpellDictionaryInfo &d : std::as_const(m_dictionaries))
        load(d.language);
    if (m_loading.isEmpty())
        finishGuess();
}

void SpellChecker::finishGuess()
{
    const QStringList sample = std::exchange(m_guessSample, {});
    QString best;
    qsizetype fewest = std::numeric_limits<qsizetype>::max();
    qsizetype current = std::numeric_limits<qsizetype>::max();
    for (const auto &[language, engine] : m_engines) {
        qsizetype misses = 0;
        for (const QString &word : sample) {
            if (!m_personal.contains(word) && !engine->isCorrect(word))
                ++misses;
        }
        if (language == m_language)
            current = misses;
        if (misses < fewest) {
            fewest = misses;
            best = language;
        }
    }
    // Only a clear winner replaces the current language: a few names or
    // loan words must not switch an English letter to German.
    if (!best.isEmpty() && best != m_language && fewest * 2 < current)
        Q_EMIT languageGuessed(best);
}

} // namespace Gui
