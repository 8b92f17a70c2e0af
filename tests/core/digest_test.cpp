// SPDX-License-Identifier: GPL-3.0-or-later
// Core::Sha256, HashingWriter and pbkdf2: the same answers as Qt's own
// implementations and the published test vectors, whichever backend is built.
#include "core/util/digest.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QPasswordDigestor>
#include <QRandomGenerator>

#include <gtest/gtest.h>

using namespace Core;

TEST(Digest, Sha256MatchesQtForEveryChunking)
{
    QByteArray data(300'001, Qt::Uninitialized);
    QRandomGenerator rng(42);
    for (char &c : data)
        c = static_cast<char>(rng.bounded(256));
    const QByteArray expected = QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
    for (const qsizetype chunk : {qsizetype(1), qsizetype(63), qsizetype(64), qsizetype(4096), data.size()}) {
        Sha256 h;
        for (qsizetype i = 0; i < data.size(); i += chunk)
            h.addData(QByteArrayView(data).sliced(i, std::min(chunk, data.size() - i)));
        EXPECT_EQ(h.hexResult(), expected) << "chunk " << chunk;
    }
    Sha256 empty;
    EXPECT_EQ(empty.hexResult(), QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
}

// Small bodies are hashed without libcrypto (its first use costs more than
// they do), larger ones switch to it on the way: every size and split
// around that limit gives Qt's digest.
TEST(Digest, Sha256IsTheSameEitherSideOfTheQuickLimit)
{
    QByteArray data(40'000, Qt::Uninitialized);
    QRandomGenerator rng(7);
    for (char &c : data)
        c = static_cast<char>(rng.bounded(256));
    for (const qsizetype size : {qsizetype(0), qsizetype(1), qsizetype(16'383), qsizetype(16'384), qsizetype(16'385),
                                 qsizetype(32'768), data.size()}) {
        const QByteArrayView whole = QByteArrayView(data).first(size);
        const QByteArray expected = QCryptographicHash::hash(whole, QCryptographicHash::Sha256).toHex();
        for (const qsizetype split : {qsizetype(0), size / 2, qsizetype(16'383), qsizetype(16'384), size}) {
            if (split > size)
                continue;
            Sha256 h;
            h.addData(whole.first(split));
            h.addData(whole.sliced(split));
            EXPECT_EQ(h.hexResult(), expected) << "size " << size << " split at " << split;
        }
    }
}

TEST(Digest, HashingWriterForwardsAndHashesWhatWasWritten)
{
    QBuffer target;
    ASSERT_TRUE(target.open(QIODevice::WriteOnly));
    HashingWriter w(&target);
    EXPECT_EQ(w.write("hello "), 6);
    EXPECT_EQ(w.write(QByteArray("world")), 5);
    EXPECT_EQ(target.data(), QByteArray("hello world"));
    EXPECT_EQ(w.written(), 11);
    EXPECT_EQ(w.hexResult(), QCryptographicHash::hash("hello world", QCryptographicHash::Sha256).toHex());

    // A failing target: the error reaches the writer, nothing is counted.
    QBuffer closed;
    HashingWriter broken(&closed);
    EXPECT_EQ(broken.write("x"), -1);
    EXPECT_EQ(broken.written(), 0);
}

TEST(Digest, Pbkdf2MatchesTheTestVectorsAndQt)
{
    // RFC 6070, PBKDF2-HMAC-SHA1.
    EXPECT_EQ(pbkdf2(QCryptographicHash::Sha1, "password", "salt", 4096, 20).toHex(),
              QByteArray("4b007901b765489abead49d926f721d065a429c1"));
    // RFC 7914 §11, PBKDF2-HMAC-SHA256.
    EXPECT_EQ(pbkdf2(QCryptographicHash::Sha256, "passwd", "salt", 1, 64).toHex(),
              QByteArray("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                         "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"));
    // And what SCRAM-SHA-256 asks for, against Qt's implementation.
    EXPECT_EQ(pbkdf2(QCryptographicHash::Sha256, "pencil", "W22ZaJ0SNY7soEsUEjb6gQ==", 4096, 32),
              QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, "pencil", "W22ZaJ0SNY7soEsUEjb6gQ==",
                                                 4096, 32));
}
