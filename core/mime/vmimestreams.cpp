// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/mime/vmimestreams_p.h"

#include <cstring>

namespace Core::MimeStreams {

DeviceInputStream::DeviceInputStream(QIODevice *device, QString name)
    : m_device(device)
    , m_name(std::move(name))
{
}

bool DeviceInputStream::eof() const
{
    return m_device->atEnd();
}

void DeviceInputStream::reset()
{
    if (!m_device->seek(0))
        throw StreamError(StreamError::Kind::Read, m_name);
}

size_t DeviceInputStream::read(vmime::byte_t *data, size_t count)
{
    const qint64 n = m_device->read(reinterpret_cast<char *>(data), static_cast<qint64>(count));
    if (n < 0)
        throw StreamError(StreamError::Kind::Read, m_name);
    return static_cast<size_t>(n);
}

size_t DeviceInputStream::skip(size_t count)
{
    const qint64 n = m_device->skip(static_cast<qint64>(count));
    if (n < 0)
        throw StreamError(StreamError::Kind::Read, m_name);
    return static_cast<size_t>(n);
}

namespace {
constexpr qint64 kBase64LineInput = 57; // 57 octets -> 76 characters
constexpr qint64 kBase64LineOutput = 76 + 2; // with its CRLF
constexpr qint64 kBase64BlockLines = 1024;

// One line of base64 (RFC 2045 §6.8) for at most 57 octets, written at
// `out`; returns the end.
char *encodeBase64Line(const uchar *in, qint64 size, char *out)
{
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    qint64 i = 0;
    for (; i + 3 <= size; i += 3) {
        const quint32 v = (quint32(in[i]) << 16) | (quint32(in[i + 1]) << 8) | in[i + 2];
        *out++ = kAlphabet[(v >> 18) & 63];
        *out++ = kAlphabet[(v >> 12) & 63];
        *out++ = kAlphabet[(v >> 6) & 63];
        *out++ = kAlphabet[v & 63];
    }
    if (i < size) { // one or two octets left: padded to four characters
        const bool two = i + 1 < size;
        const quint32 v = (quint32(in[i]) << 16) | (two ? quint32(in[i + 1]) << 8 : 0);
        *out++ = kAlphabet[(v >> 18) & 63];
        *out++ = kAlphabet[(v >> 12) & 63];
        *out++ = two ? kAlphabet[(v >> 6) & 63] : '=';
        *out++ = '=';
    }
    return out;
}
} // namespace

Base64InputStream::Base64InputStream(QIODevice *device, QString name)
    : m_device(device)
    , m_name(std::move(name))
{
}

bool Base64InputStream::eof() const
{
    return m_pendingPos >= m_pending.size() && m_device->atEnd();
}

void Base64InputStream::reset()
{
    if (!m_device->seek(0))
        throw StreamError(StreamError::Kind::Read, m_name);
    m_pending.resize(0); // (its allocation stays, see refill())
    m_pendingPos = 0;
}

void Base64InputStream::refill()
{
    // The same two buffers for every block, encoded straight into the
    // second. (With a fresh read and QByteArray::toBase64() per block, the
    // freed blocks went back to the system whenever they ended the heap, and
    // the next block's pages faulted in again: 1,400 page faults and 6 ms
    // more for a 25 MiB attachment.)
    m_raw.resize(kBase64LineInput * kBase64BlockLines);
    const qint64 n = m_device->read(m_raw.data(), m_raw.size());
    if (n < 0 || (n == 0 && !m_device->atEnd()))
        throw StreamError(StreamError::Kind::Read, m_name);
    const auto *in = reinterpret_cast<const uchar *>(m_raw.constData());
    m_pending.resize((n + kBase64LineInput - 1) / kBase64LineInput * kBase64LineOutput);
    char *const begin = m_pending.data();
    char *out = begin;
    for (qint64 i = 0; i < n; i += kBase64LineInput) {
        out = encodeBase64Line(in + i, std::min(kBase64LineInput, n - i), out);
        *out++ = '\r';
        *out++ = '\n';
    }
    // The multipart delimiter supplies the last line's CRLF (RFC 2046 §5.1.1).
    if (m_device->atEnd() && out != begin)
        out -= 2;
    m_pending.resize(out - begin); // (a smaller size keeps the allocation)
    m_pendingPos = 0;
}

size_t Base64InputStream::read(vmime::byte_t *data, size_t count)
{
    size_t done = 0;
    while (done < count) {
        if (m_pendingPos >= m_pending.size()) {
            if (m_device->atEnd())
                break;
            refill();
            if (m_pending.isEmpty())
                break;
        }
        const size_t n = std::min(count - done, static_cast<size_t>(m_pending.size() - m_pendingPos));
        std::memcpy(data + done, m_pending.constData() + m_pendingPos, n);
        m_pendingPos += static_cast<qsizetype>(n);
        done += n;
    }
    return done;
}

size_t Base64InputStream::skip(size_t count)
{
    vmime::byte_t buffer[4096];
    size_t skipped = 0;
    while (skipped < count) {
        const size_t n = read(buffer, std::min(sizeof(buffer), count - skipped));
        if (n == 0)
            break;
        skipped += n;
    }
    return skipped;
}

qint64 Base64InputStream::encodedSize(qint64 size)
{
    const qint64 chars = (size + 2) / 3 * 4;
    const qint64 lines = (chars + 75) / 76;
    return lines == 0 ? 0 : chars + (lines - 1) * 2;
}

CheckedOutputStream::CheckedOutputStream(QIODevice *device)
    : m_device(device)
{
}

void CheckedOutputStream::flush()
{
}

void CheckedOutputStream::finish()
{
    if (m_pendingCr || m_lineLength != 0)
        throw StreamError(StreamError::Kind::Format, QStringLiteral("output does not end in CRLF"));
}

void CheckedOutputStream::writeImpl(const vmime::byte_t *data, size_t count)
{
    // Line by line with memchr rather than byte by byte: this sees every
    // octet of a message (a 25 MiB attachment is 34 MB of base64).
    const vmime::byte_t *p = data;
    const vmime::byte_t *const end = data + count;
    while (p < end) {
        if (m_pendingCr) {
            if (*p != '\n')
                throw StreamError(StreamError::Kind::Format, QStringLiteral("bare CR"));
            m_pendingCr = false;
            m_longestLine = std::max(m_longestLine, m_lineLength);
            m_lineLength = 0;
            ++p;
            continue;
        }
        const auto *cr = static_cast<const vmime::byte_t *>(std::memchr(p, '\r', static_cast<size_t>(end - p)));
        const vmime::byte_t *stop = cr ? cr : end;
        const auto n = static_cast<size_t>(stop - p);
        if (std::memchr(p, '\n', n))
            throw StreamError(StreamError::Kind::Format, QStringLiteral("bare LF"));
        vmime::byte_t high = 0;
        for (size_t i = 0; i < n; ++i) // vectorised by the compiler
            high |= p[i];
        m_eightBit = m_eightBit || (high & 0x80) != 0;
        m_lineLength += static_cast<qint64>(n);
        if (m_lineLength > 998)
            throw StreamError(StreamError::Kind::Format, QStringLiteral("line over 998 octets"));
        p = stop;
        if (cr) {
            m_pendingCr = true;
            ++p;
        }
    }
    const char *bytes = reinterpret_cast<const char *>(data);
    qint64 remaining = static_cast<qint64>(count);
    while (remaining > 0) {
        const qint64 n = m_device->write(bytes, remaining);
        if (n <= 0)
            throw StreamError(StreamError::Kind::Write, m_device->errorString());
        bytes += n;
        remaining -= n;
    }
    m_written += static_cast<qint64>(count);
}

} // namespace Core::MimeStreams
