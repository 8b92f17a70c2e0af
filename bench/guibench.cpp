// SPDX-License-Identifier: GPL-3.0-or-later
// The longest event-loop stall while a message with a big attachment is
// queued and sent from the composer (issue 8): a 1 ms heartbeat timer runs
// the whole time; the gap between two of its ticks, minus its period, is
// how long the window could not react. See bench/gui.sh.
//   outpost-gui-bench PORT ATTACHMENT
#include "app/sendcontroller.h"
#include "core/accounts/accountstore.h"
#include "core/outbox/outbox.h"
#include "ui/composerwindow.h"
#include "bench/stallmeter.h"
#include "ui/recipientedit.h"

#include <QApplication>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTimer>

#include <cstdio>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setQuitOnLastWindowClosed(false); // the composer closes once queued
    QCoreApplication::setApplicationName(QStringLiteral("outpost"));
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: outpost-gui-bench PORT ATTACHMENT\n");
        return 64;
    }
    {
        Core::AccountStore store;
        (void)store.load();
        if (store.accounts().isEmpty()) {
            Core::Account a;
            a.name = QStringLiteral("bench");
            a.host = QStringLiteral("127.0.0.1");
            a.port = static_cast<quint16>(args[1].toUInt());
            a.security = Core::SmtpSecurity::None;
            a.auth = Core::AuthMethod::None;
            Core::Identity i;
            i.address = QStringLiteral("ada@example.org");
            a.identities = {i};
            if (!store.add(a).ok() || !store.save().ok())
                return 70;
        }
    }
    App::SendController controller;
    if (!controller.start().ok())
        return 70;
    Gui::ComposerWindow *composer = controller.openComposer();
    composer->show();
    composer->findChild<Gui::RecipientEdit *>(QStringLiteral("to"))->setText(QStringLiteral("bob@example.org"));
    composer->findChild<QLineEdit *>(QStringLiteral("subject"))->setText(QStringLiteral("Big"));
    composer->addAttachments({args[2]});

    StallMeter meter;
    qint64 queuedAt = -1;
    qint64 sentAt = -1;
    QObject::connect(&controller.outbox(), &Core::Outbox::changed, [&] {
        const auto counts = controller.outbox().counts();
        if (queuedAt < 0 && (counts.value(Core::OutboxState::Queued) + counts.value(Core::OutboxState::Active)) > 0)
            queuedAt = meter.elapsed();
        if (sentAt < 0 && counts.value(Core::OutboxState::Sent) > 0) {
            sentAt = meter.elapsed();
            QTimer::singleShot(50, &app, &QCoreApplication::quit);
        }
    });
    QTimer::singleShot(200, [&] {
        meter.start();
        composer->sendAction()->trigger();
    });
    QTimer::singleShot(600000, &app, &QCoreApplication::quit);
    QApplication::exec();
    std::printf("queued after %lld ms, sent after %lld ms, longest stall %lld ms (at %lld ms)\n",
                static_cast<long long>(queuedAt), static_cast<long long>(sentAt), static_cast<long long>(meter.worst()),
                static_cast<long long>(meter.worstAt()));
    return sentAt >= 0 ? 0 : 1;
}
