// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/mime/vmimestreams_p.h"

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
    for (size_t i = 0; i < count; ++i) {
        const vmime::byte_t c = data[i];
        if (m_pendingCr) {
            if (c != '\n')
                throw StreamError(StreamError::Kind::Format, QStringLiteral("bare CR"));
            m_pendingCr = false;
            m_longestLine = std::max(m_longestLine, m_lineLength);
            m_lineLength = 0;
            continue;
        }
        if (c == '\r') {
            m_pendingCr = true;
        } else if (c == '\n') {
            throw StreamError(StreamError::Kind::Format, QStringLiteral("bare LF"));
        } else {
            m_eightBit = m_eightBit || c >= 0x80;
            if (++m_lineLength > 998)
                throw StreamError(StreamError::Kind::Format, QStringLiteral("line over 998 octets"));
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
