// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/messageeditor.h"

#include "ui/htmlsanitizer.h"

#include <QMimeData>
#include <QTextCursor>
#include <QTextDocumentFragment>
#include <QUrl>

namespace Gui {

namespace {

// Firefox names the page a selection was copied from (UTF-16, the URL on the
// first line): relative links of the page resolve against it.
QUrl sourcePage(const QMimeData *source)
{
    const QByteArray raw = source->data(QStringLiteral("text/x-moz-url-priv"));
    if (raw.isEmpty())
        return {};
    QString text;
    if (raw.size() % 2 == 0 && raw.size() < 64 * 1024) {
        text = QString::fromUtf16(reinterpret_cast<const char16_t *>(raw.constData()),
                                  raw.size() / 2);
        if (!text.startsWith(QLatin1String("http")))
            text = QString::fromUtf8(raw);
    } else {
        text = QString::fromUtf8(raw.left(64 * 1024));
    }
    return QUrl(text.section(u'\n', 0, 0).trimmed());
}

} // namespace

MessageEditor::MessageEditor(QWidget *parent)
    : QTextEdit(parent)
{
    setAcceptRichText(true);
}

MessageEditor::~MessageEditor() = default;

bool MessageEditor::canInsertFromMimeData(const QMimeData *source) const
{
    return canInsertImageData(source) || source->hasHtml() || source->hasText()
        || QTextEdit::canInsertFromMimeData(source);
}

void MessageEditor::insertFromMimeData(const QMimeData *source)
{
    if (insertImageData(source))
        return;
    QTextCursor cursor = textCursor();
    if (source->hasHtml() && acceptRichText()) {
        const QString clean = HtmlSanitizer::sanitize(source->html(), sourcePage(source));
        cursor.insertFragment(QTextDocumentFragment::fromHtml(clean));
    } else if (source->hasText()) {
        cursor.insertText(source->text());
    } else if (!source->hasFormat(QStringLiteral("application/x-qrichtext"))) {
        // Links dropped without text, say: Qt makes them text. Its own rich
        // text format is never read unfiltered (any program can offer it).
        QTextEdit::insertFromMimeData(source);
        return;
    }
    setTextCursor(cursor);
    ensureCursorVisible();
}

bool MessageEditor::canInsertImageData(const QMimeData *source) const
{
    Q_UNUSED(source)
    return false;
}

bool MessageEditor::insertImageData(const QMimeData *source)
{
    Q_UNUSED(source)
    return false;
}

} // namespace Gui
