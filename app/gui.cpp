// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui.h"

#include "app/application.h"
#include "ui/composerwindow.h"
#include "ui/iconloader.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QTimer>
#include <QWindow>

#include <cstdio>

namespace App {

namespace {

// OUTPOST_EXIT_WHEN_SHOWN=1 makes the process report, on stderr, how long it
// took from start to the composer being exposed, then quit. Tests and
// bench/startup use it to prove the window really appears.
class ShownReporter final : public QObject
{
public:
    ShownReporter(const QElapsedTimer &clock, QObject *parent)
        : QObject(parent)
        , m_clock(clock)
    {
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Expose && !m_reported) {
            m_reported = true;
            std::fprintf(stderr, "outpost: window shown after %lld ms\n",
                         static_cast<long long>(m_clock.elapsed()));
            std::fflush(stderr);
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QElapsedTimer m_clock;
    bool m_reported = false;
};

} // namespace

int runGui(int &argc, char **argv)
{
    QElapsedTimer clock;
    clock.start();

    QApplication app(argc, argv);
    setApplicationIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("Outpost"));
    QApplication::setDesktopFileName(QStringLiteral("org.outpost.Outpost"));
    QApplication::setWindowIcon(Gui::loadIcon(QStringLiteral("org.outpost.Outpost")));
    installTranslations(app);

    Gui::ComposerWindow composer;
    if (qEnvironmentVariableIntValue("OUTPOST_EXIT_WHEN_SHOWN") == 1) {
        composer.winId(); // creates the QWindow so its Expose event can be seen
        composer.windowHandle()->installEventFilter(new ShownReporter(clock, &app));
    }
    composer.show();
    return QApplication::exec();
}

} // namespace App
