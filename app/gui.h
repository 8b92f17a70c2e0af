// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace App {

/// Creates the QApplication, opens the composer and runs the event loop.
[[nodiscard]] int runGui(int &argc, char **argv);

} // namespace App
