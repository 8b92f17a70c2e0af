// SPDX-License-Identifier: GPL-3.0-or-later
// Builds one message with the given file attached and reports, as JSON, the
// time taken and the process's memory: the resident size just before building
// (the idle baseline) and the peak. Used by bench/mime.sh and by the memory
// test in tests/core.
//
//   outpost-mime-bench ATTACHMENT OUTPUT
#include "core/mime/mimebuilder.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <cstdio>

#if defined(Q_OS_WIN)
#include <windows.h>
#include <psapi.h>
#elif defined(Q_OS_MACOS)
#include <mach/mach.h>
#include <sys/resource.h>
#else
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace {

// Resident set size in KiB: /proc and getrusage() on Linux; the process
// memory counters on Windows; the Mach task info on macOS (where ru_maxrss
// counts bytes, not KiB).
long currentRssKb()
{
#if defined(Q_OS_WIN)
    PROCESS_MEMORY_COUNTERS counters {};
    if (!GetProcessMemoryInfo(GetCurrentProcess(), &counters, static_cast<DWORD>(sizeof counters)))
        return -1;
    return static_cast<long>(counters.WorkingSetSize / 1024);
#elif defined(Q_OS_MACOS)
    mach_task_basic_info info {};
    mach_msg_type_number_t count = MACH_TASK_BASIC_INFO_COUNT;
    if (task_info(mach_task_self(), MACH_TASK_BASIC_INFO, reinterpret_cast<task_info_t>(&info), &count) != KERN_SUCCESS)
        return -1;
    return static_cast<long>(info.resident_size / 1024);
#else
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields.at(1).toLong() * (sysconf(_SC_PAGESIZE) / 1024) : -1;
#endif
}

long peakRssKb()
{
#if defined(Q_OS_WIN)
    PROCESS_MEMORY_COUNTERS counters {};
    if (!GetProcessMemoryInfo(GetCurrentProcess(), &counters, static_cast<DWORD>(sizeof counters)))
        return -1;
    return static_cast<long>(counters.PeakWorkingSetSize / 1024);
#elif defined(Q_OS_MACOS)
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<long>(usage.ru_maxrss / 1024);
#else
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
#endif
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: outpost-mime-bench ATTACHMENT OUTPUT\n");
        return 64;
    }
    Core::Draft draft;
    draft.from = Core::MailAddress(QStringLiteral("Bench"), QStringLiteral("bench@example.org"));
    draft.to = {Core::MailAddress(QString(), QStringLiteral("peer@example.org"))};
    draft.subject = QStringLiteral("Benchmark");
    draft.textBody = QStringLiteral("See the attachment.\n");
    draft.attachments = {Core::Attachment{QString::fromLocal8Bit(argv[1]), {}, {}}};

    Core::MimeBuilder builder;
    QFile out(QString::fromLocal8Bit(argv[2]));
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        std::fprintf(stderr, "cannot write %s\n", argv[2]);
        return 73;
    }
    const long baseline = currentRssKb();
    QElapsedTimer clock;
    clock.start();
    const auto envelope = builder.write(draft, &out);
    out.close();
    const double seconds = static_cast<double>(clock.nsecsElapsed()) / 1e9;
    if (!envelope) {
        std::fprintf(stderr, "%s\n", qPrintable(envelope.error().message()));
        return 70;
    }
    std::printf("{\"seconds\": %.3f, \"size\": %lld, \"baseline_rss_kb\": %ld, \"peak_rss_kb\": %ld}\n",
                seconds, static_cast<long long>(envelope->size), baseline, peakRssKb());
    return 0;
}
