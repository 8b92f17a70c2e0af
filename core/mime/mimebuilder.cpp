// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/mime/mimebuilder.h"

#include "core/mime/headerencoding_p.h"
#include "core/mime/textencoding_p.h"
#include "core/mime/vmimestreams_p.h"
#include "core/version.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>
#include <QUrl>

#include <algorithm>
#include <memory>
#include <optional>
#include <vector>

#include <uchardet.h>
#include <vmime/contentTypeField.hpp>
#include <vmime/vmime.hpp>

namespace Core {

namespace {

std::string toStd(const QString &s)
{
    return s.toStdString(); // UTF-8
}

// Headers Outpost writes itself; an extra header may not replace or repeat them.
bool isReservedHeader(const QString &name)
{
    static const QSet<QString> reserved = {
        QStringLiteral("from"), QStringLiteral("sender"), QStringLiteral("to"),
        QStringLiteral("cc"), QStringLiteral("bcc"), QStringLiteral("reply-to"),
        QStringLiteral("subject"), QStringLiteral("date"), QStringLiteral("message-id"),
        QStringLiteral("in-reply-to"), QStringLiteral("references"),
        QStringLiteral("mime-version"), QStringLiteral("content-type"),
        QStringLiteral("content-transfer-encoding"), QStringLiteral("content-disposition"),
        QStringLiteral("user-agent"), QStringLiteral("disposition-notification-to"),
        QStringLiteral("return-path"), QStringLiteral("received")};
    return reserved.contains(name.toLower());
}

// RFC 5322 §3.6.8 field-name: printable ASCII except ':'.
bool isFieldName(const QString &name)
{
    if (name.isEmpty() || name.size() > 76)
        return false;
    for (QChar c : name) {
        if (c.unicode() < 33 || c.unicode() > 126 || c == u':')
            return false;
    }
    return true;
}

QString stripAngles(const QString &id)
{
    QString s = id.trimmed();
    if (s.startsWith(u'<') && s.endsWith(u'>'))
        s = s.mid(1, s.size() - 2);
    return s;
}

// msg-id (RFC 5322 §3.6.4) in the strict form id-left "@" id-right.
bool isMsgId(const QString &id)
{
    static const QRegularExpression re(
        QStringLiteral("^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9!#$%&'*+/=?^_`{|}~.\\[\\]:-]+$"));
    return re.match(stripAngles(id)).hasMatch();
}

bool isMediaType(const QString &type)
{
    static const QRegularExpression re(
        QStringLiteral("^[A-Za-z0-9!#$&^_.+-]{1,64}/[A-Za-z0-9!#$&^_.+-]{1,64}$"));
    return re.match(type).hasMatch();
}

Result<void> validateList(const QList<MailAddress> &list, const QString &field)
{
    for (const MailAddress &mailbox : list) {
        if (auto r = mailbox.validate(field); !r)
            return r;
    }
    return {};
}

QString attachmentName(const Attachment &a)
{
    return a.fileName.isEmpty() ? QFileInfo(a.path).fileName() : a.fileName;
}

// The type from the file's content (magic), refined by its name when the
// name is more specific: a CSV file's content says text/plain, its name
// says text/csv, which is a kind of text/plain.
QString detectContentType(const Attachment &a)
{
    if (!a.contentType.isEmpty())
        return a.contentType.toLower();
    static const QMimeDatabase db;
    const QMimeType byContent = db.mimeTypeForFile(a.path, QMimeDatabase::MatchContent);
    const QMimeType byName = db.mimeTypeForFile(attachmentName(a), QMimeDatabase::MatchExtension);
    if (byName.isValid() && !byName.isDefault() && byName.inherits(byContent.name()))
        return byName.name();
    return byContent.isValid() ? byContent.name() : QStringLiteral("application/octet-stream");
}

Error unreadable(const QString &path)
{
    //: %1 is a file name
    return Error(Error::Code::FileUnreadable,
                 QCoreApplication::translate("Mime", "The attachment “%1” cannot be read.").arg(QFileInfo(path).fileName()),
                 QStringLiteral("attachments"));
}

// A part read from a file (an attachment, an image): the file readable, the
// name it is given fit for a header.
Result<void> checkPartFile(const QString &path, const QString &fileName, const QString &field)
{
    const QFileInfo info(path);
    if (path.isEmpty() || !info.isFile() || !info.isReadable())
        return unreadable(path);
    return checkHeaderText(fileName, field);
}

Result<void> openAll(const QStringList &paths, std::vector<std::unique_ptr<QFile>> &files)
{
    for (const QString &path : paths) {
        auto file = std::make_unique<QFile>(path);
        if (!file->open(QIODevice::ReadOnly))
            return unreadable(path);
        files.push_back(std::move(file));
    }
    return {};
}

vmime::datetime vmimeDate(const QDateTime &when)
{
    const QDate d = when.date();
    const QTime t = when.time();
    return vmime::datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second(),
                           when.offsetFromUtc() / 60);
}

vmime::messageId vmimeMessageId(const QString &id)
{
    const QString bare = stripAngles(id);
    const qsizetype at = bare.lastIndexOf(u'@');
    return vmime::messageId(toStd(bare.left(at)), toStd(bare.mid(at + 1)));
}

// A Message-ID is always ASCII: a Unicode right-hand side becomes A-labels.
QString asciiMessageId(const QString &id)
{
    QString bare = stripAngles(id);
    const qsizetype at = bare.lastIndexOf(u'@');
    if (at < 0)
        return bare;
    const QByteArray ace = QUrl::toAce(bare.mid(at + 1));
    return bare.left(at + 1) + (ace.isEmpty() ? QStringLiteral("outpost.invalid") : QString::fromLatin1(ace));
}

QString randomBoundary()
{
    // "=_" can never occur in quoted-printable or base64 output (RFC 2045).
    QByteArray raw(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), 4);
    return QStringLiteral("=_outpost_")
        + QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding
                                           | QByteArray::OmitTrailingEquals));
}

void setContentType(vmime::bodyPart &part, const QString &type, const QString &boundary = {})
{
    auto field = part.getHeader()->getField<vmime::contentTypeField>(vmime::fields::CONTENT_TYPE);
    field->setValue(vmime::mediaType(toStd(type)));
    if (!boundary.isEmpty())
        field->setBoundary(toStd(boundary));
}

void fillTextPart(vmime::bodyPart &part, const QString &text, const QString &subtype, bool allow8Bit)
{
    using namespace MimeText;
    // Plain text with long lines goes format=flowed (RFC 3676): readers that
    // know it rewrap the paragraphs to their window, the others show lines
    // of a readable length instead of one line per paragraph.
    const bool flowed = subtype == u"plain" && wantsFlowed(text);
    const QByteArray crlf = toCrlfLines((flowed ? encodeFlowed(text) : text).toUtf8());
    const TransferEncoding encoding = chooseEncoding(crlf, allow8Bit);
    QByteArray encoded;
    switch (encoding) {
    case TransferEncoding::SevenBit:
    case TransferEncoding::EightBit:
        encoded = crlf;
        break;
    case TransferEncoding::QuotedPrintable:
        encoded = encodeQuotedPrintable(crlf);
        break;
    case TransferEncoding::Base64:
        encoded = encodeBase64Lines(crlf);
        break;
    }
    const vmime::encoding enc(encodingName(encoding));
    auto field = part.getHeader()->getField<vmime::contentTypeField>(vmime::fields::CONTENT_TYPE);
    field->setValue(vmime::mediaType("text", toStd(subtype)));
    field->setCharset(vmime::charset(vmime::charsets::UTF_8));
    if (flowed) {
        field->appendParameter(vmime::make_shared<vmime::parameter>("format", "flowed"));
        field->appendParameter(vmime::make_shared<vmime::parameter>("delsp", "no"));
    }
    part.getHeader()->ContentTransferEncoding()->setValue(enc);
    // Already encoded with the part's own encoding: vmime copies it as is.
    part.getBody()->setContents(vmime::make_shared<vmime::stringContentHandler>(
        std::string(encoded.constData(), static_cast<size_t>(encoded.size())), enc));
}

// A header value that Outpost encoded and folded itself (see
// headerencoding_p.h): vmime writes it verbatim. Deriving from vmime::text
// keeps vmime's type check for unstructured fields satisfied.
class PreEncodedText final : public vmime::text
{
public:
    explicit PreEncodedText(QByteArray encoded)
        : m_encoded(std::move(encoded))
    {
    }

protected:
    void generateImpl(const vmime::generationContext &, vmime::utility::outputStream &os,
                      const size_t, size_t *newLinePos) const override
    {
        os.write(m_encoded.constData(), static_cast<size_t>(m_encoded.size()));
        if (newLinePos) {
            const qsizetype lastBreak = m_encoded.lastIndexOf('\n');
            *newLinePos = static_cast<size_t>(m_encoded.size() - lastBreak - 1);
        }
    }

private:
    QByteArray m_encoded;
};

// A field whose value Outpost wrote itself (headerencoding_p.h). Created
// under a neutral name so that vmime gives it a text value, then named.
void appendPreEncodedField(vmime::header &header, const QString &name, QByteArray value)
{
    auto field = vmime::headerFieldFactory::getInstance()->create("X-Outpost-Unstructured");
    field->setValue(vmime::make_shared<PreEncodedText>(std::move(value)));
    field->setName(toStd(name));
    header.appendField(field);
}

void appendUnstructuredField(vmime::header &header, const QString &name, const QString &value)
{
    appendPreEncodedField(header, name, MimeHeader::encodeUnstructured(value, name.size() + 2));
}

void appendAddressField(vmime::header &header, const QString &name, const QList<MailAddress> &list)
{
    QList<MimeHeader::Mailbox> mailboxes;
    for (const MailAddress &a : list)
        mailboxes.append({a.name(), a.wireAddress()});
    appendPreEncodedField(header, name, MimeHeader::encodeAddressList(mailboxes, name.size() + 2));
}

// How one attachment travels (RFC 2046): its type and charset, and its body.
struct AttachmentForm
{
    QString contentType;
    QString charset;            ///< text/*: what the content is in
    std::optional<QByteArray> message; ///< message/rfc822: canonical CRLF lines, unencoded
};

// The legacy charset uchardet finds in a text file that is not UTF-8, if it
// is one that readers know by that name; an empty string otherwise. A guess
// from statistics: right on sentences in every script tried, unsure on a
// few words (docs/design/MIME.md).
QString legacyCharset(QFile &file)
{
    static const QSet<QByteArray> known = {
        "iso-8859-1", "iso-8859-2", "iso-8859-3", "iso-8859-4", "iso-8859-5", "iso-8859-6", "iso-8859-7",
        "iso-8859-8", "iso-8859-9", "iso-8859-10", "iso-8859-11", "iso-8859-13", "iso-8859-15", "iso-8859-16",
        "windows-1250", "windows-1251", "windows-1252", "windows-1253", "windows-1254", "windows-1255",
        "windows-1256", "windows-1257", "windows-1258", "koi8-r", "koi8-u", "shift_jis", "euc-jp", "iso-2022-jp",
        "euc-kr", "big5", "gb18030", "tis-620"};
    // Control characters other than tab, line ends, form feed and escape
    // (ISO-2022-JP) are in no text: binary data, for which uchardet would
    // still name a charset now and then.
    const auto control = [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return (u < 0x20 || u == 0x7F) && u != '\t' && u != '\n' && u != '\r' && u != '\f' && u != 0x1B;
    };
    const std::unique_ptr<uchardet, decltype(&uchardet_delete)> detector(uchardet_new(), &uchardet_delete);
    QByteArray block;
    while (!(block = file.read(64 * 1024)).isEmpty()) {
        if (std::any_of(block.begin(), block.end(), control))
            return {};
        if (uchardet_handle_data(detector.get(), block.constData(), static_cast<size_t>(block.size())) != 0)
            return {};
    }
    uchardet_data_end(detector.get());
    const QByteArray name = QByteArray(uchardet_get_charset(detector.get())).toLower();
    return known.contains(name) ? QString::fromLatin1(name) : QString();
}

// The charset a text file is in, read a block at a time: US-ASCII, UTF-8
// and UTF-16 (with its byte order mark) are certain; other 8-bit text gets
// the legacy charset uchardet finds, and an empty string when it finds none.
QString textCharset(QFile &file)
{
    const QByteArray head = file.peek(2);
    if (head == "\xFF\xFE" || head == "\xFE\xFF")
        return QStringLiteral("utf-16");
    // The decoder keeps a sequence split between two blocks for the next.
    QStringDecoder utf8(QStringDecoder::Utf8);
    bool ascii = true;
    QByteArray block;
    while (!utf8.hasError() && !(block = file.read(64 * 1024)).isEmpty()) {
        ascii = ascii && std::all_of(block.begin(), block.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
        // Qt decodes when the result becomes a QString; only then does
        // hasError() say anything.
        if (!ascii)
            static_cast<void>(QString(utf8.decode(block)));
    }
    // A sequence left unfinished at the end of the file is an error once
    // something follows it.
    if (!ascii && !utf8.hasError())
        static_cast<void>(QString(utf8.decode(QByteArrayView("\n"))));
    file.seek(0);
    if (ascii)
        return QStringLiteral("us-ascii");
    if (!utf8.hasError())
        return QStringLiteral("utf-8");
    QString legacy = legacyCharset(file);
    file.seek(0);
    return legacy;
}

// A message to attach travels unencoded (RFC 2046 §5.2.1 allows no base64
// or quoted-printable for message/rfc822): its lines in canonical CRLF form,
// when each fits in 998 octets, it has no NUL, and its 8-bit octets, if
// any, may go (8BITMIME). It is held in memory, so only up to a bound.
std::optional<QByteArray> canonicalMessage(QFile &file, bool allow8Bit)
{
    constexpr qint64 kMaxInlineMessage = 16 * 1024 * 1024;
    if (file.size() > kMaxInlineMessage)
        return std::nullopt;
    const QByteArray crlf = MimeText::toCrlfLines(file.read(kMaxInlineMessage));
    file.seek(0);
    qsizetype lineStart = 0;
    bool eightBit = false;
    for (qsizetype i = 0; i < crlf.size(); ++i) {
        const auto c = static_cast<unsigned char>(crlf.at(i));
        if (c == 0)
            return std::nullopt;
        eightBit = eightBit || c >= 0x80;
        if (c == '\n') {
            if (i - 1 - lineStart > 998)
                return std::nullopt;
            lineStart = i + 1;
        }
    }
    if (eightBit && !allow8Bit)
        return std::nullopt;
    return crlf;
}

AttachmentForm attachmentForm(const Attachment &a, QFile &file, bool allow8Bit)
{
    AttachmentForm form;
    form.contentType = detectContentType(a);
    const QString octets = QStringLiteral("application/octet-stream");
    if (form.contentType == u"message/rfc822") {
        form.message = canonicalMessage(file, allow8Bit);
        if (!form.message)
            form.contentType = octets;
    } else if (form.contentType.startsWith(u"text/") && a.contentType.isEmpty()) {
        // Text without a charset means US-ASCII (RFC 2046 §4.1.2); text in a
        // charset that cannot be known goes as bytes, which every reader
        // saves the same.
        form.charset = textCharset(file);
        if (form.charset.isEmpty())
            form.contentType = octets;
    }
    return form;
}

void fillBase64Body(vmime::bodyPart &part, QFile &file, const QString &path)
{
    const vmime::encoding base64(vmime::encodingTypes::BASE64);
    part.getHeader()->ContentTransferEncoding()->setValue(base64);
    // Already base64 when vmime reads it: vmime copies the lines as they
    // come, a block at a time (its own encoder is much slower).
    auto stream = vmime::make_shared<MimeStreams::Base64InputStream>(&file, path);
    part.getBody()->setContents(vmime::make_shared<vmime::streamContentHandler>(
        stream, static_cast<size_t>(MimeStreams::Base64InputStream::encodedSize(file.size())), base64));
}

void fillAttachmentPart(vmime::bodyPart &part, const Attachment &a, QFile &file, bool allow8Bit)
{
    const AttachmentForm form = attachmentForm(a, file, allow8Bit);
    const QString name = attachmentName(a);
    auto &header = *part.getHeader();
    QList<std::pair<QByteArray, QString>> typeParameters;
    if (!form.charset.isEmpty())
        typeParameters.append({"charset", form.charset});
    // name= on Content-Type is for readers that ignore Content-Disposition.
    typeParameters.append({"name", name});
    appendPreEncodedField(header, QStringLiteral("Content-Type"),
                          MimeHeader::encodeParameterized(form.contentType.toLatin1(), typeParameters, 14));
    appendPreEncodedField(header, QStringLiteral("Content-Disposition"),
                          MimeHeader::encodeParameterized("attachment", {{"filename", name}}, 21));
    if (form.message) {
        const bool eightBit = std::any_of(form.message->begin(), form.message->end(),
                                          [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
        const vmime::encoding enc(eightBit ? vmime::encodingTypes::EIGHT_BIT : vmime::encodingTypes::SEVEN_BIT);
        header.ContentTransferEncoding()->setValue(enc);
        part.getBody()->setContents(vmime::make_shared<vmime::stringContentHandler>(
            std::string(form.message->constData(), static_cast<size_t>(form.message->size())), enc));
        return;
    }
    fillBase64Body(part, file, a.path);
}

QString inlineImageType(const InlineImage &image)
{
    if (!image.contentType.isEmpty())
        return image.contentType.toLower();
    static const QMimeDatabase db;
    const QMimeType type = db.mimeTypeForFile(image.path, QMimeDatabase::MatchContent);
    return type.isValid() && type.name().startsWith(u"image/") ? type.name() : QStringLiteral("application/octet-stream");
}

QString inlineImageName(const InlineImage &image)
{
    return image.fileName.isEmpty() ? QFileInfo(image.path).fileName() : image.fileName;
}

// An image the HTML shows (RFC 2387): found by its Content-ID, shown in
// place (inline), with a file name for readers that list it or save it.
void fillInlineImagePart(vmime::bodyPart &part, const InlineImage &image, QFile &file)
{
    auto &header = *part.getHeader();
    const QString name = inlineImageName(image);
    appendPreEncodedField(header, QStringLiteral("Content-Type"),
                          MimeHeader::encodeParameterized(inlineImageType(image).toLatin1(), {{"name", name}}, 14));
    appendPreEncodedField(header, QStringLiteral("Content-Disposition"),
                          MimeHeader::encodeParameterized("inline", {{"filename", name}}, 21));
    appendPreEncodedField(header, QStringLiteral("Content-ID"), '<' + image.contentId.toLatin1() + '>');
    fillBase64Body(part, file, image.path);
}

} // namespace

class MimeBuilder::Impl
{
public:
    Options options;

    [[nodiscard]] QString nextBoundary() const
    {
        return options.boundaryGenerator ? options.boundaryGenerator() : randomBoundary();
    }
};

MimeBuilder::MimeBuilder()
    : m_impl(std::make_unique<Impl>())
{
}

MimeBuilder::~MimeBuilder() = default;

void MimeBuilder::setOptions(Options options)
{
    m_impl->options = std::move(options);
}

const MimeBuilder::Options &MimeBuilder::options() const
{
    return m_impl->options;
}

Result<void> MimeBuilder::validate(const Draft &draft) const
{
    if (draft.from.isEmpty())
        return Error(Error::Code::InvalidInput, QCoreApplication::translate("Mime", "Choose the address to send from."),
                     QStringLiteral("from"));
    if (auto r = draft.from.validate(QStringLiteral("from")); !r)
        return r;
    if (draft.allRecipients().isEmpty())
        return Error(Error::Code::InvalidInput, QCoreApplication::translate("Mime", "Add at least one recipient."),
                     QStringLiteral("to"));
    for (const auto &[list, field] :
         {std::pair{&draft.to, QStringLiteral("to")}, std::pair{&draft.cc, QStringLiteral("cc")},
          std::pair{&draft.bcc, QStringLiteral("bcc")},
          std::pair{&draft.replyTo, QStringLiteral("replyTo")}}) {
        if (auto r = validateList(*list, field); !r)
            return r;
    }
    if (draft.dispositionNotificationTo) {
        if (auto r = draft.dispositionNotificationTo->validate(QStringLiteral("dispositionNotificationTo")); !r)
            return r;
    }
    if (auto r = checkHeaderText(draft.subject, QStringLiteral("subject")); !r)
        return r;

    const auto checkId = [](const QString &id, const QString &field) -> Result<void> {
        if (auto r = checkHeaderText(id, field); !r)
            return r;
        if (!isMsgId(id))
            //: %1 is a message identifier such as <abc@example.org>
            return Error(Error::Code::InvalidInput,
                         QCoreApplication::translate("Mime", "“%1” is not a valid message identifier.").arg(id), field);
        return {};
    };
    if (!draft.inReplyTo.isEmpty()) {
        if (auto r = checkId(draft.inReplyTo, QStringLiteral("inReplyTo")); !r)
            return r;
    }
    for (const QString &id : draft.references) {
        if (auto r = checkId(id, QStringLiteral("references")); !r)
            return r;
    }

    for (const ExtraHeader &h : draft.extraHeaders) {
        const QString field = QStringLiteral("headers");
        if (auto r = checkHeaderText(h.name, field); !r)
            return r;
        if (auto r = checkHeaderText(h.value, field); !r)
            return r;
        if (!isFieldName(h.name))
            //: %1 is a header name the user supplied
            return Error(Error::Code::InvalidInput,
                         QCoreApplication::translate("Mime", "“%1” is not a valid header name.").arg(h.name), field);
        if (isReservedHeader(h.name))
            return Error(Error::Code::InvalidInput,
                         QCoreApplication::translate("Mime", "The header “%1” is set by Outpost and cannot be added.").arg(h.name),
                         field);
    }

    for (const Attachment &a : draft.attachments) {
        const QString field = QStringLiteral("attachments");
        if (auto r = checkPartFile(a.path, a.fileName, field); !r)
            return r;
        if (attachmentName(a).trimmed().isEmpty())
            return Error(Error::Code::InvalidInput, QCoreApplication::translate("Mime", "An attachment has no file name."), field);
        if (!a.contentType.isEmpty() && !isMediaType(a.contentType))
            //: %1 is a MIME type such as image/png
            return Error(Error::Code::InvalidInput,
                         QCoreApplication::translate("Mime", "“%1” is not a valid content type.").arg(a.contentType), field);
    }
    if (!draft.inlineImages.isEmpty() && draft.htmlBody.isEmpty())
        return Error(Error::Code::InvalidInput,
                     QCoreApplication::translate("Mime", "Images in the text need the formatted (HTML) text."),
                     QStringLiteral("inlineImages"));
    QSet<QString> contentIds;
    for (const InlineImage &image : draft.inlineImages) {
        const QString field = QStringLiteral("inlineImages");
        if (auto r = checkPartFile(image.path, image.fileName, field); !r)
            return r;
        // A Content-ID is a msg-id (RFC 2392), and each names one part.
        if (!isMsgId(image.contentId) || image.contentId.startsWith(u'<') || contentIds.contains(image.contentId.toLower()))
            return Error(Error::Code::InvalidInput,
                         //: %1 is an identifier such as abc@example.org
                         QCoreApplication::translate("Mime", "“%1” is not a valid or unique image identifier.").arg(image.contentId),
                         field);
        contentIds.insert(image.contentId.toLower());
        if (!image.contentType.isEmpty() && (!isMediaType(image.contentType) || !image.contentType.startsWith(u"image/", Qt::CaseInsensitive)))
            return Error(Error::Code::InvalidInput,
                         QCoreApplication::translate("Mime", "“%1” is not a valid content type.").arg(image.contentType), field);
    }
    return {};
}

Result<Envelope> MimeBuilder::write(const Draft &draft, QIODevice *out) const
{
    if (auto r = validate(draft); !r)
        return r.error();
    if (!out || !out->isWritable())
        return Error(Error::Code::WriteFailed, QCoreApplication::translate("Mime", "The message could not be written."));

    // Open every attachment and image before the first byte is written.
    QStringList attachmentPaths;
    for (const Attachment &a : draft.attachments)
        attachmentPaths << a.path;
    QStringList imagePaths;
    for (const InlineImage &image : draft.inlineImages)
        imagePaths << image.path;
    std::vector<std::unique_ptr<QFile>> files;
    std::vector<std::unique_ptr<QFile>> imageFiles;
    if (auto r = openAll(attachmentPaths, files); !r)
        return r.error();
    if (auto r = openAll(imagePaths, imageFiles); !r)
        return r.error();

    const Options &opt = m_impl->options;
    Envelope envelope;
    envelope.mailFrom = draft.from.wireAddress();
    QSet<QString> seen;
    for (const MailAddress &rcpt : draft.allRecipients()) {
        const QString wire = rcpt.wireAddress();
        // Local parts are case-sensitive (RFC 5321 §2.4), domains are not.
        const QString key = rcpt.localPart() + u'@' + rcpt.asciiDomain().toLower();
        if (!seen.contains(key)) {
            seen.insert(key);
            envelope.recipients.append(wire);
        }
    }
    bool smtpUtf8 = draft.from.needsSmtpUtf8();
    for (const MailAddress &a : draft.allRecipients() + draft.replyTo)
        smtpUtf8 = smtpUtf8 || a.needsSmtpUtf8();
    if (draft.dispositionNotificationTo)
        smtpUtf8 = smtpUtf8 || draft.dispositionNotificationTo->needsSmtpUtf8();
    envelope.needsSmtpUtf8 = smtpUtf8;
    envelope.messageId = opt.messageId.isEmpty() ? generateMessageId(draft.from)
                                                 : asciiMessageId(opt.messageId);

    try {
        auto message = vmime::make_shared<vmime::message>();
        auto header = message->getHeader();
        header->Date()->setValue(
            vmimeDate(opt.date.isValid() ? opt.date : QDateTime::currentDateTime()));
        appendAddressField(*header, QStringLiteral("From"), {draft.from});
        if (!draft.replyTo.isEmpty())
            appendAddressField(*header, QStringLiteral("Reply-To"), draft.replyTo);
        // Bcc: envelope only (RFC 5322 §3.6.3 allows omitting it entirely).
        // A message for Bcc recipients alone says so with an empty group,
        // as other clients do: readers and filters expect a To.
        if (!draft.to.isEmpty() || draft.cc.isEmpty())
            appendAddressField(*header, QStringLiteral("To"), draft.to);
        if (!draft.cc.isEmpty())
            appendAddressField(*header, QStringLiteral("Cc"), draft.cc);
        appendUnstructuredField(*header, QStringLiteral("Subject"), draft.subject);
        header->MessageId()->setValue(vmimeMessageId(envelope.messageId));
        if (!draft.inReplyTo.isEmpty()) {
            vmime::messageIdSequence ids;
            ids.appendMessageId(vmime::make_shared<vmime::messageId>(vmimeMessageId(draft.inReplyTo)));
            header->InReplyTo()->setValue(ids);
        }
        if (!draft.references.isEmpty()) {
            vmime::messageIdSequence ids;
            for (const QString &id : draft.references)
                ids.appendMessageId(vmime::make_shared<vmime::messageId>(vmimeMessageId(id)));
            header->References()->setValue(ids);
        }
        if (draft.dispositionNotificationTo)
            appendAddressField(*header, QStringLiteral("Disposition-Notification-To"),
                               {*draft.dispositionNotificationTo});
        header->appendField(vmime::headerFieldFactory::getInstance()->create(
            "User-Agent", toStd(Core::userAgent())));
        for (const ExtraHeader &h : draft.extraHeaders)
            appendUnstructuredField(*header, h.name, h.value);
        header->MimeVersion()->setValue(vmime::string("1.0"));

        // Body structure: text | alternative(text, html), inside mixed when
        // there are attachments; with images in the text, the HTML and the
        // images form a related part (RFC 2387) inside the alternative, as
        // Thunderbird sends it: mixed(alternative(text, related(html,
        // images…)), attachments…).
        const bool hasHtml = !draft.htmlBody.isEmpty();
        const bool hasAttachments = !draft.attachments.isEmpty();
        vmime::shared_ptr<vmime::bodyPart> textContainer = message;
        if (hasAttachments) {
            setContentType(*message, QStringLiteral("multipart/mixed"), m_impl->nextBoundary());
            textContainer = vmime::make_shared<vmime::bodyPart>();
            message->getBody()->appendPart(textContainer);
        }
        if (hasHtml) {
            setContentType(*textContainer, QStringLiteral("multipart/alternative"),
                           m_impl->nextBoundary());
            auto plain = vmime::make_shared<vmime::bodyPart>();
            auto html = vmime::make_shared<vmime::bodyPart>();
            textContainer->getBody()->appendPart(plain);
            fillTextPart(*plain, draft.textBody, QStringLiteral("plain"), opt.allow8Bit);
            if (draft.inlineImages.isEmpty()) {
                textContainer->getBody()->appendPart(html);
            } else {
                auto related = vmime::make_shared<vmime::bodyPart>();
                textContainer->getBody()->appendPart(related);
                setContentType(*related, QStringLiteral("multipart/related"), m_impl->nextBoundary());
                // type= names the root part's type (RFC 2387 §3.1).
                related->getHeader()->getField<vmime::contentTypeField>(vmime::fields::CONTENT_TYPE)
                    ->appendParameter(vmime::make_shared<vmime::parameter>("type", "text/html"));
                related->getBody()->appendPart(html);
                for (size_t i = 0; i < imageFiles.size(); ++i) {
                    auto part = vmime::make_shared<vmime::bodyPart>();
                    related->getBody()->appendPart(part);
                    fillInlineImagePart(*part, draft.inlineImages.at(static_cast<qsizetype>(i)), *imageFiles[i]);
                }
            }
            fillTextPart(*html, draft.htmlBody, QStringLiteral("html"), opt.allow8Bit);
        } else {
            fillTextPart(*textContainer, draft.textBody, QStringLiteral("plain"), opt.allow8Bit);
        }

        for (size_t i = 0; i < files.size(); ++i) {
            const Attachment &a = draft.attachments.at(static_cast<qsizetype>(i));
            auto part = vmime::make_shared<vmime::bodyPart>();
            message->getBody()->appendPart(part);
            fillAttachmentPart(*part, a, *files[i], opt.allow8Bit);
        }

        vmime::generationContext ctx;
        ctx.setMaxLineLength(78);
        ctx.setPrologText("");
        ctx.setEpilogText("");
        ctx.setWrapMessageId(false);
        // vmime writes no parameter that needs encoding (file names are Outpost's).
        ctx.setEncodedParameterValueMode(vmime::generationContext::PARAMETER_VALUE_RFC2231_ONLY);
        ctx.setInternationalizedEmailSupport(smtpUtf8);

        MimeStreams::CheckedOutputStream os(out);
        message->generate(ctx, os);
        os.finish();
        envelope.size = os.bytesWritten();
        envelope.needs8BitMime = os.hasEightBit();
    } catch (const MimeStreams::StreamError &e) {
        switch (e.kind()) {
        case MimeStreams::StreamError::Kind::Read:
            return unreadable(e.detail());
        case MimeStreams::StreamError::Kind::Write:
            //: %1 is the system's reason, e.g. "No space left on device"
            return Error(Error::Code::WriteFailed,
                         QCoreApplication::translate("Mime", "The message could not be written: %1").arg(e.detail()));
        case MimeStreams::StreamError::Kind::Format:
            break;
        }
        return Error(Error::Code::Internal,
                     QCoreApplication::translate("Mime", "Outpost produced a malformed message (%1); nothing was sent.")
                         .arg(e.detail()));
    } catch (const vmime::exception &e) {
        return Error(Error::Code::Internal,
                     QCoreApplication::translate("Mime", "The message could not be built: %1").arg(QString::fromStdString(e.what())));
    }
    return envelope;
}

Result<Envelope> MimeBuilder::writeToFile(const Draft &draft, const QString &path) const
{
    if (auto r = validate(draft); !r)
        return r.error();
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return Error(Error::Code::WriteFailed,
                     QCoreApplication::translate("Mime", "The message could not be written: %1").arg(file.errorString()));
    auto result = write(draft, &file);
    if (result && !file.flush())
        result = Error(Error::Code::WriteFailed,
                       QCoreApplication::translate("Mime", "The message could not be written: %1").arg(file.errorString()));
    file.close();
    if (!result || file.error() != QFileDevice::NoError) {
        file.remove();
        if (result)
            return Error(Error::Code::WriteFailed,
                         QCoreApplication::translate("Mime", "The message could not be written: %1").arg(file.errorString()));
    }
    return result;
}

} // namespace Core
