// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI over a big outbox (issue 18), in the real SendController and
// outbox window, on a real display (bench/outbox_gui.sh prepares the
// outbox, the account and the server):
//   outpost-outbox-bench open        time from start to the outbox window
//                                    shown, and to all its rows listed;
//   outpost-outbox-bench flush N     the longest event-loop stall while N
//                                    due messages are sent, with the outbox
//                                    window open.
// The GUI thread's longest stall is measured throughout (StallMeter).
#include "app/sendcontroller.h"
#include "core/outbox/outbox.h"
#include "ui/outboxmodel.h"
#include "ui/outboxwindow.h"
#include "bench/stallmeter.h"

#include <QTableView>
#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <cstdio>

namespace {

/// The first paint of the outbox list, and the first with every row.
class PaintWatch final : public QObject
{
public:
    PaintWatch(const QElapsedTimer &clock, const std::function<bool()> &complete)
        : m_clock(clock)
        , m_complete(complete)
    {
    }
    qint64 firstPaint = -1;
    qint64 completePaint = -1;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) {
            if (firstPaint < 0)
                firstPaint = m_clock.elapsed();
            if (completePaint < 0 && m_complete())
                completePaint = m_clock.elapsed();
        }
        return QObject::eventFilter(watched, event);
    }

private:
    const QElapsedTimer &m_clock;
    std::function<bool()> m_complete;
};

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setQuitOnLastWindowClosed(false);
    QCoreApplication::setApplicationName(QStringLiteral("outpost"));
    const QStringList args = QCoreApplication::arguments();
    const bool open = args.value(1) == QLatin1String("open");
    const int toSend = args.value(2).toInt();
    if (!open && !(args.value(1) == QLatin1String("flush") && toSend > 0)) {
        std::fprintf(stderr, "usage: outpost-outbox-bench open | flush N\n");
        return 64;
    }
    int total = 0;
    const auto counts = Core::Outbox().counts(); // (folder listings, before the clock starts)
    for (int n : counts)
        total += n;
    const int sentBefore = counts.value(Core::OutboxState::Sent);

    StallMeter meter; // from the window shown on
    QElapsedTimer clock;
    clock.start();
    App::SendController controller;
    if (!controller.start().ok())
        return 70;
    Core::Outbox &outbox = controller.outbox();
    Gui::OutboxWindow *window = controller.showOutbox();
    Gui::OutboxModel *model = window->model();
    PaintWatch paints(clock, [&] { return model->rowCount() == total; });
    window->view()->viewport()->installEventFilter(&paints);
    const qint64 showCalled = clock.elapsed();
    meter.start();

    qint64 sentAt = -1;
    qint64 worstWhileSending = -1; ///< from the first to the last of them recorded as sent
    StallMeter sendingMeter;        ///< (the window's first fill, before, is the open case's)
    bool sendingStarted = false;
    if (open) {
        QObject::connect(model, &QAbstractItemModel::rowsInserted, [&] {
            if (model->rowCount() == total)
                QTimer::singleShot(200, &app, &QCoreApplication::quit); // (the paint of the full list)
        });
    } else {
        QObject::connect(&outbox, &Core::Outbox::changed, [&] {
            if (!outbox.isIndexLoaded())
                return;
            const int sent = static_cast<int>(outbox.indexed(Core::OutboxState::Sent).size());
            if (sent > sentBefore && !sendingStarted) {
                sendingStarted = true;
                sendingMeter.start();
            }
            if (sentAt < 0 && sent >= sentBefore + toSend) {
                sentAt = clock.elapsed();
                worstWhileSending = sendingMeter.worst();
                QTimer::singleShot(100, &app, &QCoreApplication::quit);
            }
        });
    }
    QTimer::singleShot(600000, &app, &QCoreApplication::quit);
    QApplication::exec();
    if (open) {
        std::printf("outbox of %d: show() after %lld ms, window painted after %lld ms, all %d rows painted after %lld ms; "
                    "longest stall %lld ms (%lld ms after show())\n",
                    total, static_cast<long long>(showCalled), static_cast<long long>(paints.firstPaint), model->rowCount(),
                    static_cast<long long>(paints.completePaint), static_cast<long long>(meter.worst()),
                    static_cast<long long>(meter.worstAt()));
        return paints.completePaint >= 0 ? 0 : 1;
    }
    // "While sending": from the first "sent" to the last. The whole run
    // also has the window's first fill and what follows the pass (the
    // Sent-copy step's decisions).
    std::printf("outbox of %d: %d sent after %lld ms with the outbox window open; longest stall while sending %lld ms; "
                "longest stall %lld ms (%lld ms after show()), %d stalls over 16 ms\n",
                total, toSend, static_cast<long long>(sentAt), static_cast<long long>(worstWhileSending),
                static_cast<long long>(meter.worst()), static_cast<long long>(meter.worstAt()), meter.stallsOver16ms());
    return sentAt >= 0 ? 0 : 1;
}
