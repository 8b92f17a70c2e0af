// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/mime/headerreader.h"
#include "core/mime/mailtourl.h"

#include "tests/support/testutil.h"

#include <QBuffer>

using Core::Error;
using Core::parseMailtoUrl;

TEST(MailtoUrl, Rfc6068Fields)
{
    auto d = parseMailtoUrl(QStringLiteral(
        "mailto:a@b.test,c@d.test?cc=e@f.test&bcc=g@h.test&subject=Gr%C3%BC%C3%9Fe%20aus%20M%C3%BCnchen"
        "&body=Zeile%201%0D%0AZeile%202&in-reply-to=%3C3469A91.D10AF4C@example.com%3E"));
    ASSERT_TRUE(d.ok()) << qPrintable(d.error().message());
    ASSERT_EQ(d->to.size(), 2);
    EXPECT_EQ(d->to[1].address(), QStringLiteral("c@d.test"));
    EXPECT_EQ(d->cc.first().address(), QStringLiteral("e@f.test"));
    EXPECT_EQ(d->bcc.first().address(), QStringLiteral("g@h.test"));
    EXPECT_EQ(d->subject, QStringLiteral("Grüße aus München"));
    EXPECT_EQ(d->textBody, QStringLiteral("Zeile 1\nZeile 2"));
    EXPECT_EQ(d->inReplyTo, QStringLiteral("<3469A91.D10AF4C@example.com>"));
}

TEST(MailtoUrl, ToInQueryAndPlusStaysPlus)
{
    auto d = parseMailtoUrl(QStringLiteral("mailto:?to=joe@example.com&subject=1+1"));
    ASSERT_TRUE(d.ok());
    EXPECT_EQ(d->to.first().address(), QStringLiteral("joe@example.com"));
    EXPECT_EQ(d->subject, QStringLiteral("1+1"));
}

TEST(MailtoUrl, UnknownAndDangerousHeadersAreIgnored)
{
    auto d = parseMailtoUrl(QStringLiteral("mailto:a@b.test?from=evil@x.test&x-mailer=y&references=z"));
    ASSERT_TRUE(d.ok());
    EXPECT_TRUE(d->from.isEmpty());
    EXPECT_TRUE(d->extraHeaders.isEmpty());
}

TEST(MailtoUrl, BadInputIsAClearError)
{
    for (const char *bad : {"http://example.com", "mailto:not an address", "mailto:a@b.test?subject=x%0D%0ABcc:%20e@x.test",
                            "mailto:a@b.test?cc=%0Ax@y.test"}) {
        auto d = parseMailtoUrl(QString::fromLatin1(bad));
        ASSERT_FALSE(d.ok()) << bad;
        EXPECT_FALSE(d.error().message().isEmpty());
    }
}

TEST(HeaderBlock, UnfoldsAndKeepsTheBodyInTheStream)
{
    QBuffer in;
    in.setData("From: Ada <ada@example.org>\nSubject: a long\n  folded subject\nTo: b@example.org\n\nbody line\n");
    in.open(QIODevice::ReadOnly);
    auto h = Core::HeaderBlock::read(&in, true);
    ASSERT_TRUE(h.ok()) << qPrintable(h.error().message());
    EXPECT_EQ(h->value("subject"), QByteArray("a long folded subject"));
    EXPECT_TRUE(h->reachedEnd());
    EXPECT_EQ(in.readAll(), QByteArray("body line\n"));
    h->remove("Subject");
    EXPECT_EQ(h->toBytes(), QByteArray("From: Ada <ada@example.org>\r\nTo: b@example.org\r\n\r\n"));
}

TEST(HeaderBlock, RefusesWhatIsNotAHeader)
{
    for (const QByteArray &bad : {QByteArray("no colon here\n\nbody"), QByteArray(" continuation first\n"),
                                 QByteArray("Bad Name: x\n"), QByteArray("X: a\0b\n", 7)}) {
        auto h = Core::HeaderBlock::parse(bad);
        EXPECT_FALSE(h.ok()) << bad.constData();
    }
    QBuffer empty;
    empty.open(QIODevice::ReadOnly);
    EXPECT_FALSE(Core::HeaderBlock::read(&empty, true).ok());
}

TEST(HeaderBlock, IsBounded)
{
    QBuffer in;
    in.setData("X-Big: " + QByteArray(2 * 1024 * 1024, 'a') + "\n\nbody");
    in.open(QIODevice::ReadOnly);
    auto h = Core::HeaderBlock::read(&in, true);
    ASSERT_FALSE(h.ok());
    EXPECT_EQ(h.error().code(), Error::Code::InvalidInput);
}

// Regression (fuzz/fuzz_header_block ran at 384 inputs/s): a line longer than
// one read piece is still read whole, and the bound still holds.
TEST(HeaderBlock, LongLinesAreReadWholeWithinTheBound)
{
    QBuffer in;
    const QByteArray longValue(10000, 'v');
    in.setData("X-Long: " + longValue + "\nSubject: s\n\nbody\n");
    in.open(QIODevice::ReadOnly);
    auto h = Core::HeaderBlock::read(&in, true);
    ASSERT_TRUE(h.ok()) << qPrintable(h.error().message());
    EXPECT_EQ(h->value("X-Long"), longValue);
    EXPECT_EQ(h->value("Subject"), QByteArray("s"));
    EXPECT_EQ(in.readAll(), QByteArray("body\n"));
}
