// SPDX-License-Identifier: GPL-3.0-or-later
// Images in the text of a queued message: the outbox keeps them with the
// entry, so that a message taken back (undo, "Edit" in the outbox window)
// still has them after the window that wrote it, and its temporary files,
// are gone, and after a restart.
#include "core/drafts/draftstore.h"
#include "core/outbox/outbox.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Core;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const QByteArray kPicture = QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(5000, 'p');

Draft draftWithPicture(const QString &picturePath)
{
    Draft d;
    d.from = MailAddress(QStringLiteral("Ada"), QStringLiteral("ada@example.org"));
    d.to.append(MailAddress({}, QStringLiteral("bob@example.org")));
    d.subject = QStringLiteral("Screenshot");
    d.textBody = QStringLiteral("Look [image: image1.png]");
    d.htmlBody = QStringLiteral("<div>Look <img src=\"cid:s.1@example.org\" alt=\"image1.png\"></div>");
    d.inlineImages = {InlineImage{picturePath, QStringLiteral("s.1@example.org"), QStringLiteral("image/png"),
                                  QStringLiteral("image1.png")}};
    return d;
}

// The picture as the composer leaves it: a file in a folder of its own.
QString writePicture(const QTemporaryDir &composerDir)
{
    const QString picture = composerDir.filePath(QStringLiteral("abc.png"));
    QFile f(picture);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly) && f.write(kPicture) == kPicture.size());
    return picture;
}

class OutboxImages : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_account.id = QStringLiteral("acc-1");
    }

    // Queues a message whose picture lives in a folder of the composer's,
    // then deletes that folder (the composer closed).
    QString queueAndCloseComposer()
    {
        auto composerDir = std::make_unique<QTemporaryDir>();
        const QString picture = writePicture(*composerDir);
        Outbox outbox(root());
        EXPECT_TRUE(outbox.open().ok());
        auto e = outbox.enqueue(draftWithPicture(picture), m_account, {});
        EXPECT_TRUE(e.ok()) << (e.ok() ? "" : qPrintable(e.error().message()));
        composerDir.reset();
        EXPECT_FALSE(QFile::exists(picture));
        return e.ok() ? e->id : QString();
    }

    [[nodiscard]] QString root() const { return m_dir.filePath(QStringLiteral("outbox")); }

    QTemporaryDir m_dir;
    Account m_account;
};

} // namespace

// The scenario of a held message edited the next day: the composer's files
// are gone, Outpost restarted, the entry is taken back for editing.
TEST_F(OutboxImages, TakenBackForEditAfterARestartTheImageIsStillThere)
{
    const QString id = queueAndCloseComposer();
    ASSERT_FALSE(id.isEmpty());
    DraftStore drafts(m_dir.filePath(QStringLiteral("drafts")));
    const QString draftId = DraftStore::newId();

    Outbox restarted(root()); // a new process
    ASSERT_TRUE(restarted.open().ok());
    auto back = restarted.takeBackForEdit(id, [&](Draft &d) { return drafts.adoptImages(draftId, d.inlineImages); });
    ASSERT_TRUE(back.ok()) << qPrintable(back.error().message());
    EXPECT_FALSE(restarted.find(id).has_value()) << "it left the outbox";
    ASSERT_EQ(back->inlineImages.size(), 1);
    const InlineImage &image = back->inlineImages.first();
    EXPECT_EQ(readAll(image.path), kPicture) << "the picture's bytes came back, at " << qPrintable(image.path);
    EXPECT_EQ(image.contentId, QStringLiteral("s.1@example.org"));
    EXPECT_EQ(image.fileName, QStringLiteral("image1.png"));
    EXPECT_TRUE(image.path.startsWith(drafts.root() + u'/' + draftId + QStringLiteral(".files/"))) << qPrintable(image.path);

    drafts.remove(draftId);
    EXPECT_FALSE(QFile::exists(image.path)) << "the new draft owns the picture: it goes with it";
}

// Undo send: the same, through takeBack().
TEST_F(OutboxImages, UndoneTheImageComesBackWithTheDraft)
{
    auto composerDir = std::make_unique<QTemporaryDir>();
    const QString picture = writePicture(*composerDir);
    Outbox outbox(root());
    ASSERT_TRUE(outbox.open().ok());
    auto e = outbox.enqueue(draftWithPicture(picture), m_account, {outbox.now().addSecs(60), false});
    ASSERT_TRUE(e.ok()) << qPrintable(e.error().message());
    composerDir.reset();

    DraftStore drafts(m_dir.filePath(QStringLiteral("drafts")));
    const QString draftId = DraftStore::newId();
    auto back = outbox.takeBack(e->id, [&](Draft &d) { return drafts.adoptImages(draftId, d.inlineImages); });
    ASSERT_TRUE(back.ok()) << qPrintable(back.error().message());
    ASSERT_EQ(back->inlineImages.size(), 1);
    EXPECT_EQ(readAll(back->inlineImages.first().path), kPicture);
}

// Where the images cannot be kept (the drafts' folder cannot be written),
// the message stays in the outbox, whole: nothing is lost on the way.
TEST_F(OutboxImages, WhenTheImagesCannotBeKeptTheMessageStaysInTheOutbox)
{
    const QString id = queueAndCloseComposer();
    ASSERT_FALSE(id.isEmpty());
    Outbox outbox(root());
    ASSERT_TRUE(outbox.open().ok());
    auto back = outbox.takeBackForEdit(id, [](Draft &) -> Result<void> {
        return Error(Error::Code::WriteFailed, QStringLiteral("disk full"));
    });
    EXPECT_FALSE(back.ok());
    EXPECT_TRUE(outbox.find(id).has_value()) << "still queued";
    // Nowhere to put them: refused too, never taken back without its images.
    EXPECT_FALSE(outbox.takeBackForEdit(id).ok());
    EXPECT_TRUE(outbox.find(id).has_value());
    DraftStore drafts(m_dir.filePath(QStringLiteral("drafts")));
    auto again = outbox.takeBackForEdit(id, [&](Draft &d) { return drafts.adoptImages(QStringLiteral("d1"), d.inlineImages); });
    ASSERT_TRUE(again.ok()) << qPrintable(again.error().message());
    EXPECT_EQ(readAll(again->inlineImages.first().path), kPicture);
}

// Once a sent message's body is pruned, its images go too: they are the
// same bytes, kept only for taking the message back.
TEST_F(OutboxImages, PruningASentBodyRemovesItsImages)
{
    const QString id = queueAndCloseComposer();
    ASSERT_FALSE(id.isEmpty());
    Outbox outbox(root());
    ASSERT_TRUE(outbox.open().ok());
    ASSERT_TRUE(outbox.claim(id).ok());
    ASSERT_TRUE(outbox.transition(id, OutboxState::Sent, [](OutboxEntry &) {}).ok());
    const QString images = root() + QStringLiteral("/sent/") + id + QStringLiteral("/images");
    ASSERT_FALSE(QDir(images).isEmpty()) << "kept while the body is";
    auto pruned = outbox.pruneSentBodies(QDateTime::currentDateTimeUtc().addDays(60));
    ASSERT_TRUE(pruned.ok());
    EXPECT_EQ(pruned.value(), 1);
    EXPECT_FALSE(QFileInfo::exists(images));
}

// An image over the 64 MiB a draft keeps is refused for what it is (too
// large), before the message is built, not as "cannot be read" after it.
TEST_F(OutboxImages, AnImageTooLargeToKeepIsRefusedAsTooLarge)
{
    QTemporaryDir composerDir;
    const QString picture = writePicture(composerDir);
    {
        QFile f(picture);
        ASSERT_TRUE(f.resize(64 * 1024 * 1024 + 1)); // sparse: no 64 MiB written
    }
    Outbox outbox(root());
    ASSERT_TRUE(outbox.open().ok());
    auto e = outbox.enqueue(draftWithPicture(picture), m_account, {});
    ASSERT_FALSE(e.ok());
    EXPECT_TRUE(e.error().message().contains(QStringLiteral("too large"))) << qPrintable(e.error().message());
    EXPECT_FALSE(e.error().message().contains(QStringLiteral("cannot be read"))) << qPrintable(e.error().message());
    EXPECT_TRUE(outbox.allEntries().isEmpty());
    EXPECT_TRUE(QDir(root() + QStringLiteral("/tmp")).entryList(QDir::Dirs | QDir::NoDotAndDotDot).isEmpty());
}

// A message queued before the outbox kept images (`outpost send
// --inline-image id=pic.png`) names its picture relative to the working
// directory of that command, not to the entry: Edit takes that file, as
// the message was built from it, instead of a name inside the entry that
// does not exist (the picture came back as its file name only).
TEST_F(OutboxImages, AnOldEntryWithAPathRelativeToItsCommandStillHasItsPicture)
{
    QTemporaryDir cwd;
    ASSERT_TRUE(cwd.isValid());
    const QString picture = writePicture(cwd);
    Outbox outbox(root());
    ASSERT_TRUE(outbox.open().ok());
    auto e = outbox.enqueue(draftWithPicture(picture), m_account, {});
    ASSERT_TRUE(e.ok()) << qPrintable(e.error().message());
    // As such an entry was written: the draft names "abc.png", no images/.
    const QString entry = root() + QStringLiteral("/queued/") + e->id;
    ASSERT_TRUE(QDir(entry + QStringLiteral("/images")).removeRecursively());
    Draft old = draftWithPicture(QStringLiteral("abc.png"));
    {
        QFile draft(entry + QStringLiteral("/draft.json"));
        ASSERT_TRUE(draft.open(QIODevice::WriteOnly | QIODevice::Truncate));
        draft.write(QJsonDocument(old.toJson()).toJson());
    }
    const QString before = QDir::currentPath();
    ASSERT_TRUE(QDir::setCurrent(cwd.path()));
    DraftStore drafts(m_dir.filePath(QStringLiteral("drafts")));
    const QString draftId = DraftStore::newId();
    auto back = outbox.takeBackForEdit(e->id, [&](Draft &d) { return drafts.adoptImages(draftId, d.inlineImages); });
    QDir::setCurrent(before);
    ASSERT_TRUE(back.ok()) << qPrintable(back.error().message());
    ASSERT_EQ(back->inlineImages.size(), 1);
    EXPECT_EQ(readAll(back->inlineImages.first().path), kPicture) << "at " << qPrintable(back->inlineImages.first().path);
}
