// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/inlineimageeditor.h"

#include "core/mime/mimebuilder.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QLocale>
#include <QMimeData>
#include <QMimeDatabase>
#include <QSet>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFragment>
#include <QTextImageFormat>
#include <QUrl>

#include <algorithm>

namespace Gui {

namespace {

// What a picture may be sent as: the formats every mail reader shows.
const QStringList &imageTypes()
{
    static const QStringList types{QStringLiteral("image/png"), QStringLiteral("image/jpeg"), QStringLiteral("image/gif"),
                                   QStringLiteral("image/webp")};
    return types;
}

// Larger than this, an image is sent all the same but the person is told:
// like a large attachment, it may be refused or be slow to arrive.
constexpr qint64 kLargeImage = 5 * 1024 * 1024;
// An image file read from a pasted or dropped URL; anything larger is not
// taken into the text (it can still be attached).
constexpr qint64 kMaxImageFile = 64 * 1024 * 1024;

QStringList imageFiles(const QMimeData *source)
{
    QStringList files;
    if (!source->hasUrls())
        return files;
    static const QMimeDatabase db;
    for (const QUrl &url : source->urls()) {
        if (!url.isLocalFile())
            continue;
        const QString type = db.mimeTypeForFile(url.toLocalFile()).name();
        if (imageTypes().contains(type))
            files << url.toLocalFile();
    }
    return files;
}

QString extensionFor(const QString &type)
{
    if (type == u"image/jpeg")
        return QStringLiteral("jpg");
    return type.section(u'/', 1);
}

} // namespace

InlineImageEditor::InlineImageEditor(QWidget *parent)
    : MessageEditor(parent)
{
}

InlineImageEditor::~InlineImageEditor() = default;

bool InlineImageEditor::canInsertImageData(const QMimeData *source) const
{
    return holdsImage(source);
}

bool InlineImageEditor::holdsImage(const QMimeData *source)
{
    if (!imageFiles(source).isEmpty())
        return true;
    return std::any_of(imageTypes().begin(), imageTypes().end(), [source](const QString &t) { return source->hasFormat(t); });
}

bool InlineImageEditor::insertImageData(const QMimeData *source)
{
    // A file of an image (a file manager's copy, a drop): its own bytes and name.
    if (const QStringList files = imageFiles(source); !files.isEmpty()) {
        bool any = false;
        for (const QString &path : files) {
            QFile f(path);
            if (f.size() > kMaxImageFile || !f.open(QIODevice::ReadOnly)) {
                //: %1 is a file name
                Q_EMIT problem(tr("The image “%1” cannot be put into the text; attach it instead.").arg(QFileInfo(path).fileName()));
                continue;
            }
            static const QMimeDatabase db;
            any = insertImage(f.readAll(), QFileInfo(path).fileName(), db.mimeTypeForFile(path).name()) || any;
        }
        return any;
    }
    // Image data (a screenshot, "Copy Image" in a browser): the bytes as offered.
    for (const QString &type : imageTypes()) {
        if (source->hasFormat(type)) {
            //: The file name of a pasted picture; %1 is a number, %2 the extension (png)
            const QString name = tr("image%1.%2").arg(m_images.size() + 1).arg(extensionFor(type));
            return insertImage(source->data(type), name, type);
        }
    }
    return false;
}

bool InlineImageEditor::insertImage(const QByteArray &bytes, const QString &fileName, const QString &contentType)
{
    QBuffer buffer;
    buffer.setData(bytes);
    QImageReader reader(&buffer);
    const QString readAs = QString::fromLatin1(reader.format());
    if (reader.size().isEmpty() || !reader.canRead()) {
        //: %1 is a file name
        Q_EMIT problem(tr("“%1” is not an image that can be shown in the text.").arg(fileName));
        return false;
    }
    Image image;
    image.bytes = bytes;
    image.fileName = fileName;
    image.contentType = contentType.isEmpty() || !imageTypes().contains(contentType)
        ? QStringLiteral("image/") + (readAs == u"jpg" ? QStringLiteral("jpeg") : readAs)
        : contentType;
    image.contentId = Core::MimeBuilder::generateMessageId(
        Core::MailAddress(QString(), QStringLiteral("x@") + (m_domain.isEmpty() ? QStringLiteral("outpost.invalid") : m_domain)));
    m_images.insert(image.contentId, image);

    QTextImageFormat shown;
    shown.setName(QStringLiteral("cid:") + image.contentId);
    shown.setProperty(QTextFormat::ImageAltText, fileName);
    // Large pictures are shown at most as wide as the text area (and sent
    // with that size in the HTML); the bytes stay the original ones.
    const QSize size = reader.size();
    const int room = std::max(200, viewport()->width() - 2 * static_cast<int>(document()->documentMargin()) - 8);
    if (size.width() > room) {
        shown.setWidth(room);
        shown.setHeight(static_cast<qreal>(size.height()) * room / size.width());
    }
    textCursor().insertImage(shown);
    Q_EMIT imageInserted();
    if (bytes.size() > kLargeImage)
        //: %1 is a file name, %2 its size ("12 MB")
        Q_EMIT problem(tr("The image “%1” is large (%2): it is sent as it is, which may be slow or refused by the recipient's server.")
                           .arg(fileName, QLocale().formattedDataSize(bytes.size())));
    return true;
}

QVariant InlineImageEditor::loadResource(int type, const QUrl &name)
{
    if (type == QTextDocument::ImageResource && name.scheme() == u"cid") {
        const QString id = name.path();
        if (!m_pictures.contains(id) && m_images.contains(id)) {
            QImage picture;
            picture.loadFromData(m_images.value(id).bytes);
            m_pictures.insert(id, picture);
        }
        return m_pictures.contains(id) ? QVariant(m_pictures.value(id)) : QVariant();
    }
    return MessageEditor::loadResource(type, name);
}

void InlineImageEditor::addImages(const QList<Image> &images)
{
    for (const Image &image : images)
        m_images.insert(image.contentId, image);
    // Shown again where the text already refers to them.
    document()->markContentsDirty(0, document()->characterCount());
}

void InlineImageEditor::dropUnknownImages()
{
    // Backwards: replacing a picture by its name moves what follows it.
    QList<QPair<int, QString>> unknown;
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (!fragment.charFormat().isImageFormat())
                continue;
            const QTextImageFormat f = fragment.charFormat().toImageFormat();
            if (f.name().startsWith(QLatin1String("cid:")) && m_images.contains(f.name().mid(4)))
                continue;
            const QString alt = f.stringProperty(QTextFormat::ImageAltText);
            for (int i = 0; i < fragment.length(); ++i)
                unknown.append({fragment.position() + i, alt.isEmpty() ? QUrl(f.name()).fileName() : alt});
        }
    }
    for (auto it = unknown.crbegin(); it != unknown.crend(); ++it) {
        QTextCursor c(document());
        c.setPosition(it->first);
        c.setPosition(it->first + 1, QTextCursor::KeepAnchor);
        c.insertText(it->second, QTextCharFormat());
    }
}

QList<InlineImageEditor::Image> InlineImageEditor::images() const
{
    QList<Image> used;
    QSet<QString> seen;
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat f = it.fragment().charFormat();
            if (!f.isImageFormat())
                continue;
            const QString name = f.toImageFormat().name();
            if (!name.startsWith(QLatin1String("cid:")))
                continue;
            const QString id = name.mid(4);
            if (m_images.contains(id) && !seen.contains(id)) {
                seen.insert(id);
                used << m_images.value(id);
            }
        }
    }
    return used;
}

} // namespace Gui
