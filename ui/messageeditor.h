// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTextEdit>

class QMimeData;

namespace Gui {

/**
 * The editor of a formatted message. It decides what pasted or dropped data
 * becomes in the text:
 *
 * - images: insertImageData() — the hook for inline images (not handled
 *   here: the default inserts nothing and says so);
 * - HTML (from a web page, an office program, or this editor itself): reduced
 *   by HtmlSanitizer to the subset a message is sent in, so that no script,
 *   remote image or foreign style reaches the document;
 * - text: inserted as it is.
 *
 * The plain-text editor of the composer is a QPlainTextEdit, which only ever
 * pastes text.
 */
class MessageEditor : public QTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageEditor)

public:
    explicit MessageEditor(QWidget *parent = nullptr);
    ~MessageEditor() override;

protected:
    [[nodiscard]] bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;

    /// Whether `source` holds an image this editor takes in. The default: no.
    [[nodiscard]] virtual bool canInsertImageData(const QMimeData *source) const;
    /// Inserts the images of `source` at the cursor; returns whether it did
    /// (then nothing else of `source` is inserted). The default inserts none.
    virtual bool insertImageData(const QMimeData *source);
};

} // namespace Gui
