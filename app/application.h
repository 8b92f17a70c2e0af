// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QCoreApplication;

namespace App {

/// Names used by QStandardPaths and QSettings: config in
/// $XDG_CONFIG_HOME/outpost, data in $XDG_DATA_HOME/outpost.
void setApplicationIdentity();

/// Loads Outpost's embedded translation for the system locale (or the
/// OUTPOST_LANGUAGE override) plus Qt's own, into the running application.
void installTranslations(QCoreApplication &app);

} // namespace App
