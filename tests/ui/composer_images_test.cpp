// SPDX-License-Identifier: GPL-3.0-or-later
// Images in the formatted text (issue 22): pasted or dropped, shown inline,
// named by unique Content-IDs, kept in drafts as files beside them.
#include "core/drafts/draftstore.h"
#include "ui/composerwindow.h"
#include "ui/inlineimageeditor.h"

#include "tests/support/testutil.h"

#include <QApplication>
#include <QBuffer>
#include <QClipboard>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMimeData>
#include <QRegularExpression>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QUrl>

#include <gtest/gtest.h>

namespace {

QByteArray pngBytes(int width, int height, QColor colour)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(colour);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly)) << qPrintable(path);
    f.write(bytes);
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << qPrintable(path);
    return f.readAll();
}

// A composer in formatted mode, sending as ada@example.org.
struct Composer
{
    Composer()
    {
        window.setSenders({{QStringLiteral("a1"), QStringLiteral("i1"), QStringLiteral("Ada <ada@example.org>"), 0, {}, {}}});
        window.setRichText(true);
        editor = window.findChild<Gui::InlineImageEditor *>(QStringLiteral("richBody"));
    }

    void paste(QMimeData *data)
    {
        QApplication::clipboard()->setMimeData(data);
        editor->paste();
    }

    Gui::ComposerWindow window;
    Gui::InlineImageEditor *editor = nullptr;
};

} // namespace

TEST(ComposerImages, APastedImageIsSentInlineByContentId)
{
    Composer c;
    ASSERT_NE(c.editor, nullptr);
    c.editor->insertPlainText(QStringLiteral("Before "));
    const QByteArray png = pngBytes(40, 30, Qt::red);
    auto *data = new QMimeData;
    data->setData(QStringLiteral("image/png"), png);
    c.paste(data);
    c.editor->insertPlainText(QStringLiteral(" after"));

    const QList<Core::InlineImage> images = c.window.inlineImages();
    ASSERT_EQ(images.size(), 1);
    const Core::InlineImage &image = images.first();
    EXPECT_EQ(fileBytes(image.path), png) << "the original bytes";
    EXPECT_EQ(image.contentType, QStringLiteral("image/png"));
    EXPECT_TRUE(image.contentId.endsWith(QLatin1String("@example.org"))) << qPrintable(image.contentId);
    const QString html = c.window.htmlBody();
    EXPECT_TRUE(html.contains(QStringLiteral("Before <img src=\"cid:%1\" alt=\"%2\">").arg(image.contentId, image.fileName)))
        << qPrintable(html);
    EXPECT_FALSE(html.contains(QLatin1String("qt"), Qt::CaseInsensitive)) << qPrintable(html);
    EXPECT_EQ(c.window.body(), QStringLiteral("Before [image: %1] after").arg(image.fileName));
}

TEST(ComposerImages, EveryImageGetsItsOwnContentId)
{
    Composer c;
    for (QColor colour : {QColor(Qt::red), QColor(Qt::green), QColor(Qt::red)}) {
        auto *data = new QMimeData;
        data->setData(QStringLiteral("image/png"), pngBytes(8, 8, colour));
        c.paste(data);
    }
    const QList<Core::InlineImage> images = c.window.inlineImages();
    ASSERT_EQ(images.size(), 3);
    QSet<QString> ids;
    for (const Core::InlineImage &i : images)
        ids.insert(i.contentId);
    EXPECT_EQ(ids.size(), 3) << "the same picture pasted twice is still two parts of its own";
    const QString html = c.window.htmlBody();
    for (const QString &id : ids)
        EXPECT_EQ(html.count(QStringLiteral("cid:") + id), 1);
}

TEST(ComposerImages, AnImageFileIsPastedWithItsNameAndALargeOneIsScaledForDisplay)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("Urlaub am Meer.png"));
    const QByteArray png = pngBytes(3000, 1500, Qt::blue);
    writeFile(path, png);
    Composer c;
    c.window.show();
    auto *data = new QMimeData;
    data->setUrls({QUrl::fromLocalFile(path)});
    c.paste(data);
    const QList<Core::InlineImage> images = c.window.inlineImages();
    ASSERT_EQ(images.size(), 1);
    EXPECT_EQ(images.first().fileName, QStringLiteral("Urlaub am Meer.png"));
    EXPECT_EQ(fileBytes(images.first().path), png) << "sent as it is, not scaled";
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("width=\"(\\d+)\" height=\"(\\d+)\"")).match(c.window.htmlBody());
    ASSERT_TRUE(m.hasMatch()) << qPrintable(c.window.htmlBody());
    EXPECT_LT(m.captured(1).toInt(), c.editor->viewport()->width()) << "shown within the text area";
    EXPECT_EQ(m.captured(1).toInt(), 2 * m.captured(2).toInt()) << "in proportion";
    EXPECT_EQ(c.window.body(), QStringLiteral("[image: Urlaub am Meer.png]"));
}

TEST(ComposerImages, AHugeImageWarnsLikeALargeAttachment)
{
    Composer c;
    QByteArray png = pngBytes(10, 10, Qt::red);
    png.append(QByteArray(6 * 1024 * 1024, '\0')); // bytes after IEND: still a PNG to readers
    auto *data = new QMimeData;
    data->setData(QStringLiteral("image/png"), png);
    c.paste(data);
    ASSERT_EQ(c.window.inlineImages().size(), 1);
    EXPECT_TRUE(c.window.statusBar()->currentMessage().contains(QLatin1String("large"))) << qPrintable(c.window.statusBar()->currentMessage());
}

TEST(ComposerImages, NotAnImageIsRefusedWithAReason)
{
    Composer c;
    EXPECT_FALSE(c.editor->insertImage("not a picture", QStringLiteral("x.png"), QStringLiteral("image/png")));
    EXPECT_TRUE(c.window.inlineImages().isEmpty());
    EXPECT_FALSE(c.window.statusBar()->currentMessage().isEmpty());
}

TEST(ComposerImages, ADraftKeepsItsImagesAsFilesBesideIt)
{
    QTemporaryDir dir;
    Core::DraftStore store(dir.path());
    const QByteArray png = pngBytes(64, 64, Qt::darkCyan);
    QString id;
    QString contentId;
    {
        Composer c;
        c.window.setDraftStore(&store);
        id = c.window.draftId();
        c.editor->insertPlainText(QStringLiteral("Look "));
        ASSERT_TRUE(c.editor->insertImage(png, QStringLiteral("chart.png")));
        contentId = c.window.inlineImages().value(0).contentId;
        c.window.saveDraft();
        c.window.markSent(); // as after a crash: the window goes, the draft stays
        ASSERT_FALSE(contentId.isEmpty());
    }
    // markSent() removed it; save it again the way autosave left it before a crash.
    {
        Composer c;
        c.window.setDraftStore(&store, id);
        c.editor->insertPlainText(QStringLiteral("Look "));
        ASSERT_TRUE(c.editor->insertImage(png, QStringLiteral("chart.png")));
        contentId = c.window.inlineImages().value(0).contentId;
        c.window.saveDraft();
    }
    const QList<Core::StoredDraft> drafts = store.list();
    ASSERT_EQ(drafts.size(), 1);
    const QByteArray json = QJsonDocument(drafts.first().content).toJson();
    EXPECT_LT(json.size(), 4096) << "the picture is not in the JSON";
    EXPECT_FALSE(json.contains(png.toBase64().left(40)));

    Composer restored;
    restored.window.setDraftStore(&store, drafts.first().id);
    restored.window.restoreState(drafts.first().content);
    const QList<Core::InlineImage> images = restored.window.inlineImages();
    ASSERT_EQ(images.size(), 1);
    EXPECT_EQ(images.first().contentId, contentId);
    EXPECT_EQ(images.first().fileName, QStringLiteral("chart.png"));
    EXPECT_EQ(fileBytes(images.first().path), png);
    // (Qt reads the space after the picture's line into the text: trimmed.)
    EXPECT_EQ(restored.window.body().trimmed(), QStringLiteral("Look [image: chart.png]"));
    const QImage shown = restored.editor->document()->resource(QTextDocument::ImageResource, QUrl(QStringLiteral("cid:") + contentId)).value<QImage>();
    EXPECT_EQ(shown.size(), QSize(64, 64)) << "shown again, not a broken picture";

    store.remove(drafts.first().id);
    EXPECT_TRUE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty()) << "the draft's files go with it";
}

// A message taken back from the outbox after its window closed names image
// files that may be gone: the text says the image's name instead, and the
// HTML never refers to a part the message does not carry.
TEST(ComposerImages, AnImageWhoseFileIsGoneBecomesItsName)
{
    QTemporaryDir dir;
    const QString kept = dir.filePath(QStringLiteral("kept.png"));
    writeFile(kept, pngBytes(5, 5, Qt::green));
    Core::Draft draft;
    draft.textBody = QStringLiteral("A [image: kept.png] B [image: gone.png]");
    draft.htmlBody = QStringLiteral("<div>A <img src=\"cid:k.1@example.org\" alt=\"kept.png\"> B "
                                    "<img src=\"cid:g.2@example.org\" alt=\"gone.png\"></div>");
    draft.inlineImages = {Core::InlineImage{kept, QStringLiteral("k.1@example.org"), QStringLiteral("image/png"), QStringLiteral("kept.png")},
                          Core::InlineImage{dir.filePath(QStringLiteral("gone.png")), QStringLiteral("g.2@example.org"),
                                            QStringLiteral("image/png"), QStringLiteral("gone.png")}};
    Composer c;
    c.window.setDraft(draft);
    const QList<Core::InlineImage> images = c.window.inlineImages();
    ASSERT_EQ(images.size(), 1);
    EXPECT_EQ(images.first().contentId, QStringLiteral("k.1@example.org"));
    const QString html = c.window.htmlBody();
    EXPECT_TRUE(html.contains(QLatin1String("cid:k.1@example.org")));
    EXPECT_FALSE(html.contains(QLatin1String("cid:g.2@example.org"))) << qPrintable(html);
    EXPECT_TRUE(html.contains(QLatin1String("B gone.png"))) << qPrintable(html);
    // ...and the person is told, not left to find out from the recipient.
    const QString said = c.window.statusBar()->currentMessage();
    EXPECT_TRUE(said.contains(QLatin1String("gone.png")) && !said.contains(QLatin1String("kept.png"))) << qPrintable(said);
}

TEST(ComposerImages, AnImageFileDroppedOnTheFormattedTextGoesIntoIt)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("dropped.png"));
    writeFile(path, pngBytes(12, 12, Qt::yellow));
    Composer c;
    c.window.show();
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(path)});
    const QPointF at(10, 10);
    QDragEnterEvent enter(at.toPoint(), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(c.editor->viewport(), &enter);
    QDragMoveEvent move(at.toPoint(), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(c.editor->viewport(), &move);
    QDropEvent drop(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(c.editor->viewport(), &drop);
    const QList<Core::InlineImage> images = c.window.inlineImages();
    ASSERT_EQ(images.size(), 1) << "in the text, not among the attachments";
    EXPECT_EQ(images.first().fileName, QStringLiteral("dropped.png"));
    EXPECT_TRUE(c.window.attachments().isEmpty());
}

TEST(ComposerImages, PicturesLargerThanTheServerTakesAreSaidToBeRefused)
{
    Gui::ComposerWindow window;
    window.setSenders({{QStringLiteral("a1"), QStringLiteral("i1"), QStringLiteral("Ada <ada@example.org>"), 100 * 1024, {}, {}}});
    window.setRichText(true);
    auto *editor = window.findChild<Gui::InlineImageEditor *>(QStringLiteral("richBody"));
    QByteArray png = pngBytes(10, 10, Qt::red);
    png.append(QByteArray(90 * 1024, '\0')); // 90 KiB, 120 KiB in base64
    ASSERT_TRUE(editor->insertImage(png, QStringLiteral("big.png")));
    EXPECT_TRUE(window.statusBar()->currentMessage().contains(QLatin1String("larger than your server accepts")))
        << qPrintable(window.statusBar()->currentMessage());
}
