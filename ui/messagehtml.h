// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QTextDocument;

namespace Gui {

/**
 * The two forms a formatted message is sent in, written from the editor's
 * document by Outpost itself rather than by QTextDocument::toHtml(), whose
 * output carries Qt's internals (a `qrichtext` meta tag, `-qt-*` properties,
 * the editor's font and size on the body).
 *
 * html(): minimal standard HTML — paragraphs as `<div>`, `<b>`, `<i>`, `<u>`,
 * `<s>`, links, text colour only where the person chose one, `<ul>`/`<ol>`
 * lists and `<blockquote>` — what a mail composer such as Thunderbird sends.
 *
 * plainText(): the same text for readers without HTML, with the emphasis kept
 * readable in the usual plain-text conventions (`*bold*`, `/italic/`,
 * `_underline_`), lists as "- " or "1. " items, quotes as "> ".
 */
class MessageHtml final
{
public:
    [[nodiscard]] static QString html(const QTextDocument &document);
    [[nodiscard]] static QString plainText(const QTextDocument &document);
    /// Whether anything in the document is more than plain text.
    [[nodiscard]] static bool hasFormatting(const QTextDocument &document);
};

} // namespace Gui
