// SPDX-License-Identifier: GPL-3.0-or-later
// Hearing that a durable step is done (the flusher's sent records, the SMTP
// client's wait before the final dot). With QFuture::then(), Qt 6.4 ran the
// continuation a second time when the writer's thread finished the future
// while then() attached it, and the process crashed: seen as an Outpost
// window gone mid-test and as outbox_tests dying, "segfault at bc" in
// QFutureInterfaceBase::reportStarted on the writer's thread.
//
// That moment is made to happen every time: both threads share one CPU,
// and this thread waits for the step, so the writer's wake-up hands it the
// CPU in the middle of finishing the future, before the continuation runs.
#include "core/outbox/durablewriter.h"
#include "core/util/whenfinished.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QObject>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <vector>

#ifdef Q_OS_LINUX
#include <pthread.h>
#include <sched.h>
#endif

using namespace Core;

namespace {

// This thread, and the threads it starts from now on, on one CPU; undone
// at the end of the scope.
class OneCpu
{
public:
    OneCpu()
    {
#ifdef Q_OS_LINUX
        pinned_ = pthread_getaffinity_np(pthread_self(), sizeof before, &before) == 0;
        cpu_set_t one;
        CPU_ZERO(&one);
        for (int cpu = 0; cpu < CPU_SETSIZE && pinned_; ++cpu) {
            if (CPU_ISSET(cpu, &before)) {
                CPU_SET(cpu, &one);
                pinned_ = pthread_setaffinity_np(pthread_self(), sizeof one, &one) == 0;
                break;
            }
        }
#endif
    }
    [[nodiscard]] bool pinned() const
    {
#ifdef Q_OS_LINUX
        return pinned_;
#else
        return true; // (elsewhere the moment is left to chance)
#endif
    }
    ~OneCpu()
    {
#ifdef Q_OS_LINUX
        if (pinned_)
            pthread_setaffinity_np(pthread_self(), sizeof before, &before);
#endif
    }
    Q_DISABLE_COPY_MOVE(OneCpu)

private:
#ifdef Q_OS_LINUX
    cpu_set_t before {};
    bool pinned_ = false;
#endif
};

} // namespace

TEST(DurableWriterListening, AStepFinishedWhileItsListenerIsAttachedIsHeardOnceFromTheEventLoop)
{
    constexpr int kSteps = 2000;
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    std::vector<int> heard(kSteps, 0);
    int failed = 0;
    int heardInsideTheCall = 0;
    bool attaching = false;
    {
        const OneCpu pin;
        ASSERT_TRUE(pin.pinned()) << "could not put this thread on one CPU: the moment would be left to chance";
        DurableWriter writer; // its thread shares this one's CPU
        QObject context;
        for (int i = 0; i < kSteps; ++i) {
            // Every fourth step with a directory to sync, like the sent records.
            const QString directory = i % 4 == 0 ? dir.path() : QString();
            QFuture<bool> done = writer.post({[] { return Result<void>(); }, directory, {}});
            done.waitForFinished(); // woken while the writer is still finishing it
            attaching = true;
            whenFinished(done, &context, [&, i](bool ok) {
                ++heard[i];
                if (!ok)
                    ++failed;
                if (attaching)
                    ++heardInsideTheCall;
            });
            attaching = false;
        }
        const QDeadlineTimer deadline(30'000);
        const auto all = [&] {
            for (int n : heard) {
                if (n == 0)
                    return false;
            }
            return true;
        };
        while (!all() && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    int missing = 0;
    int twice = 0;
    for (int n : heard) {
        missing += n == 0;
        twice += n > 1;
    }
    EXPECT_EQ(missing, 0) << "steps never heard of";
    EXPECT_EQ(twice, 0) << "steps heard of more than once";
    EXPECT_EQ(failed, 0) << "steps reported as not durable";
    EXPECT_EQ(heardInsideTheCall, 0) << "heard inside whenFinished(), not from the event loop";
}

// A listener whose object is gone before the step ends is not called (the
// flusher and the SMTP client may be destroyed while a step is under way).
TEST(DurableWriterListening, AListenerWhoseObjectIsGoneFirstIsNotCalled)
{
    std::atomic<bool> release{false};
    int heard = 0;
    {
        DurableWriter writer;
        QFuture<bool> done = writer.post({[&release] {
                                              while (!release.load())
                                                  QThread::msleep(1);
                                              return Result<void>();
                                          },
                                          {}, {}});
        auto context = std::make_unique<QObject>();
        whenFinished(done, context.get(), [&heard](bool) { ++heard; });
        context.reset();
        release = true;
        done.waitForFinished();
        QCoreApplication::processEvents();
        QCoreApplication::sendPostedEvents();
    }
    EXPECT_EQ(heard, 0);
    // The same step heard with its object alive: the check above can fail.
    {
        DurableWriter writer;
        QObject context;
        QFuture<bool> done = writer.post({[] { return Result<void>(); }, {}, {}});
        whenFinished(done, &context, [&heard](bool ok) { heard += ok ? 1 : 100; });
        done.waitForFinished();
        const QDeadlineTimer deadline(10'000);
        while (heard == 0 && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    EXPECT_EQ(heard, 1);
}
