// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/crashpoint.h"

#include <QByteArray>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace Core::CrashPoint {

void hit(const char *label)
{
    static const QByteArray target = qgetenv("OUTPOST_CRASH_AT");
    if (!target.isEmpty() && std::strcmp(target.constData(), label) == 0) {
        std::fprintf(stderr, "outpost: crash point %s reached, aborting\n", label);
        std::fflush(stderr);
        std::_Exit(134); // no cleanup, no flushing of Qt buffers: like a crash
    }
}

} // namespace Core::CrashPoint
