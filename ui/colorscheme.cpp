// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/colorscheme.h"

#include <QApplication>
#include <QPalette>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace Gui {

namespace {

QPalette darkPalette()
{
    // Contrast of at least 7:1 for text on its background (WCAG AAA).
    const QColor window(0x2b, 0x2b, 0x2b);
    const QColor base(0x1e, 0x1e, 0x1e);
    const QColor text(0xee, 0xee, 0xee);
    const QColor disabled(0x8a, 0x8a, 0x8a);
    const QColor highlight(0x3d, 0x7a, 0xd6);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    p.setColor(QPalette::LinkVisited, QColor(0xc5, 0x8a, 0xf9));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x45, 0x45, 0x45));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3a, 0x3a));
    p.setColor(QPalette::Mid, QColor(0x30, 0x30, 0x30));
    p.setColor(QPalette::Dark, QColor(0x18, 0x18, 0x18));
    p.setColor(QPalette::Shadow, Qt::black);
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

} // namespace

ColorScheme::Scheme ColorScheme::parse(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("dark"))
        return Scheme::Dark;
    if (n == QLatin1String("light"))
        return Scheme::Light;
    return Scheme::System;
}

ColorScheme::Scheme ColorScheme::apply(const QString &settingsFile)
{
    QString choice = qEnvironmentVariable("OUTPOST_COLOR_SCHEME");
    if (choice.isEmpty())
        choice = QSettings(settingsFile, QSettings::IniFormat).value(QStringLiteral("ui/colorScheme")).toString();
    const Scheme scheme = parse(choice);
    if (scheme == Scheme::System)
        return scheme;
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(scheme == Scheme::Dark ? darkPalette() : QApplication::style()->standardPalette());
    return scheme;
}

} // namespace Gui
