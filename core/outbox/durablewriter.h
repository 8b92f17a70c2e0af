// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QFuture>
#include <QString>

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

template<typename T>
class QPromise;

namespace Core {

/**
 * The flusher's durable steps, off the thread that asks for them (the GUI's,
 * whose event loop a sync of 13 to 250 ms on a busy disk would stall). One
 * worker thread runs the steps in the order they were posted. Steps that
 * wait in the queue together share their directory syncs (group commit):
 * each step's name is written, then every directory named is synced once,
 * and only then are the steps reported done. A step is therefore never
 * reported durable before its directory sync, and never waits for a step
 * posted after it.
 *
 * The object must outlive nothing it runs: its destructor waits for every
 * posted step, so the Outbox a step uses must be destroyed after it.
 */
class DurableWriter final
{
    Q_DISABLE_COPY_MOVE(DurableWriter)
public:
    struct Step
    {
        /// Writes a name (not synced); runs on the worker thread.
        std::function<Result<void>()> write;
        /// The directory whose sync makes `write` durable.
        QString directory;
        /// Runs on the worker thread once the step is durable (a crash
        /// point in tests).
        std::function<void()> afterSync;
    };

    DurableWriter();
    ~DurableWriter();

    /// Queues `step`; the future holds true once it is durable, false when
    /// its write or its directory's sync failed. Hear back on a QObject's
    /// thread with whenFinished() (core/util/whenfinished.h), not
    /// QFuture::then().
    [[nodiscard]] QFuture<bool> post(Step step);

    /// How many directory syncs the durable writers of this process have
    /// made: what a test counts to see steps share their syncs.
    [[nodiscard]] static quint64 directorySyncs();

private:
    struct Pending;
    void run();
    /// Writes, syncs and reports one group of steps taken from the queue.
    static void commit(std::deque<Pending> &group);

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Pending> m_queue; ///< guarded by m_mutex
    bool m_stopping = false;     ///< guarded by m_mutex
    std::thread m_thread;        ///< started last, in the constructor
};

} // namespace Core
