// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QStringView>

namespace Gui {

/**
 * Which words of a line of a message are checked. Not checked: quoted lines
 * (starting with '>', someone else's words), URLs, e-mail addresses, paths,
 * and code-like words (camelCase, snake_case, words with digits), which no
 * dictionary knows and which the writer did not misspell.
 */
namespace SpellTokenizer {

struct Word
{
    qsizetype start = 0;
    qsizetype length = 0;
    friend bool operator==(const Word &, const Word &) = default;
};

/// A quotation: the line's first non-blank character is '>'.
[[nodiscard]] bool isQuoted(QStringView line);

/// The words of `line` to check, in order (none for a quoted line).
[[nodiscard]] QList<Word> words(QStringView line);

} // namespace SpellTokenizer
} // namespace Gui
