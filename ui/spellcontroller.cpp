// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/spellcontroller.h"

#include "core/version.h"
#include "ui/spellchecker.h"
#include "ui/spellhighlighter.h"
#include "ui/spelltokenizer.h"

#include <QAction>
#include <QActionGroup>
#include <QLocale>
#include <QMenu>
#include <QSettings>
#include <QTextBlock>
#include <QTextDocument>
#include <QToolButton>

namespace Gui {

namespace {
constexpr qsizetype GuessMinWords = 30;
constexpr qsizetype GuessSampleWords = 300;
constexpr int GuessDelayMs = 800;

// The language alone ("Deutsch") unless two dictionaries share it.
QString nameOf(const QString &language, const QList<SpellDictionaryInfo> &all)
{
    const QLocale::Language base = QLocale(language).language();
    const auto sharing = std::count_if(all.cbegin(), all.cend(),
                                       [base](const SpellDictionaryInfo &d) { return QLocale(d.language).language() == base; });
    return SpellDictionaries::displayName(language, sharing > 1);
}

} // namespace

SpellController::SpellController(QWidget *window, QWidget *plainEditor, QWidget *richEditor)
    : QObject(window)
    , m_checker(new SpellChecker(this))
    , m_plain(new SpellHighlighter(m_checker, plainEditor))
    , m_rich(new SpellHighlighter(m_checker, richEditor))
    , m_richEditor(richEditor)
    , m_languageMenu(new QMenu(tr("Spelling &Language"), window))
    , m_languageGroup(new QActionGroup(this))
    , m_asYouType(new QAction(tr("Check Spelling While &Typing"), this))
    , m_beforeSend(new QAction(tr("Check Spelling &Before Sending"), this))
    , m_indicator(new QToolButton(window))
{
    QSettings s(Core::settingsFile(), QSettings::IniFormat);
    m_languageMenu->setObjectName(QStringLiteral("spellingLanguageMenu"));
    m_asYouType->setObjectName(QStringLiteral("spellAsYouTypeAction"));
    m_asYouType->setCheckable(true);
    m_asYouType->setChecked(s.value(QStringLiteral("spelling/asYouType"), true).toBool());
    m_beforeSend->setObjectName(QStringLiteral("spellBeforeSendAction"));
    m_beforeSend->setCheckable(true);
    m_beforeSend->setChecked(s.value(QStringLiteral("spelling/checkBeforeSend"), false).toBool());
    connect(m_asYouType, &QAction::toggled, this, [this](bool on) {
        QSettings(Core::settingsFile(), QSettings::IniFormat).setValue(QStringLiteral("spelling/asYouType"), on);
        m_plain->setActive(on);
        m_rich->setActive(on);
        updateIndicator();
    });
    connect(m_beforeSend, &QAction::toggled, this, [](bool on) {
        QSettings(Core::settingsFile(), QSettings::IniFormat).setValue(QStringLiteral("spelling/checkBeforeSend"), on);
    });
    m_plain->setActive(m_asYouType->isChecked());
    m_rich->setActive(m_asYouType->isChecked());

    m_languageGroup->setExclusive(true);
    for (const SpellDictionaryInfo &d : m_checker->dictionaries()) {
        QAction *a = m_languageMenu->addAction(nameOf(d.language, m_checker->dictionaries()));
        a->setData(d.language);
        a->setCheckable(true);
        m_languageGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, language = d.language] { chooseLanguage(language, true); });
    }
    if (m_checker->dictionaries().isEmpty()) {
        QAction *none = m_languageMenu->addAction(tr("No Dictionaries Installed"));
        none->setEnabled(false);
    }

    m_indicator->setObjectName(QStringLiteral("spellingIndicator"));
    m_indicator->setAutoRaise(true);
    m_indicator->setPopupMode(QToolButton::InstantPopup);
    m_indicator->setMenu(m_languageMenu);
    m_indicator->setFocusPolicy(Qt::TabFocus);

    for (SpellHighlighter *h : {m_plain, m_rich}) {
        connect(h, &SpellHighlighter::progressChanged, this, &SpellController::updateIndicator);
        connect(h, &SpellHighlighter::problem, this, &SpellController::problem);
    }
    connect(m_checker, &SpellChecker::stateChanged, this, &SpellController::updateIndicator);
    connect(m_checker, &SpellChecker::languageGuessed, this, [this](const QString &language) {
        if (!m_chosenByHand)
            chooseLanguage(language, false);
    });
    m_guessTimer.setSingleShot(true);
    m_guessTimer.setInterval(GuessDelayMs);
    connect(&m_guessTimer, &QTimer::timeout, this, &SpellController::guess);
    for (SpellHighlighter *h : {m_plain, m_rich}) {
        connect(h->document(), &QTextDocument::contentsChanged, this, [this] {
            if (!m_guessed && !m_chosenByHand && m_checker->dictionaries().size() > 1 && !m_guessTimer.isActive())
                m_guessTimer.start();
        });
    }
    chooseLanguage(m_checker->defaultLanguage(s.value(QStringLiteral("spelling/lastLanguage")).toString()), false);
}

SpellController::~SpellController() = default;

void SpellController::chooseLanguage(const QString &language, bool byHand)
{
    if (language.isEmpty())
        return;
    if (byHand) {
        m_chosenByHand = true;
        QSettings s(Core::settingsFile(), QSettings::IniFormat);
        s.setValue(QStringLiteral("spelling/lastLanguage"), language);
        if (!m_identityKey.isEmpty())
            s.setValue(QStringLiteral("spelling/") + m_identityKey, language);
    }
    for (QAction *a : m_languageGroup->actions())
        a->setChecked(a->data().toString() == language);
    m_checker->setLanguage(language);
    updateIndicator();
}

void SpellController::setIdentity(const QString &accountId, const QString &identityId)
{
    m_identityKey = accountId.isEmpty() ? QString() : QStringLiteral("language/%1/%2").arg(accountId, identityId);
    if (m_chosenByHand || m_identityKey.isEmpty())
        return;
    const QString remembered =
        QSettings(Core::settingsFile(), QSettings::IniFormat).value(QStringLiteral("spelling/") + m_identityKey).toString();
    if (m_checker->hasLanguage(remembered))
        chooseLanguage(remembered, false);
}

void SpellController::guess()
{
    if (m_guessed || m_chosenByHand)
        return;
    QTextDocument *doc = (m_richEditor->isVisible() ? m_rich : m_plain)->document();
    QStringList sample;
    for (QTextBlock b = doc->firstBlock(); b.isValid() && sample.size() < GuessSampleWords; b = b.next()) {
        const QString text = b.text();
        for (const SpellTokenizer::Word &w : SpellTokenizer::words(text))
            sample << text.mid(w.start, w.length);
    }
    if (sample.size() < GuessMinWords)
        return; // asked again after the next change
    m_guessed = true;
    m_checker->guessLanguage(sample.mid(0, GuessSampleWords));
}

void SpellController::updateIndicator()
{
    const QString language = m_checker->language();
    m_indicator->setText(language.isEmpty() ? tr("No dictionary") : nameOf(language, m_checker->dictionaries()));
    //: Accessible name of the status bar's language button; %1 is the language ("Deutsch")
    m_indicator->setAccessibleName(tr("Spelling language: %1").arg(m_indicator->text()));
    SpellHighlighter *h = m_richEditor->isVisible() ? m_rich : m_plain;
    QString state;
    if (m_checker->state() == SpellChecker::State::NoDictionary)
        state = tr("No dictionary is installed for spell checking.");
    else if (!m_asYouType->isChecked())
        state = tr("Spell checking while typing is off.");
    else if (m_checker->state() == SpellChecker::State::Loading || h->progress() != SpellHighlighter::Progress::Done)
        state = tr("Checking spelling…");
    else if (h->misspelledCount() == 0)
        state = tr("No misspelled words.");
    else
        state = tr("%n misspelled word(s).", nullptr, h->misspelledCount());
    m_indicator->setAccessibleDescription(state);
    //: Tool tip of the spelling language in the status bar; %1 says how the check stands
    m_indicator->setToolTip(tr("Spelling language. %1").arg(state));
}

QStringList SpellController::wordsToReview(bool rich) const
{
    if (!m_beforeSend->isChecked() || m_checker->state() != SpellChecker::State::Ready)
        return {};
    return (rich ? m_rich : m_plain)->misspelledWords();
}

void SpellController::review(bool rich)
{
    (rich ? m_rich : m_plain)->selectFirstMisspelled();
}

} // namespace Gui
