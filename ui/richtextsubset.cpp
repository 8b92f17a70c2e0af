// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/richtextsubset.h"

#include <QCoreApplication>

namespace Gui::RichTextSubset {

QString cssSize(int adjustment)
{
    switch (adjustment) {
    case int(Size::Small):
        return QStringLiteral("small");
    case int(Size::Large):
        return QStringLiteral("large");
    case int(Size::Huge):
        return QStringLiteral("x-large");
    default:
        return {};
    }
}

std::optional<int> sizeFromCss(const QString &value)
{
    const QString v = value.trimmed().toLower();
    for (const Size s : {Size::Small, Size::Large, Size::Huge}) {
        if (v == cssSize(int(s)))
            return int(s);
    }
    if (v == QLatin1String("medium"))
        return int(Size::Normal);
    return std::nullopt;
}

const std::array<Colour, 6> &palette()
{
    static const std::array<Colour, 6> colours {{
        {0xffc62828, QT_TRANSLATE_NOOP("Gui::FormatBar", "Red")},
        {0xffef6c00, QT_TRANSLATE_NOOP("Gui::FormatBar", "Orange")},
        {0xff2e7d32, QT_TRANSLATE_NOOP("Gui::FormatBar", "Green")},
        {0xff1565c0, QT_TRANSLATE_NOOP("Gui::FormatBar", "Blue")},
        {0xff6a1b9a, QT_TRANSLATE_NOOP("Gui::FormatBar", "Purple")},
        {0xff757575, QT_TRANSLATE_NOOP("Gui::FormatBar", "Grey")},
    }};
    return colours;
}

bool inPalette(const QColor &colour)
{
    if (!colour.isValid())
        return false;
    const QRgb rgb = colour.rgb();
    for (const Colour &c : palette()) {
        if (c.rgb == rgb)
            return true;
    }
    return false;
}

} // namespace Gui::RichTextSubset
