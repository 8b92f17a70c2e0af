// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QString>

#include <array>
#include <optional>

namespace Gui::RichTextSubset {

// What the formatting bar can make beyond emphasis, lists, quotes and links:
// a few text sizes and colours. The same lists bound what MessageHtml writes
// and what HtmlSanitizer keeps of pasted HTML ("could the person have made
// this with the bar?"). See docs/design/RICHTEXT.md.

/// Text sizes, as QTextFormat::FontSizeAdjustment values (relative to the
/// reader's font, like the CSS keywords they are sent as).
enum class Size { Small = -1, Normal = 0, Large = 1, Huge = 2 };

/// The CSS keyword of an adjustment ("small", "large", "x-large"), empty for
/// the normal size and for sizes outside the subset.
[[nodiscard]] QString cssSize(int adjustment);
/// The adjustment of a CSS `font-size` value, if it is one of the subset.
[[nodiscard]] std::optional<int> sizeFromCss(const QString &value);

struct Colour
{
    QRgb rgb;
    const char *name; ///< untranslated; translated in the context "Gui::FormatBar"
};

/// The text colours of the bar, in menu order.
[[nodiscard]] const std::array<Colour, 6> &palette();
/// Whether `colour` is one of the palette's.
[[nodiscard]] bool inPalette(const QColor &colour);

} // namespace Gui::RichTextSubset
