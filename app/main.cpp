// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/application.h"
#include "app/cli.h"
#include "app/gui.h"

#include <QCoreApplication>
#include <QStringList>

int main(int argc, char **argv)
{
    QStringList arguments;
    arguments.reserve(argc);
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));

    // --version, --help and every CLI verb run without a display: only the
    // GUI path creates a QApplication.
    if (App::wantsGui(arguments))
        return App::runGui(argc, argv);

    QCoreApplication app(argc, argv);
    App::setApplicationIdentity();
    App::installTranslations(app);
    return App::runCli(arguments);
}
