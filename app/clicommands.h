// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QStringList>

namespace App {

/// `outpost send ...`
[[nodiscard]] int runSend(const QStringList &args);
/// `outpost outbox list|flush|retry|remove|mark-sent|send-again ...`
[[nodiscard]] int runOutbox(const QStringList &args);
/// `outpost autoconfig ADDRESS [--json]`
[[nodiscard]] int runAutoconfig(const QStringList &args);
/// `outpost account add|list|remove ...`
[[nodiscard]] int runAccount(const QStringList &args);

} // namespace App
