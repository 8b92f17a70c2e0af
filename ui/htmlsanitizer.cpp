// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/htmlsanitizer.h"

#include "ui/richtextsubset.h"

#include <QColor>
#include <QHash>
#include <QSet>

#include <vector>

namespace Gui {

namespace {

// Elements whose content is not text for the reader: skipped up to their end
// tag without looking inside (the HTML parser reads them as raw text too).
bool isRawText(const QString &name)
{
    static const QSet<QString> names {
        QStringLiteral("script"),    QStringLiteral("style"),    QStringLiteral("title"),
        QStringLiteral("textarea"),  QStringLiteral("xmp"),      QStringLiteral("iframe"),
        QStringLiteral("noembed"),   QStringLiteral("noframes"), QStringLiteral("noscript"),
        QStringLiteral("plaintext"),
    };
    return names.contains(name);
}

// Elements dropped with all they contain: embedded programs and media,
// drawings, form controls (their labels mean nothing without them).
bool isDroppedWithContent(const QString &name)
{
    static const QSet<QString> names {
        QStringLiteral("object"),   QStringLiteral("applet"),   QStringLiteral("svg"),
        QStringLiteral("math"),     QStringLiteral("template"), QStringLiteral("select"),
        QStringLiteral("button"),   QStringLiteral("canvas"),   QStringLiteral("video"),
        QStringLiteral("audio"),    QStringLiteral("map"),      QStringLiteral("frameset"),
        QStringLiteral("datalist"), QStringLiteral("head"),
    };
    return names.contains(name);
}

bool isVoid(const QString &name)
{
    static const QSet<QString> names {
        QStringLiteral("br"),     QStringLiteral("hr"),    QStringLiteral("img"),
        QStringLiteral("meta"),   QStringLiteral("link"),  QStringLiteral("input"),
        QStringLiteral("wbr"),    QStringLiteral("col"),   QStringLiteral("area"),
        QStringLiteral("base"),   QStringLiteral("embed"), QStringLiteral("source"),
        QStringLiteral("track"),  QStringLiteral("param"), QStringLiteral("frame"),
        QStringLiteral("keygen"),
    };
    return names.contains(name);
}

// Block elements become a paragraph (or a division) of the text.
bool isBlock(const QString &name)
{
    static const QSet<QString> names {
        QStringLiteral("p"),        QStringLiteral("div"),     QStringLiteral("h1"),
        QStringLiteral("h2"),       QStringLiteral("h3"),      QStringLiteral("h4"),
        QStringLiteral("h5"),       QStringLiteral("h6"),      QStringLiteral("address"),
        QStringLiteral("article"),  QStringLiteral("aside"),   QStringLiteral("section"),
        QStringLiteral("header"),   QStringLiteral("footer"),  QStringLiteral("main"),
        QStringLiteral("nav"),      QStringLiteral("figure"),  QStringLiteral("figcaption"),
        QStringLiteral("dl"),       QStringLiteral("dt"),      QStringLiteral("dd"),
        QStringLiteral("tr"),       QStringLiteral("table"),   QStringLiteral("center"),
        QStringLiteral("caption"),  QStringLiteral("details"), QStringLiteral("summary"),
        QStringLiteral("fieldset"), QStringLiteral("legend"),  QStringLiteral("form"),
        QStringLiteral("hgroup"),
    };
    return names.contains(name);
}

// The few character references that matter inside the attributes read here
// (href, style); Qt's reader decodes those in the text.
QString decodeAttribute(QString value)
{
    QString out;
    out.reserve(value.size());
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (value.at(i) != u'&') {
            out += value.at(i);
            continue;
        }
        const qsizetype semi = value.indexOf(u';', i);
        if (semi < 0 || semi - i > 10) {
            out += value.at(i);
            continue;
        }
        const QString ref = value.mid(i + 1, semi - i - 1);
        char32_t code = 0;
        if (ref.startsWith(u'#')) {
            bool ok = false;
            const uint n = ref.startsWith(QLatin1String("#x"), Qt::CaseInsensitive)
                ? ref.mid(2).toUInt(&ok, 16)
                : ref.mid(1).toUInt(&ok, 10);
            code = ok && n > 0 && n < 0x110000 ? n : 0xfffd;
        } else {
            static const QHash<QString, char32_t> named {
                {QStringLiteral("amp"), u'&'},   {QStringLiteral("quot"), u'"'},
                {QStringLiteral("apos"), u'\''}, {QStringLiteral("lt"), u'<'},
                {QStringLiteral("gt"), u'>'},    {QStringLiteral("nbsp"), 0xa0}};
            code = named.value(ref.toLower(), 0);
        }
        if (code == 0) {
            out += value.at(i);
            continue;
        }
        out += QString::fromUcs4(&code, 1);
        i = semi;
    }
    return out;
}

// A `style` attribute as property → value, names in lower case.
QHash<QString, QString> parseStyle(const QString &style)
{
    QHash<QString, QString> props;
    for (const QString &declaration : style.split(u';', Qt::SkipEmptyParts)) {
        const qsizetype colon = declaration.indexOf(u':');
        if (colon <= 0)
            continue;
        QString value = declaration.mid(colon + 1).trimmed();
        value.remove(QLatin1String("!important"), Qt::CaseInsensitive);
        props.insert(declaration.left(colon).trimmed().toLower(), value.trimmed());
    }
    return props;
}

struct Tag
{
    QString name;
    QHash<QString, QString> attributes; // names in lower case, values decoded
    bool selfClosing = false;
};

class Sanitizer final
{
public:
    Sanitizer(const QString &html, const QUrl &base)
        : m_in(html)
        , m_base(base)
    {
    }

    QString run()
    {
        while (m_pos < m_in.size()) {
            if (m_in.at(m_pos) == u'<')
                markup();
            else
                text();
        }
        while (!m_open.empty())
            pop();
        return m_out;
    }

private:
    // What an element of the input became in the output.
    struct Open
    {
        QString source;
        QString close;
    };

    // Bounds the nesting the output keeps (deeper elements pass their text
    // through), so that a hostile page cannot make the stack grow unbounded.
    static constexpr std::size_t maxDepth = 200;

    [[nodiscard]] bool at(QLatin1String s) const
    {
        return QStringView(m_in).mid(m_pos, s.size()).compare(s, Qt::CaseInsensitive) == 0;
    }

    void skipPast(QStringView end)
    {
        const qsizetype i = m_in.indexOf(end, m_pos, Qt::CaseInsensitive);
        m_pos = i < 0 ? m_in.size() : i + end.size();
    }

    void text()
    {
        qsizetype end = m_in.indexOf(u'<', m_pos);
        if (end < 0)
            end = m_in.size();
        if (m_dropDepth == 0) {
            QString t = m_in.mid(m_pos, end - m_pos);
            t.replace(u'>', QLatin1String("&gt;"));
            m_out += t;
        }
        m_pos = end;
    }

    void markup()
    {
        const QChar next = m_pos + 1 < m_in.size() ? m_in.at(m_pos + 1) : QChar();
        if (at(QLatin1String("<!--"))) {
            m_pos += 4;
            skipPast(u"-->");
        } else if (next == u'!'
                   || next == u'?') { // doctype, Word's <![if …]>, processing instructions
            skipPast(u">");
        } else if (next == u'/' && m_pos + 2 < m_in.size() && m_in.at(m_pos + 2).isLetter()) {
            m_pos += 2;
            const QString name = readName();
            skipPast(u">");
            endTag(name);
        } else if (next.isLetter()) {
            ++m_pos;
            startTag(readTag());
        } else {
            if (m_dropDepth == 0)
                m_out += QLatin1String("&lt;");
            ++m_pos;
        }
    }

    QString readName()
    {
        const qsizetype start = m_pos;
        while (m_pos < m_in.size() && !m_in.at(m_pos).isSpace() && m_in.at(m_pos) != u'>'
               && m_in.at(m_pos) != u'/')
            ++m_pos;
        return m_in.mid(start, m_pos - start).toLower();
    }

    Tag readTag()
    {
        Tag tag;
        tag.name = readName();
        while (m_pos < m_in.size()) {
            const QChar c = m_in.at(m_pos);
            if (c == u'>') {
                ++m_pos;
                break;
            }
            if (c.isSpace() || c == u'/') {
                tag.selfClosing = c == u'/';
                ++m_pos;
                continue;
            }
            tag.selfClosing = false;
            const qsizetype nameStart = m_pos;
            while (m_pos < m_in.size() && !m_in.at(m_pos).isSpace() && m_in.at(m_pos) != u'='
                   && m_in.at(m_pos) != u'>' && m_in.at(m_pos) != u'/')
                ++m_pos;
            const QString attribute = m_in.mid(nameStart, m_pos - nameStart).toLower();
            while (m_pos < m_in.size() && m_in.at(m_pos).isSpace())
                ++m_pos;
            QString value;
            if (m_pos < m_in.size() && m_in.at(m_pos) == u'=') {
                ++m_pos;
                while (m_pos < m_in.size() && m_in.at(m_pos).isSpace())
                    ++m_pos;
                if (m_pos < m_in.size() && (m_in.at(m_pos) == u'"' || m_in.at(m_pos) == u'\'')) {
                    const QChar quote = m_in.at(m_pos);
                    qsizetype end = m_in.indexOf(quote, m_pos + 1);
                    if (end < 0)
                        end = m_in.size();
                    value = m_in.mid(m_pos + 1, end - m_pos - 1);
                    m_pos = std::min(end + 1, m_in.size());
                } else {
                    const qsizetype start = m_pos;
                    while (m_pos < m_in.size() && !m_in.at(m_pos).isSpace()
                           && m_in.at(m_pos) != u'>')
                        ++m_pos;
                    value = m_in.mid(start, m_pos - start);
                }
            }
            if (!attribute.isEmpty() && !tag.attributes.contains(attribute))
                tag.attributes.insert(attribute, decodeAttribute(value));
        }
        return tag;
    }

    void startTag(const Tag &tag)
    {
        const QString &name = tag.name;
        if (name == QLatin1String("base")) { // in the head, which is dropped
            voidElement(tag);
            return;
        }
        if (m_dropDepth > 0) {
            if (name == m_dropName && !tag.selfClosing)
                ++m_dropDepth;
            return;
        }
        if (isRawText(name)) {
            if (!tag.selfClosing)
                skipPast(QString(QLatin1String("</") + name));
            skipPast(u">");
            return;
        }
        if (isDroppedWithContent(name)) {
            if (!tag.selfClosing) {
                m_dropName = name;
                m_dropDepth = 1;
            }
            return;
        }
        if (isVoid(name)) {
            voidElement(tag);
            return;
        }
        if (tag.selfClosing && name != QLatin1String("a"))
            return; // <o:p/>, <span/>: nothing inside
        if (m_open.size() >= maxDepth)
            return;

        // A new block or list item ends the paragraph (or item) before it.
        if (isBlock(name) || name == QLatin1String("ul") || name == QLatin1String("ol")
            || name == QLatin1String("blockquote")) {
            if (!m_open.empty() && m_open.back().source == QLatin1String("p"))
                pop();
        }
        if (name == QLatin1String("li"))
            closeOpenItem();

        QString open;
        QString close;
        const auto wrap = [&open, &close](const QString &o, const QString &c) {
            open += o;
            close.prepend(c);
        };
        const QHash<QString, QString> style
            = parseStyle(tag.attributes.value(QStringLiteral("style")));
        bool bold = false;
        bool italic = false;
        bool underline = false;
        bool strike = false;
        int size = 0;
        const bool heading
            = name.size() == 2 && name.at(0) == u'h' && name.at(1) >= u'1' && name.at(1) <= u'6';
        if (name == QLatin1String("p") || heading) {
            wrap(QStringLiteral("<p>"), QStringLiteral("</p>"));
            if (name != QLatin1String("p")) { // headings: bold, the first two larger
                bold = true;
                size = name == QLatin1String("h1") ? int(RichTextSubset::Size::Huge)
                    : name == QLatin1String("h2")  ? int(RichTextSubset::Size::Large)
                                                   : 0;
            }
        } else if (isBlock(name)) {
            wrap(QStringLiteral("<div>"), QStringLiteral("</div>"));
        } else if (name == QLatin1String("ul") || name == QLatin1String("ol")
                   || name == QLatin1String("li") || name == QLatin1String("blockquote")
                   || name == QLatin1String("pre")) {
            wrap(u'<' + name + u'>', QStringLiteral("</") + name + u'>');
        } else if (name == QLatin1String("a")) {
            const QString href = linkTarget(tag.attributes.value(QStringLiteral("href")));
            if (!href.isEmpty())
                wrap(QStringLiteral("<a href=\"%1\">").arg(href.toHtmlEscaped()),
                     QStringLiteral("</a>"));
        } else if (name == QLatin1String("b") || name == QLatin1String("strong")
                   || name == QLatin1String("th")) {
            bold = true;
        } else if (name == QLatin1String("i") || name == QLatin1String("em")
                   || name == QLatin1String("cite") || name == QLatin1String("dfn")
                   || name == QLatin1String("var")) {
            italic = true;
        } else if (name == QLatin1String("u") || name == QLatin1String("ins")) {
            underline = true;
        } else if (name == QLatin1String("s") || name == QLatin1String("strike")
                   || name == QLatin1String("del")) {
            strike = true;
        } else if (name == QLatin1String("big")) {
            size = int(RichTextSubset::Size::Large);
        } else if (name == QLatin1String("small")) {
            size = int(RichTextSubset::Size::Small);
        }

        // What the style says (pasted office text is mostly spans with a
        // style), within the subset; Google Docs wraps its whole fragment in
        // a <b> that its style makes normal.
        if (const QString weight = style.value(QStringLiteral("font-weight")).toLower();
            !weight.isEmpty()) {
            bool numeric = false;
            const int w = weight.toInt(&numeric);
            bold = numeric ? w >= 600
                           : (weight == QLatin1String("bold") || weight == QLatin1String("bolder"));
        }
        if (const QString fontStyle = style.value(QStringLiteral("font-style")).toLower();
            !fontStyle.isEmpty())
            italic = fontStyle == QLatin1String("italic") || fontStyle == QLatin1String("oblique");
        const QString decoration = style.value(QStringLiteral("text-decoration")) + u' '
            + style.value(QStringLiteral("text-decoration-line"));
        underline
            = underline || decoration.contains(QLatin1String("underline"), Qt::CaseInsensitive);
        strike = strike || decoration.contains(QLatin1String("line-through"), Qt::CaseInsensitive);
        if (const auto s = RichTextSubset::sizeFromCss(style.value(QStringLiteral("font-size"))))
            size = *s;
        QColor colour(style.value(QStringLiteral("color")).trimmed());
        if (name == QLatin1String("font") && !colour.isValid())
            colour = QColor(tag.attributes.value(QStringLiteral("color")).trimmed());

        QStringList css;
        if (RichTextSubset::inPalette(colour))
            css << QStringLiteral("color:%1").arg(colour.name());
        if (const QString keyword = RichTextSubset::cssSize(size); !keyword.isEmpty())
            css << QStringLiteral("font-size:%1").arg(keyword);
        if (!css.isEmpty())
            wrap(QStringLiteral("<span style=\"%1\">").arg(css.join(u';')),
                 QStringLiteral("</span>"));
        if (bold)
            wrap(QStringLiteral("<b>"), QStringLiteral("</b>"));
        if (italic)
            wrap(QStringLiteral("<i>"), QStringLiteral("</i>"));
        if (underline)
            wrap(QStringLiteral("<u>"), QStringLiteral("</u>"));
        if (strike)
            wrap(QStringLiteral("<s>"), QStringLiteral("</s>"));
        if (name == QLatin1String("td") || name == QLatin1String("th"))
            close += u' '; // cells of a row stay apart
        m_out += open;
        m_open.push_back({name, close});
    }

    void voidElement(const Tag &tag)
    {
        if (tag.name == QLatin1String("br") || tag.name == QLatin1String("hr")) {
            m_out += QLatin1String("<br>");
        } else if (tag.name == QLatin1String("img")) {
            // Never the picture (that would be a request to its server, or
            // a file of this computer): what it shows, in words.
            m_out += tag.attributes.value(QStringLiteral("alt")).simplified().toHtmlEscaped();
        } else if (tag.name == QLatin1String("base")) {
            const QUrl base(tag.attributes.value(QStringLiteral("href")).trimmed());
            if (base.isValid() && !base.isRelative())
                m_base = base;
        }
    }

    void endTag(const QString &name)
    {
        if (m_dropDepth > 0) {
            if (name == m_dropName)
                --m_dropDepth;
            return;
        }
        for (auto it = m_open.rbegin(); it != m_open.rend(); ++it) {
            if (it->source != name)
                continue;
            const auto keep = std::size_t(std::distance(it, m_open.rend())) - 1;
            while (m_open.size() > keep)
                pop();
            return;
        }
    }

    // An item without its end tag ends at the next item of the same list.
    void closeOpenItem()
    {
        for (auto it = m_open.rbegin(); it != m_open.rend(); ++it) {
            if (it->source == QLatin1String("ul") || it->source == QLatin1String("ol"))
                return;
            if (it->source == QLatin1String("li")) {
                const auto keep = std::size_t(std::distance(it, m_open.rend())) - 1;
                while (m_open.size() > keep)
                    pop();
                return;
            }
        }
    }

    void pop()
    {
        m_out += m_open.back().close;
        m_open.pop_back();
    }

    // The absolute target of a link, or empty for one not kept.
    QString linkTarget(const QString &href) const
    {
        QUrl url(href.trimmed());
        if (!url.isValid())
            return {};
        if (url.isRelative()) {
            if (!m_base.isValid() || m_base.isRelative())
                return {};
            url = m_base.resolved(url);
        }
        const QString scheme = url.scheme().toLower();
        if (scheme != QLatin1String("https") && scheme != QLatin1String("http")
            && scheme != QLatin1String("mailto") && scheme != QLatin1String("tel"))
            return {};
        return url.toString(QUrl::FullyEncoded);
    }

    const QString m_in;
    QUrl m_base;
    qsizetype m_pos = 0;
    QString m_out;
    std::vector<Open> m_open;
    QString m_dropName;
    int m_dropDepth = 0;
};

// Programs that put a whole page on the clipboard mark the part that was
// selected (Windows' clipboard convention, kept by office programs).
QString selectedFragment(const QString &html)
{
    const QLatin1String start("<!--StartFragment-->");
    const qsizetype from = html.indexOf(start, 0, Qt::CaseInsensitive);
    const qsizetype to = html.indexOf(QLatin1String("<!--EndFragment-->"), 0, Qt::CaseInsensitive);
    if (from < 0 || to < from)
        return html;
    return html.mid(from + start.size(), to - from - start.size());
}

} // namespace

QString HtmlSanitizer::sanitize(const QString &html, const QUrl &base)
{
    return Sanitizer(selectedFragment(html), base).run();
}

} // namespace Gui
