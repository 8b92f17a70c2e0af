// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Adapters between vmime's streams and QIODevice. Private to core/mime: vmime
// headers never leave this directory.

#include <QIODevice>
#include <QString>

#include <stdexcept>

#include <vmime/utility/inputStream.hpp>
#include <vmime/utility/outputStream.hpp>

namespace Core::MimeStreams {

/// Thrown when reading an input or writing the output fails mid-generation.
class StreamError : public std::runtime_error
{
public:
    enum class Kind { Read, Write, Format };
    StreamError(Kind kind, QString detail)
        : std::runtime_error("stream error")
        , m_kind(kind)
        , m_detail(std::move(detail))
    {
    }
    [[nodiscard]] Kind kind() const { return m_kind; }
    [[nodiscard]] QString detail() const { return m_detail; }

private:
    Kind m_kind;
    QString m_detail;
};

/// Reads a QIODevice (an attachment file) in blocks, for vmime's encoders.
class DeviceInputStream final : public vmime::utility::inputStream
{
public:
    DeviceInputStream(QIODevice *device, QString name);
    bool eof() const override;
    void reset() override;
    size_t read(vmime::byte_t *data, size_t count) override;
    size_t skip(size_t count) override;

private:
    QIODevice *m_device;
    QString m_name;
};

/**
 * Reads a QIODevice and yields it base64-encoded in CRLF-terminated lines of
 * 76 characters (RFC 2045 §6.8), a block at a time: vmime copies it as
 * already-encoded content, and memory stays constant whatever the file size.
 */
class Base64InputStream final : public vmime::utility::inputStream
{
public:
    Base64InputStream(QIODevice *device, QString name);
    bool eof() const override;
    void reset() override;
    size_t read(vmime::byte_t *data, size_t count) override;
    size_t skip(size_t count) override;

    /// Octets of output for `size` octets of input.
    [[nodiscard]] static qint64 encodedSize(qint64 size);

private:
    void refill();

    QIODevice *m_device;
    QString m_name;
    QByteArray m_raw;     ///< the block being encoded (kept: see refill())
    QByteArray m_pending; ///< its base64 lines, not yet read
    qsizetype m_pendingPos = 0;
};

/**
 * Writes vmime's output to a QIODevice and checks it on the way: CRLF line
 * endings only, no line over 998 octets (RFC 5322 §2.1.1). A violation or a
 * failed write throws StreamError, so nothing malformed is ever finished.
 */
class CheckedOutputStream final : public vmime::utility::outputStream
{
public:
    explicit CheckedOutputStream(QIODevice *device);
    void flush() override;

    [[nodiscard]] qint64 bytesWritten() const { return m_written; }
    [[nodiscard]] qint64 longestLine() const { return m_longestLine; }
    [[nodiscard]] bool hasEightBit() const { return m_eightBit; }
    /// Throws if the output does not end in CRLF.
    void finish();

protected:
    void writeImpl(const vmime::byte_t *data, size_t count) override;

private:
    QIODevice *m_device;
    qint64 m_written = 0;
    qint64 m_lineLength = 0;
    qint64 m_longestLine = 0;
    bool m_pendingCr = false;
    bool m_eightBit = false;
};

} // namespace Core::MimeStreams
