// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/messagehtml.h"

#include "ui/richtextsubset.h"

#include <QColor>
#include <QCoreApplication>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFragment>
#include <QTextImageFormat>
#include <QTextList>
#include <QUrl>

#include <vector>

namespace Gui {

namespace {

bool isListNumbered(const QTextList *list)
{
    switch (list->format().style()) {
    case QTextListFormat::ListDecimal:
    case QTextListFormat::ListLowerAlpha:
    case QTextListFormat::ListUpperAlpha:
    case QTextListFormat::ListLowerRoman:
    case QTextListFormat::ListUpperRoman:
        return true;
    default:
        return false;
    }
}

int quoteLevel(const QTextBlock &block)
{
    return block.blockFormat().intProperty(QTextFormat::BlockQuoteLevel);
}

// How deep a list is nested (1 for a list of the text itself).
int listLevel(const QTextList *list) { return std::max(1, list->format().indent()); }

// The indentation of a paragraph outside lists, in steps: the bar's Indent,
// or the margin Qt gives an indented paragraph read back from HTML (a
// draft), less the margin of its quotes.
int paragraphIndent(const QTextBlock &block)
{
    constexpr qreal step = 40; // the width Qt's layout gives one step
    const QTextBlockFormat f = block.blockFormat();
    const int fromMargin = qRound(f.leftMargin() / step) - quoteLevel(block);
    return f.indent() + std::max(0, fromMargin);
}

// Links people send: the web, mail and phone numbers. Others (javascript:,
// file: paths of this computer, data:) stay plain text.
bool isSafeLink(const QString &href)
{
    const QString scheme = QUrl(href).scheme().toLower();
    return scheme == QLatin1String("https") || scheme == QLatin1String("http") || scheme == QLatin1String("mailto")
        || scheme == QLatin1String("tel");
}

// The inline markup of one fragment, opening and closing tags in order.
struct Inline
{
    QString open;
    QString close;
};

Inline inlineTags(const QTextCharFormat &f)
{
    Inline t;
    const auto wrap = [&t](const QString &open, const QString &close) {
        t.open += open;
        t.close.prepend(close);
    };
    if (f.isAnchor() && isSafeLink(f.anchorHref()))
        wrap(QStringLiteral("<a href=\"%1\">").arg(f.anchorHref().toHtmlEscaped()), QStringLiteral("</a>"));
    if (f.hasProperty(QTextFormat::ForegroundBrush) && f.foreground().style() != Qt::NoBrush && !f.isAnchor())
        wrap(QStringLiteral("<span style=\"color:%1\">").arg(f.foreground().color().name()), QStringLiteral("</span>"));
    if (const QString size = RichTextSubset::cssSize(f.intProperty(QTextFormat::FontSizeAdjustment)); !size.isEmpty())
        wrap(QStringLiteral("<span style=\"font-size:%1\">").arg(size), QStringLiteral("</span>"));
    if (f.fontWeight() >= QFont::Bold)
        wrap(QStringLiteral("<b>"), QStringLiteral("</b>"));
    if (f.fontItalic())
        wrap(QStringLiteral("<i>"), QStringLiteral("</i>"));
    if (f.fontUnderline() && !f.isAnchor())
        wrap(QStringLiteral("<u>"), QStringLiteral("</u>"));
    if (f.fontStrikeOut())
        wrap(QStringLiteral("<s>"), QStringLiteral("</s>"));
    return t;
}

// An image of the text: one the message carries is referred to by its
// Content-ID ("cid:", RFC 2392); anything else (a path of this computer, a
// web address) is never sent as a reference, only its name is.
QString imageAlt(const QTextImageFormat &f)
{
    const QString alt = f.stringProperty(QTextFormat::ImageAltText);
    return alt.isEmpty() ? QUrl(f.name()).fileName() : alt;
}

QString imageHtml(const QTextImageFormat &f)
{
    if (!f.name().startsWith(QLatin1String("cid:")))
        return imageAlt(f).toHtmlEscaped();
    QString tag = QStringLiteral("<img src=\"%1\" alt=\"%2\"").arg(f.name().toHtmlEscaped(), imageAlt(f).toHtmlEscaped());
    if (f.width() > 0 && f.height() > 0)
        tag += QStringLiteral(" width=\"%1\" height=\"%2\"").arg(qRound(f.width())).arg(qRound(f.height()));
    return tag + u'>';
}

QString imagePlain(const QTextImageFormat &f)
{
    //: How an image in the text shows in the plain-text copy; %1 is its file name
    return QCoreApplication::translate("MessageHtml", "[image: %1]").arg(imageAlt(f));
}

QString blockHtml(const QTextBlock &block)
{
    QString out;
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        const QTextFragment fragment = it.fragment();
        if (!fragment.isValid())
            continue;
        if (fragment.charFormat().isImageFormat()) {
            out += imageHtml(fragment.charFormat().toImageFormat()).repeated(fragment.length());
            continue;
        }
        QString text = fragment.text().toHtmlEscaped();
        text.replace(QChar::LineSeparator, QStringLiteral("<br>"));
        text.replace(QChar::Nbsp, QStringLiteral("&nbsp;"));
        const Inline tags = inlineTags(fragment.charFormat());
        out += tags.open + text + tags.close;
    }
    return out;
}

QString blockPlain(const QTextBlock &block)
{
    QString out;
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        const QTextFragment fragment = it.fragment();
        if (!fragment.isValid())
            continue;
        if (fragment.charFormat().isImageFormat()) {
            out += imagePlain(fragment.charFormat().toImageFormat()).repeated(fragment.length());
            continue;
        }
        QString text = fragment.text();
        text.replace(QChar::LineSeparator, u'\n');
        text.replace(QChar::Nbsp, u' ');
        const QTextCharFormat f = fragment.charFormat();
        // Markers go around the words, not around the spaces next to them.
        qsizetype lead = 0;
        while (lead < text.size() && text.at(lead).isSpace())
            ++lead;
        qsizetype trail = 0;
        while (trail < text.size() - lead && text.at(text.size() - 1 - trail).isSpace())
            ++trail;
        QString core = text.mid(lead, text.size() - lead - trail);
        if (!core.isEmpty()) {
            if (f.fontUnderline() && !f.isAnchor())
                core = u'_' + core + u'_';
            if (f.fontItalic())
                core = u'/' + core + u'/';
            if (f.fontWeight() >= QFont::Bold)
                core = u'*' + core + u'*';
            if (f.isAnchor() && !f.anchorHref().isEmpty() && f.anchorHref() != core)
                core += QStringLiteral(" <%1>").arg(f.anchorHref());
        }
        out += text.left(lead) + core + text.right(trail);
    }
    return out;
}

} // namespace

QString MessageHtml::html(const QTextDocument &document)
{
    QString body;
    // The lists around the current paragraph, outermost first, each with its
    // last item still open: a nested list goes inside that item.
    std::vector<const QTextList *> lists;
    const auto closeList = [&body, &lists] {
        body += isListNumbered(lists.back()) ? QStringLiteral("</li></ol>") : QStringLiteral("</li></ul>");
        lists.pop_back();
        // Nothing between a nested list and the end of its item: a reader
        // (Qt's among them) takes a line break there for text of the item.
        if (lists.empty())
            body += u'\n';
    };
    int openQuotes = 0;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        const QTextList *list = block.textList();
        const int quotes = quoteLevel(block);
        const int level = list ? listLevel(list) : 0;
        while (!lists.empty()
               && (!list || quotes != openQuotes || listLevel(lists.back()) > level
                   || (listLevel(lists.back()) == level && lists.back() != list)))
            closeList();
        for (; openQuotes < quotes; ++openQuotes)
            body += QStringLiteral("<blockquote type=\"cite\">\n");
        for (; openQuotes > quotes; --openQuotes)
            body += QStringLiteral("</blockquote>\n");
        const QString content = blockHtml(block);
        if (list) {
            if (!lists.empty() && lists.back() == list) {
                body += QStringLiteral("</li>\n");
            } else {
                body += isListNumbered(list) ? QStringLiteral("<ol>\n") : QStringLiteral("<ul>\n");
                lists.push_back(list);
            }
            body += QStringLiteral("<li>") + content;
        } else {
            const int indent = paragraphIndent(block);
            const QString style = indent > 0 ? QStringLiteral(" style=\"margin-left:%1px\"").arg(indent * 40) : QString();
            body += QStringLiteral("<div%1>%2</div>\n").arg(style, content.isEmpty() ? QStringLiteral("<br>") : content);
        }
    }
    while (!lists.empty())
        closeList();
    for (; openQuotes > 0; --openQuotes)
        body += QStringLiteral("</blockquote>\n");
    return QStringLiteral("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"UTF-8\">\n</head>\n<body>\n")
        + body + QStringLiteral("</body></html>");
}

bool MessageHtml::hasFormatting(const QTextDocument &document)
{
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        if (block.textList() || quoteLevel(block) > 0 || paragraphIndent(block) > 0)
            return true;
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            if (it.fragment().charFormat().isImageFormat())
                return true;
            const Inline tags = inlineTags(it.fragment().charFormat());
            if (!tags.open.isEmpty())
                return true;
        }
    }
    return false;
}

QString MessageHtml::plainText(const QTextDocument &document)
{
    QStringList lines;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        QString quote;
        if (const int quotes = quoteLevel(block); quotes > 0)
            quote = QStringLiteral("> ").repeated(quotes);
        QString item;
        if (const QTextList *list = block.textList()) {
            // Nested items under the text of the item above them.
            item = QStringLiteral("   ").repeated(listLevel(list) - 1);
            item += isListNumbered(list) ? QStringLiteral("%1. ").arg(list->itemNumber(block) + 1) : QStringLiteral("- ");
        } else {
            item = QStringLiteral("    ").repeated(paragraphIndent(block));
        }
        // A line break inside a list item continues the item, under its text.
        const QStringList parts = blockPlain(block).split(u'\n');
        for (qsizetype i = 0; i < parts.size(); ++i)
            lines << quote + (i == 0 ? item : QString(item.size(), u' ')) + parts.at(i);
    }
    return lines.join(u'\n');
}

} // namespace Gui
