// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui.h"

#include "app/application.h"
#include "app/sendcontroller.h"
#include "core/mime/mailtourl.h"
#include "core/version.h"
#include "ui/colorscheme.h"
#include "ui/composerwindow.h"
#include "ui/iconloader.h"
#include "ui/oauthsignin.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCryptographicHash>
#include <QDesktopServices>
#include <QElapsedTimer>
#include <QEvent>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QStandardPaths>
#include <QTimer>
#include <QStatusBar>
#include <QWindow>

#ifdef Q_OS_MACOS
#include <QFileOpenEvent>
#include <QUrl>
#endif

#include <cstdio>

namespace App {

namespace {

// OUTPOST_EXIT_WHEN_SHOWN=1 makes the process report, on stderr, how long it
// took from start to the composer being exposed, then quit. Tests and
// bench/startup use it to prove the window really appears.
// OUTPOST_REPORT_COMPOSER=1 prints each composer's fields when it is shown,
// so tests can see what a mailto: link filled in.
class ShownReporter final : public QObject
{
public:
    ShownReporter(const QElapsedTimer &clock, Gui::ComposerWindow *window, QObject *parent)
        : QObject(parent)
        , m_clock(clock)
        , m_window(window)
    {
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Expose && !m_reported) {
            m_reported = true;
            if (qEnvironmentVariableIntValue("OUTPOST_REPORT_COMPOSER") == 1) {
                const QJsonObject fields{{QStringLiteral("to"), m_window->to()},
                                         {QStringLiteral("cc"), m_window->cc()},
                                         {QStringLiteral("bcc"), m_window->bcc()},
                                         {QStringLiteral("subject"), m_window->subject()},
                                         {QStringLiteral("body"), m_window->body()},
                                         {QStringLiteral("attachments"), QJsonArray::fromStringList(m_window->attachments())},
                                         {QStringLiteral("restored"), m_window->isModified()}};
                std::fprintf(stderr, "outpost: composer %s\n",
                             QJsonDocument(fields).toJson(QJsonDocument::Compact).constData());
            }
            if (qEnvironmentVariableIntValue("OUTPOST_EXIT_WHEN_SHOWN") == 1) {
                std::fprintf(stderr, "outpost: window shown after %lld ms\n",
                             static_cast<long long>(m_clock.elapsed()));
                QTimer::singleShot(0, qApp, &QCoreApplication::quit);
            }
            std::fflush(stderr);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QElapsedTimer m_clock;
    Gui::ComposerWindow *m_window;
    bool m_reported = false;
};

// One GUI instance per profile: later launches hand their arguments over.
QString instanceName()
{
    const QByteArray profile = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation).toUtf8();
    return QStringLiteral("outpost-gui-")
        + QString::fromLatin1(QCryptographicHash::hash(profile, QCryptographicHash::Sha1).toHex().left(16));
}

// The draft that `outpost mailto:...` or `outpost compose ...` asks for.
Core::Result<Core::Draft> draftFromArguments(const QStringList &args)
{
    for (const QString &a : args.mid(1)) {
        if (a.startsWith(QLatin1String("mailto:"), Qt::CaseInsensitive))
            return Core::parseMailtoUrl(a);
    }
    const qsizetype compose = args.indexOf(QStringLiteral("compose"));
    if (compose < 0)
        return Core::Draft();
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("to"), QString(), QStringLiteral("ADDRESS")},
                       {QStringLiteral("cc"), QString(), QStringLiteral("ADDRESS")},
                       {QStringLiteral("bcc"), QString(), QStringLiteral("ADDRESS")},
                       {QStringLiteral("subject"), QString(), QStringLiteral("TEXT")},
                       {QStringLiteral("body"), QString(), QStringLiteral("TEXT")},
                       {QStringLiteral("attach"), QString(), QStringLiteral("FILE")}});
    if (!parser.parse(QStringList{QStringLiteral("compose")} + args.mid(compose + 1)))
        return Core::Error(Core::Error::Code::InvalidInput, parser.errorText());
    Core::Draft d;
    for (const auto &[name, target] : {std::pair{QStringLiteral("to"), &d.to}, std::pair{QStringLiteral("cc"), &d.cc},
                                       std::pair{QStringLiteral("bcc"), &d.bcc}}) {
        auto list = Core::MailAddress::parseList(parser.values(name).join(u','), name);
        if (!list)
            return list.error();
        *target = list.value();
    }
    d.subject = parser.value(QStringLiteral("subject"));
    d.textBody = parser.value(QStringLiteral("body"));
    for (const QString &path : parser.values(QStringLiteral("attach")))
        d.attachments.append(Core::Attachment{QFileInfo(path).absoluteFilePath(), {}, {}});
    return d;
}

class Instance final : public QObject
{
public:
    Instance(const QElapsedTimer &clock, SendController *controller)
        : m_clock(clock)
        , m_controller(controller)
    {
    }

    // Shows a composer; OUTPOST_EXIT_WHEN_SHOWN / OUTPOST_REPORT_COMPOSER see it.
    void present(Gui::ComposerWindow *window)
    {
        window->winId(); // creates the QWindow so its Expose event can be seen
        window->windowHandle()->installEventFilter(new ShownReporter(m_clock, window, window));
        window->show();
    }

    void openComposer(const QStringList &args)
    {
        if (args.mid(1).contains(QStringLiteral("accounts"))) {
            m_controller->showAccounts(nullptr);
            return;
        }
        Gui::ComposerWindow *window = m_controller->openComposer();
        auto draft = draftFromArguments(args);
        if (draft)
            window->setDraft(draft.value());
        else
            window->statusBar()->showMessage(draft.error().message());
        present(window);
        window->raise();
        window->activateWindow();
    }

    void listen()
    {
        auto *server = new QLocalServer(this);
        QLocalServer::removeServer(instanceName()); // a stale socket of a crashed instance
        server->setSocketOptions(QLocalServer::UserAccessOption);
        if (!server->listen(instanceName()))
            return;
        connect(server, &QLocalServer::newConnection, this, [this, server] {
            while (QLocalSocket *socket = server->nextPendingConnection()) {
                connect(socket, &QLocalSocket::readyRead, socket, [this, socket] {
                    if (!socket->canReadLine())
                        return;
                    const QJsonArray args = QJsonDocument::fromJson(socket->readLine()).array();
                    QStringList list;
                    for (const QJsonValue &v : args)
                        list << v.toString();
                    openComposer(list);
                    socket->write("ok\n");
                    socket->disconnectFromServer();
                });
                connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

#ifdef Q_OS_MACOS
protected:
    // macOS hands a clicked mailto: link to the app as an Apple event (to the
    // running instance, or to the one it has just launched), which Qt
    // delivers as a QFileOpenEvent, never in argv.
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::FileOpen) {
            const QUrl url = static_cast<QFileOpenEvent *>(event)->url();
            if (url.scheme().compare(QLatin1String("mailto"), Qt::CaseInsensitive) == 0) {
                openComposer({QCoreApplication::applicationFilePath(), url.toString(QUrl::FullyEncoded)});
                return true;
            }
        }
        return QObject::eventFilter(watched, event);
    }
#endif

private:
    QElapsedTimer m_clock;
    SendController *m_controller;
};

// Hands the arguments to a running instance; true if one took them.
bool handOver(const QStringList &args)
{
    QLocalSocket socket;
    socket.connectToServer(instanceName());
    if (!socket.waitForConnected(500))
        return false;
    socket.write(QJsonDocument(QJsonArray::fromStringList(args)).toJson(QJsonDocument::Compact) + '\n');
    socket.waitForBytesWritten(2000);
    return socket.waitForReadyRead(5000) && socket.readAll().startsWith("ok");
}

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
    Gui::ColorScheme::apply(Core::settingsFile());

    // Files named relative to where this command runs: the instance that
    // may take the arguments over runs somewhere else.
    QStringList args = QApplication::arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--attach") && i + 1 < args.size())
            args[i + 1] = QFileInfo(args[i + 1]).absoluteFilePath();
        else if (args[i].startsWith(QLatin1String("--attach=")))
            args[i] = QStringLiteral("--attach=") + QFileInfo(args[i].mid(9)).absoluteFilePath();
    }
    if (handOver(args))
        return 0;
    // OAuth 2.0 sign-ins open the person's own browser: the desktop's
    // opener (xdg-open, which honours $BROWSER where no desktop decides).
    Gui::OAuthSignIn::setBrowserOpener([](const QUrl &url) {
        if (!QDesktopServices::openUrl(url))
            qWarning("No browser could be opened for the sign-in; the link is in the window.");
    });
    SendController controller;
    const auto started = controller.start();
    Instance instance(clock, &controller);
    instance.listen();
#ifdef Q_OS_MACOS
    app.installEventFilter(&instance);
#endif
    // What a previous run left unsent comes back first (crash, or "Save").
    bool restoredAny = false;
    if (started) {
        for (Gui::ComposerWindow *restored : controller.restoreDrafts()) {
            instance.present(restored);
            restoredAny = true;
        }
    }
    // A blank composer only when nothing came back, or when one was asked for.
    const bool asked = args.contains(QStringLiteral("compose")) || args.contains(QStringLiteral("accounts"))
        || std::any_of(args.cbegin(), args.cend(), [](const QString &a) { return a.startsWith(QLatin1String("mailto:"), Qt::CaseInsensitive); });
    if (!restoredAny || asked)
        instance.openComposer(args);
    if (started && controller.accountCount() == 0 && qEnvironmentVariableIntValue("OUTPOST_EXIT_WHEN_SHOWN") != 1
        && !args.contains(QStringLiteral("accounts"))) {
        // First start: nothing can be sent before an account exists.
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *composer = qobject_cast<Gui::ComposerWindow *>(w)) {
                controller.showAccountWizard(composer);
                break;
            }
        }
    }
    if (!started) {
        // Still usable for writing; the person is told why sending cannot work.
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *composer = qobject_cast<Gui::ComposerWindow *>(w))
                composer->showStatus(started.error().message());
        }
    }
    // Closing the composer must not end the process while its message is
    // still on the way: Outpost stays until no window (composer, outbox,
    // wizard, or a "Sending…" notice) is left open — and, with a tray icon,
    // while messages wait to be sent.
    QApplication::setQuitOnLastWindowClosed(false);
    QTimer lastWindow;
    int idleChecks = 0;
    QObject::connect(&lastWindow, &QTimer::timeout, &app, [&idleChecks, &controller] {
        const QWidgetList windows = QApplication::topLevelWidgets();
        const bool anyOpen = std::any_of(windows.cbegin(), windows.cend(), [](QWidget *w) { return w->isVisible(); });
        idleChecks = anyOpen ? 0 : idleChecks + 1;
        if (idleChecks == 2)
            controller.allWindowsClosed();
        // Messages still waiting keep Outpost in the tray, or hidden without one.
        if (idleChecks >= 2 && !controller.keepsRunning())
            QCoreApplication::quit();
    });
    lastWindow.start(500);
    return QApplication::exec();
}

} // namespace App
