// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/messagehtml.h"

#include <QColor>
#include <QCoreApplication>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFragment>
#include <QTextImageFormat>
#include <QTextList>
#include <QUrl>

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
    const QTextList *openList = nullptr;
    int openQuotes = 0;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        const QTextList *list = block.textList();
        if (openList && list != openList) {
            body += isListNumbered(openList) ? QStringLiteral("</ol>\n") : QStringLiteral("</ul>\n");
            openList = nullptr;
        }
        const int quotes = quoteLevel(block);
        for (; openQuotes < quotes; ++openQuotes)
            body += QStringLiteral("<blockquote type=\"cite\">\n");
        for (; openQuotes > quotes; --openQuotes)
            body += QStringLiteral("</blockquote>\n");
        if (list && list != openList) {
            body += isListNumbered(list) ? QStringLiteral("<ol>\n") : QStringLiteral("<ul>\n");
            openList = list;
        }
        const QString content = blockHtml(block);
        if (list)
            body += QStringLiteral("<li>%1</li>\n").arg(content);
        else
            body += QStringLiteral("<div>%1</div>\n").arg(content.isEmpty() ? QStringLiteral("<br>") : content);
    }
    if (openList)
        body += isListNumbered(openList) ? QStringLiteral("</ol>\n") : QStringLiteral("</ul>\n");
    for (; openQuotes > 0; --openQuotes)
        body += QStringLiteral("</blockquote>\n");
    return QStringLiteral("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"UTF-8\">\n</head>\n<body>\n")
        + body + QStringLiteral("</body>\n</html>\n");
}

bool MessageHtml::hasFormatting(const QTextDocument &document)
{
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        if (block.textList() || quoteLevel(block) > 0)
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
            const int indent = std::max(0, list->format().indent() - 1);
            item = QStringLiteral("  ").repeated(indent);
            item += isListNumbered(list) ? QStringLiteral("%1. ").arg(list->itemNumber(block) + 1) : QStringLiteral("- ");
        }
        // A line break inside a list item continues the item, under its text.
        const QStringList parts = blockPlain(block).split(u'\n');
        for (qsizetype i = 0; i < parts.size(); ++i)
            lines << quote + (i == 0 ? item : QString(item.size(), u' ')) + parts.at(i);
    }
    return lines.join(u'\n');
}

} // namespace Gui
