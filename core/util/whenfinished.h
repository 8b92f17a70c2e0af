// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFuture>

#include <functional>

class QObject;

namespace Core {

/**
 * Calls `body` with the result of `future` once it has finished, on the
 * thread of `context` and from its event loop: also when the future has
 * finished already, and never from inside this call. Nothing is called if
 * `context` is destroyed first. Call it on the thread of `context`.
 *
 * Not QFuture::then(): in Qt 6.4, a continuation attached while another
 * thread finishes the future can run twice. then() finds the future
 * finished, runs the continuation and keeps it; the finishing thread then
 * runs it again, with the promise the first run took, and crashes in
 * QFutureInterfaceBase::reportStarted(). A QFutureWatcher learns of the end
 * under the future's own lock, once.
 */
void whenFinished(const QFuture<bool> &future, QObject *context, std::function<void(bool)> body);

} // namespace Core
