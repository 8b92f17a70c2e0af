// SPDX-License-Identifier: GPL-3.0-or-later
// Spell checking must not stall typing (issue 22): the real composer with a
// 5,000-word message, a 1 ms heartbeat (StallMeter) the whole time. Phases:
//   load    the text is set and checked to the end in slices
//   type    200 keystrokes at the end and 200 in the middle (50 a second)
//   switch  the language changes (every block checked again)
//   off     the same typing with spell checking off, for comparison
// Each prints its longest stall and how many ticks were later than 16 ms.
// See bench/spell.sh.
#include "bench/stallmeter.h"
#include "ui/composerwindow.h"
#include "ui/spellhighlighter.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QKeyEvent>
#include <QMenu>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QToolButton>

#include <cstdio>
#include <functional>
#include <memory>

namespace {

// 5,000 words of a realistic spread: about 1,200 different words (more than a
// long letter has, so the cache of answers helps less than in life) taken
// from the English dictionary itself, one in a hundred misspelled (two
// letters swapped), in paragraphs of about 80 words.
QString message(int words)
{
    QFile dic(QStringLiteral("/usr/share/hunspell/en_US.dic"));
    QStringList vocabulary;
    if (dic.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> lines = dic.readAll().split('\n');
        for (qsizetype i = 1; i < lines.size(); i += 40) {
            const QString w = QString::fromUtf8(lines[i].split('/').first()).trimmed();
            if (w.size() > 2 && w.at(0).isLower())
                vocabulary << w;
        }
    }
    if (vocabulary.isEmpty())
        return {};
    QString text;
    quint32 seed = 12345;
    for (int i = 0; i < words; ++i) {
        seed = seed * 1103515245u + 12345u;
        QString w = vocabulary.at(static_cast<qsizetype>((seed >> 8) % static_cast<quint32>(vocabulary.size())));
        if (i % 100 == 50)
            std::swap(w[1], w[2]);
        text += w;
        text += (i % 80 == 79) ? QStringLiteral(".\n\n") : QStringLiteral(" ");
    }
    return text;
}

// Steps that run one after another from the event loop, as a person's
// actions do: each step calls next() when it is over.
class Script final
{
public:
    using Step = std::function<void(std::function<void()> next)>;
    void add(Step step) { m_steps.append(std::move(step)); }
    void run()
    {
        if (m_at >= m_steps.size()) {
            QCoreApplication::exit(0); // not quit(): that would ask to close the typed-in composer
            return;
        }
        m_steps.at(m_at++)([this] { QTimer::singleShot(0, [this] { run(); }); });
    }

private:
    QList<Step> m_steps;
    qsizetype m_at = 0;
};

// Calls next() once done() holds (polled every 5 ms).
void waitUntil(QObject *context, std::function<bool()> done, std::function<void()> next)
{
    auto *poll = new QTimer(context);
    poll->setInterval(5);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, done, next] {
        if (!done())
            return;
        poll->deleteLater();
        next();
    });
    poll->start();
}

// Types `keys` characters at 50 a second (a fast typist), then waits for the
// count in the status bar to follow.
void type(QPlainTextEdit *body, int keys, std::function<void()> next)
{
    auto *timer = new QTimer(body);
    timer->setInterval(20);
    auto left = std::make_shared<int>(keys);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, body, left, next] {
        static const QString typed = QStringLiteral("a quick note recieve ");
        const QChar c = typed.at(*left % typed.size());
        const int key = c == u' ' ? int(Qt::Key_Space) : int(Qt::Key_A) + (c.unicode() - u'a');
        QCoreApplication::postEvent(body, new QKeyEvent(QEvent::KeyPress, key, Qt::NoModifier, QString(c)));
        QCoreApplication::postEvent(body, new QKeyEvent(QEvent::KeyRelease, key, Qt::NoModifier, QString(c)));
        if (--*left == 0) {
            timer->deleteLater();
            QTimer::singleShot(300, body, next);
        }
    });
    timer->start();
}

void moveTo(QPlainTextEdit *body, bool middle)
{
    QTextCursor c = body->textCursor();
    if (middle)
        c.setPosition(body->document()->findBlockByNumber(body->document()->blockCount() / 2).position());
    else
        c.movePosition(QTextCursor::End);
    body->setTextCursor(c);
    body->ensureCursorVisible();
    body->setFocus();
}

void report(const char *name, const StallMeter &m, const QString &extra = {})
{
    std::printf("%-7s longest stall %3lld ms (at %lld ms), %d ticks later than 16 ms, %lld ms in all%s\n", name,
                static_cast<long long>(m.worst()), static_cast<long long>(m.worstAt()), m.stallsOver16ms(),
                static_cast<long long>(m.elapsed()), qPrintable(extra));
}

} // namespace

int main(int argc, char **argv)
{
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // each figure as soon as it is known
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("outpost"));
    Gui::ComposerWindow composer;
    composer.show();
    auto *body = composer.findChild<QPlainTextEdit *>(QStringLiteral("body"));
    auto *indicator = composer.findChild<QToolButton *>(QStringLiteral("spellingIndicator"));
    QAction *asYouType = composer.findChild<QAction *>(QStringLiteral("spellAsYouTypeAction"));
    auto *highlighter = body ? body->document()->findChild<Gui::SpellHighlighter *>() : nullptr;
    if (!body || !indicator || !asYouType || !highlighter) {
        std::fprintf(stderr, "the composer has no spell checking\n");
        return 1;
    }
    const QString text = message(5000);
    if (text.isEmpty()) {
        std::fprintf(stderr, "no en_US dictionary to take words from\n");
        return 1;
    }
    const auto checked = [highlighter] { return highlighter->progress() == Gui::SpellHighlighter::Progress::Done; };
    const auto status = [highlighter] { return QStringLiteral(" (%1 misspelled)").arg(highlighter->misspelledCount()); };
    std::unique_ptr<StallMeter> meter;
    const auto measure = [&meter] {
        meter = std::make_unique<StallMeter>();
        meter->start();
    };
    int count = 0;

    Script script;
    script.add([&](auto next) { // the window shown, the dictionary loaded on its worker thread
        QTimer::singleShot(500, body, [&, next] { waitUntil(body, checked, next); });
    });
    script.add([&](auto next) {
        measure();
        // Pasted in one go: Qt lays the text out, the highlighter checks what
        // fits into this turn and leaves the rest to slices.
        QTimer::singleShot(50, body, [&, next] {
            QElapsedTimer set;
            set.start();
            body->setPlainText(text);
            const qint64 setMs = set.elapsed();
            waitUntil(body, [&] { return checked() && highlighter->misspelledCount() > 0; }, [&, setMs, next] {
                report("load", *meter, QStringLiteral(" (setPlainText and what it checked at once: %1 ms)").arg(setMs) + status());
                count = highlighter->misspelledCount();
                next();
            });
        });
    });
    const auto typing = [&](const char *name) {
        script.add([&, name](auto next) {
            moveTo(body, false);
            measure();
            type(body, 200, [&, name, next] {
                moveTo(body, true);
                type(body, 200, [&, name, next] {
                    // With checking off there is nothing to wait for.
                    waitUntil(body, [&] { return checked() || !asYouType->isChecked(); }, [&, name, next] {
                        report(name, *meter, status());
                        next();
                    });
                });
            });
        });
    };
    typing("type");
    script.add([&](auto next) {
        count = highlighter->misspelledCount();
        measure();
        for (QAction *a : indicator->menu()->actions()) {
            if (a->data().toString() == QLatin1String("de_DE"))
                a->trigger();
        }
        waitUntil(body, [&] { return checked() && highlighter->misspelledCount() != count; }, [&, next] {
            report("switch", *meter, status());
            asYouType->setChecked(false);
            next();
        });
    });
    typing("off");
    script.add([&](auto next) {
        asYouType->setChecked(true); // the setting as it was
        next();
    });
    QTimer::singleShot(0, body, [&] { script.run(); });
    QTimer::singleShot(300000, &app, [] {
        std::fprintf(stderr, "timed out\n");
        QCoreApplication::exit(1);
    });
    const int rc = QApplication::exec();
    composer.markSent(); // nothing to ask or save when it closes
    return rc;
}
