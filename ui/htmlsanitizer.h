// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

namespace Gui {

/**
 * Reduces HTML from outside (the clipboard: a web page, an office program,
 * another mail program) to the subset the composer's formatting bar makes
 * and MessageHtml sends (docs/design/RICHTEXT.md):
 *
 * paragraphs and line breaks, bold, italic, underline, strike, the text
 * colours of the bar's palette, the bar's text sizes, bulleted and numbered
 * lists (nested), quotes, and links to http(s), mailto and tel.
 *
 * Everything else goes: scripts, styles, event handlers and every other
 * attribute, frames, forms, objects, comments (Word's conditional ones
 * included). Images become their alternative text, so nothing is ever
 * fetched. Relative links resolve against `base` (or the fragment's own
 * `<base href>`); without one they become plain text, as do links to other
 * schemes (javascript:, file:, data:).
 *
 * The result is well-formed and holds no attribute but `href` and a `style`
 * written here, so handing it to Qt's HTML reader cannot load anything.
 */
class HtmlSanitizer final
{
public:
    [[nodiscard]] static QString sanitize(const QString &html, const QUrl &base = {});
};

} // namespace Gui
