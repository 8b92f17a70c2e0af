// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/messageeditor.h"

#include <QByteArray>
#include <QHash>
#include <QImage>
#include <QList>
#include <QString>

namespace Gui {

/**
 * The formatted editor with images in the text (issue 22): an image pasted
 * (image/png, image/jpeg, … on the clipboard, or the file URL of an image)
 * or dropped is shown where the cursor is, scaled down to fit the window
 * when large, while its original bytes are what is sent.
 *
 * Each image is named by a Content-ID (RFC 2392) from the moment it is
 * inserted: the document refers to it as "cid:<id>", the same URL the sent
 * HTML uses, so that MessageHtml writes the reference as it is. The
 * alternative text is the file name, which the plain part shows as
 * "[image: name]".
 */
class InlineImageEditor final : public MessageEditor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InlineImageEditor)
public:
    struct Image
    {
        QString contentId; ///< without <>
        QString fileName;
        QString contentType; ///< image/png, …
        QByteArray bytes;    ///< as pasted or read from the file
    };

    explicit InlineImageEditor(QWidget *parent = nullptr);
    ~InlineImageEditor() override;

    /// The right-hand side of new Content-IDs: the sender's domain, never
    /// this computer's name (empty: "outpost.invalid").
    void setContentIdDomain(const QString &domain) { m_domain = domain; }

    /// Inserts an image at the cursor; false (and problem()) when the bytes
    /// are not an image Qt can show.
    bool insertImage(const QByteArray &bytes, const QString &fileName, const QString &contentType = {});

    /// Whether pasting or dropping `source` puts an image into the text.
    [[nodiscard]] static bool holdsImage(const QMimeData *source);

    /// The images the text still shows, in the order they appear, each once.
    [[nodiscard]] QList<Image> images() const;
    /// Pictures of the text whose bytes are not known (a draft whose image
    /// files are gone) become their names: the message never refers to a
    /// part it does not carry.
    void dropUnknownImages();
    /// Makes images known again (a restored draft), before or after its HTML is set.
    void addImages(const QList<Image> &images);

Q_SIGNALS:
    /// Something the person should know: not an image, or a very large one.
    void problem(const QString &message);
    /// An image went into the text (the message grew by its bytes).
    void imageInserted();

protected:
    [[nodiscard]] bool canInsertImageData(const QMimeData *source) const override;
    bool insertImageData(const QMimeData *source) override;
    /// "cid:" URLs are the images above (whatever set the document's HTML).
    QVariant loadResource(int type, const QUrl &name) override;

private:
    QString m_domain;
    QHash<QString, Image> m_images; ///< by Content-ID; also those deleted from the text (undo)
    QHash<QString, QImage> m_pictures; ///< decoded once, by Content-ID
};

} // namespace Gui
