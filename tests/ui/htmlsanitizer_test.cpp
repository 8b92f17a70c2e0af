// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/htmlsanitizer.h"
#include "ui/messageeditor.h"
#include "ui/messagehtml.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QImage>
#include <QMimeData>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFragment>

#include <gtest/gtest.h>

#include "tests/support/testutil.h"

using Gui::HtmlSanitizer;

namespace {

QString sample(const QString &name)
{
    QFile file(QStringLiteral(TEST_DATA_DIR "/paste/") + name);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << name.toStdString();
    return QString::fromUtf8(file.readAll());
}

const QRegularExpression &tagPattern()
{
    static const QRegularExpression tag(
        QStringLiteral(R"(<(/?[a-zA-Z0-9]+)((?:\s+[a-z-]+="[^"]*")*)\s*>)"));
    return tag;
}

// Every tag is one of the subset, with no attribute but a link's href and
// the colour/size style the sanitiser writes; nothing else looks like markup.
void expectSubsetOnly(const QString &clean)
{
    static const QRegularExpression allowed(QStringLiteral(
        R"(^/?(p|div|br|b|i|u|s|ul|ol|li|blockquote|pre|span|a)$|^a href="(https?|mailto|tel):[^"]*"$|^span style="((color:#[0-9a-f]{6}|font-size:(small|large|x-large));?)+"$)"));
    for (const auto &m : tagPattern().globalMatch(clean)) {
        const QString t = m.captured(1) + m.captured(2);
        EXPECT_TRUE(allowed.match(t).hasMatch())
            << "not in the subset: <" << t.toStdString() << ">";
    }
    QString rest = clean;
    rest.remove(tagPattern());
    EXPECT_FALSE(rest.contains(u'<')) << rest.toStdString();
}

// What the composer sends after `html` is pasted into an empty message.
struct Pasted
{
    QString html;
    QString plain;
    int images = 0;
};

Pasted paste(const QString &html, const QUrl &page = {})
{
    auto *data = new QMimeData;
    data->setHtml(html);
    data->setText(QStringLiteral("(the plain copy)"));
    if (page.isValid()) {
        const QString url = page.toString() + QStringLiteral("\n");
        data->setData(QStringLiteral("text/x-moz-url-priv"),
                      QByteArray(reinterpret_cast<const char *>(url.utf16()), url.size() * 2));
    }
    QApplication::clipboard()->setMimeData(data);
    Gui::MessageEditor editor;
    editor.resize(600, 400);
    editor.show(); // laid out, as on screen: images would be loaded now
    editor.paste();
    QTest::qWait(50);
    Pasted p {Gui::MessageHtml::html(*editor.document()),
              Gui::MessageHtml::plainText(*editor.document())};
    for (QTextBlock b = editor.document()->begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it)
            p.images += it.fragment().charFormat().isImageFormat() ? 1 : 0;
    }
    return p;
}

} // namespace

TEST(HtmlSanitizer, WikipediaKeepsTextLinksListsAndDropsImagesScriptsAndClasses)
{
    const QString clean = HtmlSanitizer::sanitize(
        sample(QStringLiteral("wikipedia.html")),
        QUrl(QStringLiteral("https://en.wikipedia.org/wiki/Email_client")));
    expectSubsetOnly(clean);
    EXPECT_TRUE(clean.contains(QLatin1String(
        "<a href=\"https://en.wikipedia.org/wiki/Computer_program\">computer program</a>")))
        << clean.toStdString();
    // A page-internal link points into the page it came from.
    EXPECT_TRUE(clean.contains(
        QLatin1String("href=\"https://en.wikipedia.org/wiki/Email_client#cite_note-1\"")))
        << clean.toStdString();
    EXPECT_TRUE(clean.contains(QLatin1String("<b>Email client</b>")));
    EXPECT_TRUE(clean.contains(QLatin1String("Thunderbird 115 main window"))); // the image's words
    EXPECT_TRUE(clean.contains(QLatin1String("<span style=\"font-size:large\"><b>")))
        << clean.toStdString(); // h2
    EXPECT_TRUE(clean.contains(QRegularExpression(QStringLiteral("<ul><li>Messages are fetched"))));
    for (const char *gone : {"upload.wikimedia.org", "tracker.example", "document.write", "reflist",
                             "mw-", "Special:CentralAutoLogin"})
        EXPECT_FALSE(clean.contains(QLatin1String(gone))) << gone;
}

TEST(HtmlSanitizer, WithoutThePageRelativeLinksBecomeText)
{
    const QString clean = HtmlSanitizer::sanitize(sample(QStringLiteral("wikipedia.html")));
    expectSubsetOnly(clean);
    EXPECT_FALSE(clean.contains(QLatin1String("<a "))) << clean.toStdString();
    EXPECT_TRUE(clean.contains(QLatin1String("computer program")));
}

TEST(HtmlSanitizer, WordLosesItsOfficeMarkupAndKeepsTheEmphasis)
{
    const QString clean = HtmlSanitizer::sanitize(sample(QStringLiteral("word.html")));
    expectSubsetOnly(clean);
    for (const char *gone : {"mso-", "o:p", "MsoNormal", "Cambria", "supportLists", "clip_image",
                             "v:shape", "1F3864", "0563C1"})
        EXPECT_FALSE(clean.contains(QLatin1String(gone), Qt::CaseInsensitive))
            << gone << " in " << clean.toStdString();
    EXPECT_TRUE(clean.contains(QLatin1String("<b>Quarterly report</b>"))) << clean.toStdString();
    EXPECT_TRUE(clean.contains(QLatin1String("<i>better</i>")));
    EXPECT_TRUE(clean.contains(QLatin1String("<u>expected</u>")));
    EXPECT_TRUE(clean.contains(QLatin1String("<s>Second point</s>")));
    EXPECT_TRUE(clean.contains(
        QLatin1String("<a href=\"https://example.com/report?q=1&amp;x=2\">the report</a>")))
        << clean.toStdString();
    EXPECT_TRUE(clean.contains(QLatin1String("1.&nbsp;"))); // Word's list numbers are text
}

TEST(HtmlSanitizer, GoogleDocsSpansBecomeTheirEmphasisNotBoldThroughout)
{
    const QString clean = HtmlSanitizer::sanitize(sample(QStringLiteral("gdocs.html")));
    expectSubsetOnly(clean);
    EXPECT_TRUE(clean.contains(QLatin1String("Meeting notes: "))) << clean.toStdString();
    EXPECT_FALSE(clean.contains(QRegularExpression(QStringLiteral("<b>[^<]*Meeting"))))
        << clean.toStdString();
    EXPECT_TRUE(clean.contains(QLatin1String("<b>decided</b>")));
    EXPECT_TRUE(clean.contains(QLatin1String("<i> soon</i>")));
    // A colour of the bar's palette stays, others (black, Docs' link blue) go.
    EXPECT_TRUE(
        clean.contains(QLatin1String("<span style=\"color:#c62828\"><u> urgent</u></span>")))
        << clean.toStdString();
    EXPECT_FALSE(clean.contains(QLatin1String("#000000")));
    EXPECT_FALSE(clean.contains(QLatin1String("1155cc")));
    EXPECT_TRUE(clean.contains(QLatin1String("<s>Budget</s>")));
    EXPECT_TRUE(clean.contains(QLatin1String("<ol><li><p>")));
    EXPECT_TRUE(clean.contains(
        QLatin1String("href=\"https://docs.google.com/document/d/1AbC/edit#heading=h.x1\"")));
    for (const char *gone :
         {"docs-internal-guid", "googleusercontent", "Arial", "aria-level", "ltr"})
        EXPECT_FALSE(clean.contains(QLatin1String(gone))) << gone;
}

TEST(HtmlSanitizer, HostileMarkupLeavesOnlyItsText)
{
    const QString clean = HtmlSanitizer::sanitize(sample(QStringLiteral("hostile.html")));
    expectSubsetOnly(clean);
    for (const char *gone : {"steal", "REMOTE", "LOCALFILE", "secret", "javascript", "vbscript",
                             "data:", "file:", "frame text", "object text", "video text", "Send it",
                             "choice", "Win a prize", "onload"})
        EXPECT_FALSE(clean.contains(QLatin1String(gone), Qt::CaseInsensitive))
            << gone << " in " << clean.toStdString();
    EXPECT_TRUE(clean.contains(QLatin1String("Hello <b>there</b>")));
    EXPECT_TRUE(clean.contains(QLatin1String("js link")));
    EXPECT_TRUE(clean.contains(QLatin1String("a pixel")));
    // The page's own <base> is the base of its relative links.
    EXPECT_TRUE(clean.contains(
        QLatin1String("<a href=\"https://attacker.example/page.html\">relative link</a>")));
    EXPECT_TRUE(clean.contains(QLatin1String("&lt;script&gt; stays text")));
    EXPECT_TRUE(clean.contains(QLatin1String("End &lt; not a tag")));
}

TEST(HtmlSanitizer, UnclosedAndMisnestedMarkupComesOutWellFormed)
{
    const QString clean = HtmlSanitizer::sanitize(QStringLiteral(
        "<ul><li>one<li>two<ul><li>deep</ul></ul><p>a<p>b <b>bold <i>both</b> rest <div>x"));
    expectSubsetOnly(clean);
    EXPECT_EQ(clean,
              QStringLiteral("<ul><li>one</li><li>two<ul><li>deep</li></ul></li></ul><p>a</p><p>b "
                             "<b>bold <i>both</i></b> rest </p><div>x</div>"));
    // Deep nesting is bounded, its text kept.
    const QString deep
        = HtmlSanitizer::sanitize(QStringLiteral("<b>").repeated(5000) + QStringLiteral("x"));
    EXPECT_TRUE(deep.contains(u'x'));
    EXPECT_LT(deep.size(), 5000);
}

TEST(HtmlSanitizer, PastingAWebPageMakesNoRequestAndReadsNoFile)
{
    QTcpServer server;
    ASSERT_TRUE(server.listen(QHostAddress::LocalHost));
    int requests = 0;
    QObject::connect(&server, &QTcpServer::newConnection, &server, [&] {
        while (server.hasPendingConnections()) {
            ++requests;
            server.nextPendingConnection()->deleteLater();
        }
    });
    QTemporaryDir dir;
    QImage picture(8, 8, QImage::Format_RGB32);
    picture.fill(Qt::red);
    const QString file = dir.filePath(QStringLiteral("local.png"));
    ASSERT_TRUE(picture.save(file));
    QString html = sample(QStringLiteral("hostile.html"));
    html.replace(QLatin1String("REMOTE"),
                 QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort()));
    html.replace(QLatin1String("LOCALFILE"), QUrl::fromLocalFile(file).toString());
    // The same file shows in the editor when given to Qt as it is.
    {
        QTextDocument raw;
        raw.setHtml(QStringLiteral("<img src=\"%1\">").arg(QUrl::fromLocalFile(file).toString()));
        ASSERT_FALSE(
            raw.resource(QTextDocument::ImageResource, QUrl::fromLocalFile(file)).isNull());
    }

    const Pasted p = paste(html, QUrl(QStringLiteral("https://shop.example/offer")));
    QTest::qWait(300);
    EXPECT_EQ(requests, 0);
    EXPECT_EQ(p.images, 0);
    EXPECT_TRUE(p.html.contains(QLatin1String("Hello <b>there</b>"))) << p.html.toStdString();
    EXPECT_FALSE(p.html.contains(QLatin1String("qt"), Qt::CaseInsensitive));
    EXPECT_FALSE(p.html.contains(QLatin1String("steal")));
    EXPECT_FALSE(p.html.contains(QLatin1String("127.0.0.1")));
}

TEST(HtmlSanitizer, PastedOfficeTextIsSentInTheSubset)
{
    const Pasted p = paste(sample(QStringLiteral("word.html")));
    EXPECT_EQ(p.images, 0);
    EXPECT_FALSE(p.html.contains(QLatin1String("qt"), Qt::CaseInsensitive)) << p.html.toStdString();
    EXPECT_FALSE(p.html.contains(QLatin1String("mso"), Qt::CaseInsensitive));
    EXPECT_TRUE(p.html.contains(QLatin1String("<b>Quarterly report</b>"))) << p.html.toStdString();
    EXPECT_TRUE(
        p.plain.contains(QLatin1String("see the report <https://example.com/report?q=1&x=2>.")))
        << p.plain.toStdString();
}

TEST(HtmlSanitizer, PastedGoogleDocsListsKeepTheirItems)
{
    const Pasted p = paste(sample(QStringLiteral("gdocs.html")));
    EXPECT_EQ(p.images, 0);
    EXPECT_EQ(p.plain.toStdString(),
              "Meeting notes: *decided* /soon/ _urgent_\n1. Budget\n"
              "2. Plan <https://docs.google.com/document/d/1AbC/edit#heading=h.x1>\n\nImage: ");
}

TEST(HtmlSanitizer, PlainTextIsPastedAsItIs)
{
    auto *data = new QMimeData;
    data->setText(QStringLiteral("<b>not bold</b>\n  two spaces & more"));
    QApplication::clipboard()->setMimeData(data);
    Gui::MessageEditor editor;
    editor.paste();
    EXPECT_EQ(editor.toPlainText(), QStringLiteral("<b>not bold</b>\n  two spaces & more"));
    EXPECT_FALSE(Gui::MessageHtml::hasFormatting(*editor.document()));
}
