// SPDX-License-Identifier: GPL-3.0-or-later
// Shared GoogleTest main: creates the Qt application object first, so tests
// can use signals, timers, sockets and QSignalSpy::wait().
#include <gtest/gtest.h>

#ifdef OUTPOST_TEST_GUI
#include <QApplication>
using TestApplication = QApplication;
#else
#include <QCoreApplication>
using TestApplication = QCoreApplication;
#endif

int main(int argc, char **argv)
{
#ifdef OUTPOST_TEST_GUI
    // Widget tests run without a display unless the caller chose a platform.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
#endif
    ::testing::InitGoogleTest(&argc, argv);
    TestApplication app(argc, argv);
    TestApplication::setApplicationName(QStringLiteral("outpost-tests"));
    return RUN_ALL_TESTS();
}
