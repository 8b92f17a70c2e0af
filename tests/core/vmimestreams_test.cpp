// SPDX-License-Identifier: GPL-3.0-or-later
// The base64 stream that carries attachments into vmime: 76-character lines
// joined by CRLF, the last without one (the delimiter brings it), for sizes
// around the edges of a line (57 octets) and of a block (1,024 lines), read
// in pieces of odd sizes and again after reset().
#include "core/mime/vmimestreams_p.h"

#include <QBuffer>
#include <QRandomGenerator>

#include <gtest/gtest.h>

using namespace Core::MimeStreams;

namespace {

QByteArray reference(const QByteArray &data)
{
    const QByteArray b64 = data.toBase64();
    QByteArray out;
    for (qsizetype i = 0; i < b64.size(); i += 76) {
        if (i > 0)
            out += "\r\n";
        out += b64.mid(i, 76);
    }
    return out;
}

QByteArray readAll(Base64InputStream &stream, size_t piece)
{
    QByteArray out;
    std::vector<vmime::byte_t> buffer(piece);
    while (!stream.eof()) {
        const size_t n = stream.read(buffer.data(), piece);
        if (n == 0)
            break;
        out.append(reinterpret_cast<const char *>(buffer.data()), static_cast<qsizetype>(n));
    }
    return out;
}

} // namespace

TEST(Base64Stream, LinesMatchTheReferenceAroundLineAndBlockEdges)
{
    const qsizetype block = 57 * 1024;
    const QList<qsizetype> sizes{0, 1, 2, 3, 4, 56, 57, 58, 114, 115, block - 1, block, block + 1, block + 2,
                                 2 * block + 56, 3 * block + 100};
    QRandomGenerator random(20261207);
    for (const qsizetype size : sizes) {
        QByteArray data(size, Qt::Uninitialized);
        for (char &c : data)
            c = static_cast<char>(random.bounded(256));
        QBuffer device(&data);
        ASSERT_TRUE(device.open(QIODevice::ReadOnly));
        Base64InputStream stream(&device, QStringLiteral("test"));
        const QByteArray expected = reference(data);
        ASSERT_EQ(Base64InputStream::encodedSize(size), expected.size()) << "size " << size;
        EXPECT_EQ(readAll(stream, 4093), expected) << "size " << size;
        stream.reset();
        EXPECT_EQ(readAll(stream, 77), expected) << "size " << size << ", again after reset()";
    }
}
