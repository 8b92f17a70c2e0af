// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace App {

/// `outpost contacts import FILE [--json] [--dry-run]`, `contacts list
/// [--json]`, `contacts export FILE` (issue 22).
[[nodiscard]] int runContacts(const QStringList &args);

} // namespace App
