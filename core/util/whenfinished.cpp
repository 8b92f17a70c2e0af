// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/whenfinished.h"

#include <QFutureWatcher>
#include <QThread>

namespace Core {

void whenFinished(const QFuture<bool> &future, QObject *context, std::function<void(bool)> body)
{
    Q_ASSERT(context && context->thread() == QThread::currentThread());
    auto *watcher = new QFutureWatcher<bool>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, body = std::move(body)] {
        // (A cancelled future has no result: not durable.)
        const bool ok = watcher->future().resultCount() > 0 && watcher->result();
        watcher->deleteLater();
        body(ok);
    });
    watcher->setFuture(future);
}

} // namespace Core
