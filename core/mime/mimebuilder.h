// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/mime/draft.h"
#include "core/mime/messageid.h"
#include "core/result.h"
#include "core/smtp/envelope.h"

#include <QDateTime>
#include <QStringList>

#include <functional>
#include <memory>

class QIODevice;

namespace Core {

/**
 * Turns a Draft into the exact RFC 5322 bytes that will be submitted.
 *
 * Output has CRLF line endings, no line over 998 octets, header lines folded
 * at 78 columns, RFC 2047 encoded words only for the words that need them,
 * RFC 2231 file names, and attachments streamed from disk in base64 (memory
 * use does not grow with attachment size); an attached message goes
 * unencoded, as RFC 2046 requires. Bcc never
 * appears in the headers. Every user-supplied field is checked before the
 * first byte is written: bad input gives an Error naming the field and
 * writes nothing.
 *
 * @code
 * Core::MimeBuilder builder;
 * QFile out(path);
 * out.open(QIODevice::WriteOnly);
 * auto envelope = builder.write(draft, &out);
 * if (!envelope)
 *     report(envelope.error());
 * @endcode
 *
 * vmime does the MIME structure behind a pimpl (its headers stay in
 * core/mime); Outpost writes names and file names itself
 * (docs/design/MIME.md).
 */
class MimeBuilder final
{
    Q_DISABLE_COPY_MOVE(MimeBuilder)
public:
    struct Options
    {
        QDateTime date;    ///< Date header; invalid means "now"
        QString messageId; ///< without <>; empty means a fresh one
        /// Allow 8bit text bodies (only when the server announced 8BITMIME).
        bool allow8Bit = false;
        /// Multipart boundaries; unset means random. Tests make them fixed.
        std::function<QString()> boundaryGenerator;
    };

    MimeBuilder();
    ~MimeBuilder();

    void setOptions(Options options);
    [[nodiscard]] const Options &options() const;

    /// Every check write() does before writing: addresses, header fields,
    /// attachments readable, at least one recipient.
    [[nodiscard]] Result<void> validate(const Draft &draft) const;

    /// Writes the message to out (open for writing).
    [[nodiscard]] Result<Envelope> write(const Draft &draft, QIODevice *out) const;

    /// Writes the message to a new file; on any error the file is removed.
    [[nodiscard]] Result<Envelope> writeToFile(const Draft &draft, const QString &path) const;

    /// A globally unique Message-ID (see Core::generateMessageId()).
    [[nodiscard]] static QString generateMessageId(const MailAddress &from) { return Core::generateMessageId(from); }

private:
    class Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace Core
