// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/outbox/durablewriter.h"

#include "core/util/durablefile.h"

#include <QPromise>
#include <QSet>

#include <atomic>
#include <vector>

namespace Core {

namespace {
std::atomic<quint64> g_directorySyncs{0};
} // namespace

struct DurableWriter::Pending
{
    Step step;
    std::shared_ptr<QPromise<bool>> promise;
};

DurableWriter::DurableWriter()
    : m_thread([this] { run(); })
{
}

DurableWriter::~DurableWriter()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join(); // every posted step is done first (see run())
}

QFuture<bool> DurableWriter::post(Step step)
{
    auto promise = std::make_shared<QPromise<bool>>();
    promise->start();
    QFuture<bool> future = promise->future();
    {
        const std::lock_guard lock(m_mutex);
        m_queue.push_back({std::move(step), std::move(promise)});
    }
    m_wake.notify_one();
    return future;
}

quint64 DurableWriter::directorySyncs()
{
    return g_directorySyncs.load(std::memory_order_relaxed);
}

void DurableWriter::run()
{
    for (;;) {
        std::deque<Pending> group;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty())
                return; // stopping, and nothing left to make durable
            group.swap(m_queue);
        }
        commit(group);
    }
}

void DurableWriter::commit(std::deque<Pending> &group)
{
    // Every name first, then one sync per directory: the steps queued while
    // the previous group synced cost one sync together, not one each.
    std::vector<bool> written;
    written.reserve(group.size());
    QSet<QString> directories;
    for (Pending &p : group) {
        const bool ok = !p.step.write || p.step.write().ok();
        written.push_back(ok);
        if (ok && !p.step.directory.isEmpty())
            directories.insert(p.step.directory);
    }
    QSet<QString> failed;
    for (const QString &directory : std::as_const(directories)) {
        g_directorySyncs.fetch_add(1, std::memory_order_relaxed);
        if (!Durable::syncDirectory(directory).ok())
            failed.insert(directory);
    }
    for (size_t i = 0; i < group.size(); ++i) {
        Pending &p = group[i];
        const bool durable = written[i] && !failed.contains(p.step.directory);
        if (durable && p.step.afterSync)
            p.step.afterSync();
        p.promise->addResult(durable);
        p.promise->finish();
    }
}

} // namespace Core
