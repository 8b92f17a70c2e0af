// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/composerwindow.h"

#include "core/drafts/draftstore.h"
#include "ui/contactpicker.h"
#include "ui/formatbar.h"
#include "ui/htmlsanitizer.h"
#include "ui/iconloader.h"
#include "ui/inlineimageeditor.h"
#include "ui/messagehtml.h"
#include "ui/recipientedit.h"
#include "ui/spellcontroller.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QCryptographicHash>
#include <QCoreApplication>
#include <QDateTimeEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QJsonArray>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QHBoxLayout>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QSplitter>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTextEdit>
#include <QTextList>
#include <QTextCharFormat>
#include <QTextCursor>
#include <QTextBlock>
#include <QTextDocumentFragment>
#include <QToolBar>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

#include <array>

namespace Gui {

ComposerWindow::ComposerWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("ComposerWindow"));
    createForm();
    createActions();
    updateTitle();
    // The usual size, but never more than the screen has room for (a small
    // screen, or a large scale factor).
    QSize size(760, 560);
    if (const QScreen *s = screen())
        size = size.boundedTo(s->availableGeometry().size() * 9 / 10);
    resize(size);
    setAcceptDrops(true);
    // Autosave: every few seconds while something changed (tests shorten it).
    const int autosaveMs = qEnvironmentVariableIsSet("OUTPOST_DRAFT_AUTOSAVE_MS")
        ? qEnvironmentVariableIntValue("OUTPOST_DRAFT_AUTOSAVE_MS")
        : 5000;
    m_autosave.setInterval(std::max(autosaveMs, 50));
    connect(&m_autosave, &QTimer::timeout, this, &ComposerWindow::saveDraft);
}

ComposerWindow::~ComposerWindow() = default;

void ComposerWindow::createActions()
{
    m_sendAction = new QAction(loadIcon(QStringLiteral("mail-send")), tr("&Send"), this);
    m_sendAction->setObjectName(QStringLiteral("sendAction"));
    m_sendAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_sendAction->setToolTip(tr("Send the message (Ctrl+Return)"));
    connect(m_sendAction, &QAction::triggered, this, &ComposerWindow::requestSend);
    m_attachAction = new QAction(loadIcon(QStringLiteral("mail-attachment")), tr("Attac&h…"), this);
    m_attachAction->setObjectName(QStringLiteral("attachAction"));
    m_attachAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    m_attachAction->setToolTip(tr("Attach files (Ctrl+Shift+A), or drop them on this window"));
    connect(m_attachAction, &QAction::triggered, this, &ComposerWindow::chooseAttachments);
    auto *later = new QAction(loadIcon(QStringLiteral("mail-queue")), tr("Send &Later…"), this);
    m_sendLaterAction = later;
    later->setObjectName(QStringLiteral("sendLaterAction"));
    later->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return));
    later->setToolTip(tr("Choose when the message is sent (Ctrl+Shift+Return)"));
    connect(later, &QAction::triggered, this, &ComposerWindow::chooseSendTime);
    addAction(later);
    auto *save = new QAction(tr("Save &Draft"), this);
    save->setObjectName(QStringLiteral("saveDraftAction"));
    save->setShortcut(QKeySequence::Save);
    connect(save, &QAction::triggered, this, [this] {
        if (!m_drafts)
            return;
        m_savedSinceChange = false;
        const bool before = std::exchange(m_savedByHand, true);
        saveDraft();
        if (!m_savedSinceChange) {
            m_savedByHand = before;
            return; // the reason is in the status bar
        }
        // Saved by hand: this version stays, whatever happens to later
        // changes (closing without them, or "Discard" on them).
        m_explicitSave = state();
        m_modified = false;
        showStatus(tr("Draft saved. It is offered again when Outpost starts."));
    });
    addAction(save);

    QToolBar *toolBar = addToolBar(tr("Compose"));
    toolBar->setObjectName(QStringLiteral("composeToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(m_sendAction);
    toolBar->addAction(m_attachAction);
    toolBar->addAction(later);
    toolBar->addAction(save);
    toolBar->addSeparator();
    QAction *outbox = toolBar->addAction(loadIcon(QStringLiteral("mail-queue")), tr("&Outbox"), this,
                                         &ComposerWindow::outboxRequested);
    outbox->setObjectName(QStringLiteral("outboxAction"));
    outbox->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    outbox->setToolTip(tr("Show the messages that are queued, waiting or need attention"));
    m_richAction = toolBar->addAction(tr("Rich Te&xt"));
    m_richAction->setObjectName(QStringLiteral("richTextAction"));
    m_richAction->setCheckable(true);
    m_richAction->setToolTip(tr("Format the text (sent with a plain-text copy for every reader)"));
    connect(m_richAction, &QAction::toggled, this, &ComposerWindow::setRichText);
    // The formatting bar (issue 22): its actions act on the formatted editor.
    m_formatBar = new FormatBar(m_rich, this);
    addToolBarBreak();
    addToolBar(m_formatBar);
    m_formatBar->hide();
    QAction *addAccount = toolBar->addAction(loadIcon(QStringLiteral("contact-new")), tr("Add &Account…"), this,
                                             &ComposerWindow::addAccountRequested);
    addAccount->setObjectName(QStringLiteral("addAccountAction"));
    addAccount->setToolTip(tr("Set up an account to send from"));
    QAction *accounts = toolBar->addAction(loadIcon(QStringLiteral("preferences-system")), tr("Accou&nts…"), this,
                                           &ComposerWindow::accountsRequested);
    accounts->setObjectName(QStringLiteral("accountsAction"));
    accounts->setToolTip(tr("Edit, test or remove your accounts"));
    // The toolbar shows icons and words; its letters belong to the menus, so
    // that Alt+letter never types into a field or reaches two actions.
    for (QAction *a : toolBar->actions())
        a->setIconText(a->text().remove(u'&'));
    for (QAction *a : m_formatBar->actions())
        a->setIconText(a->text().remove(u'&'));

    auto *close = new QAction(tr("&Close"), this);
    close->setObjectName(QStringLiteral("closeAction"));
    close->setShortcuts({QKeySequence::Close, QKeySequence(Qt::Key_Escape)});
    connect(close, &QAction::triggered, this, &QWidget::close);
    addAction(close);
    createMenus();
}

void ComposerWindow::createMenus()
{
    const auto named = [this](const char *name) { return findChild<QAction *>(QString::fromLatin1(name)); };
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_sendAction);
    file->addAction(m_sendLaterAction);
    file->addAction(named("saveDraftAction"));
    file->addSeparator();
    file->addAction(named("closeAction"));

    // Edit acts on the field that has the keyboard.
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    const auto forward = [this, edit](const QString &text, QKeySequence::StandardKey key, const char *slot) {
        auto *a = new QAction(text, this);
        a->setShortcut(QKeySequence(key));
        connect(a, &QAction::triggered, this, [this, slot] {
            QWidget *w = focusWidget();
            if (w && w->metaObject()->indexOfMethod(QByteArray(QByteArray(slot) + "()").constData()) >= 0)
                QMetaObject::invokeMethod(w, slot);
        });
        edit->addAction(a);
    };
    forward(tr("&Undo"), QKeySequence::Undo, "undo");
    forward(tr("&Redo"), QKeySequence::Redo, "redo");
    edit->addSeparator();
    forward(tr("Cu&t"), QKeySequence::Cut, "cut");
    forward(tr("&Copy"), QKeySequence::Copy, "copy");
    forward(tr("&Paste"), QKeySequence::Paste, "paste");
    forward(tr("Select &All"), QKeySequence::SelectAll, "selectAll");

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(named("outboxAction"));

    QMenu *insert = menuBar()->addMenu(tr("&Insert"));
    insert->addAction(m_attachAction);
    // The address book (issue 22): chosen contacts go to To, Cc or Bcc.
    auto *contacts = new QAction(tr("&Contacts…"), this);
    contacts->setObjectName(QStringLiteral("contactsAction"));
    contacts->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    connect(contacts, &QAction::triggered, this, [this] {
        auto *picker = new ContactPicker(m_addressModel->completions(), this);
        picker->setAttribute(Qt::WA_DeleteOnClose);
        connect(picker, &ContactPicker::chosen, this, [this](ContactPicker::Field field, const QStringList &entries) {
            (field == ContactPicker::Field::To ? m_to : field == ContactPicker::Field::Cc ? m_cc : m_bcc)->appendEntries(entries);
        });
        picker->open();
    });
    insert->addAction(contacts);

    QMenu *format = menuBar()->addMenu(tr("F&ormat"));
    m_richAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X));
    format->addAction(m_richAction);
    format->addSeparator();
    format->addActions(m_formatBar->formatMenuActions());

    QMenu *options = menuBar()->addMenu(tr("O&ptions"));
    options->addAction(named("addAccountAction"));
    options->addAction(named("accountsAction"));
    options->addSeparator();
    options->addMenu(m_spelling->languageMenu());
    options->addAction(m_spelling->asYouTypeAction());
    options->addAction(m_spelling->beforeSendAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Outpost"));
    connect(about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Outpost"),
                           tr("<p><b>Outpost</b> %1</p><p>A mail composer: it gets your message to your provider, now or "
                              "when the network is back, and tells you what happened.</p>")
                               .arg(QCoreApplication::applicationVersion().toHtmlEscaped()));
    });
    // While no format applies (plain text), the format entries are off.
    const auto syncFormat = [this](bool rich) {
        for (QAction *a : m_formatBar->actions())
            a->setEnabled(rich);
    };
    // From the action's state, not the signal's argument: "Remove the
    // formatting?" may have said no and checked it again meanwhile.
    connect(m_richAction, &QAction::toggled, this, [this, syncFormat] { syncFormat(m_richAction->isChecked()); });
    syncFormat(m_richAction->isChecked());
}

void ComposerWindow::createForm()
{
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    m_from = new QComboBox(central);
    m_from->setObjectName(QStringLiteral("from"));
    m_from->setPlaceholderText(tr("No account configured"));
    m_to = new RecipientEdit(central);
    m_to->setObjectName(QStringLiteral("to"));
    m_cc = new RecipientEdit(central);
    m_cc->setObjectName(QStringLiteral("cc"));
    m_bcc = new RecipientEdit(central);
    m_bcc->setObjectName(QStringLiteral("bcc"));
    m_subject = new QLineEdit(central);
    m_subject->setObjectName(QStringLiteral("subject"));
    m_body = new QPlainTextEdit(central);
    m_body->setObjectName(QStringLiteral("body"));

    m_addressModel = new RecipientCompletionModel(this);
    for (RecipientEdit *field : {m_to, m_cc, m_bcc}) {
        field->setPlaceholderText(tr("name@example.org, another@example.org"));
        field->setCompletionModel(m_addressModel);
    }

    m_from->setAccessibleName(tr("From"));
    m_body->setAccessibleName(tr("Message text"));
    m_recipientCount = new QLabel(central);
    m_recipientCount->setObjectName(QStringLiteral("recipientCount"));
    m_recipientCount->hide();
    auto *toRow = new QHBoxLayout;
    toRow->addWidget(m_to, 1);
    toRow->addWidget(m_recipientCount, 0, Qt::AlignTop);
    auto *toLabel = new QLabel(tr("&To:"), central);
    toLabel->setBuddy(m_to);
    form->addRow(tr("Fro&m:"), m_from);
    form->addRow(toLabel, toRow);
    form->addRow(tr("&Cc:"), m_cc);
    form->addRow(tr("&Bcc:"), m_bcc);
    form->addRow(tr("S&ubject:"), m_subject);
    layout->addLayout(form);
    // The text above, the attachments below, with a handle between them:
    // however small the window, the text keeps most of it.
    auto *split = new QSplitter(Qt::Vertical, central);
    split->setObjectName(QStringLiteral("textAttachmentSplitter"));
    split->setChildrenCollapsible(false);
    auto *textPane = new QWidget(split);
    auto *textLayout = new QVBoxLayout(textPane);
    textLayout->setContentsMargins(0, 0, 0, 0);
    m_body->setParent(textPane);
    textLayout->addWidget(m_body, 1);
    m_rich = new InlineImageEditor(textPane);
    m_rich->setObjectName(QStringLiteral("richBody"));
    m_rich->setAccessibleName(tr("Message text (formatted)"));
    m_rich->setAcceptRichText(true);
    m_rich->hide();
    textLayout->addWidget(m_rich, 1);
    connect(m_rich, &InlineImageEditor::problem, this, &ComposerWindow::showStatus);
    connect(m_rich, &InlineImageEditor::imageInserted, this, [this] {
        // Like attachments, pictures can make the message more than the server takes.
        updateAttachmentSummary();
        const auto sender = currentSender();
        if (sender && sender->sizeLimit > 0 && messageSizeOnTheWire() > sender->sizeLimit)
            //: %1 is the server's message size limit ("25 MB")
            showStatus(tr("With its images the message is larger than your server accepts (%1): it will be refused.")
                           .arg(QLocale().formattedDataSize(sender->sizeLimit)));
    });
    connect(m_rich, &QTextEdit::textChanged, this, [this] {
        if (m_rich->isVisible() && m_rich->document()->isModified())
            setModified();
    });
    auto *attachmentPane = new QWidget(split);
    attachmentPane->setObjectName(QStringLiteral("attachmentPane"));
    auto *attachmentLayout = new QVBoxLayout(attachmentPane);
    attachmentLayout->setContentsMargins(0, 0, 0, 0);
    m_attachmentList = new QListWidget(attachmentPane);
    m_attachmentList->setObjectName(QStringLiteral("attachments"));
    m_attachmentList->setAccessibleName(tr("Attachments"));
    m_attachmentList->setToolTip(tr("Press Delete to remove the selected attachment"));
    m_attachmentList->setMinimumHeight(m_attachmentList->fontMetrics().height() * 2);
    m_attachmentList->installEventFilter(this);
    m_attachmentSummary = new QLabel(attachmentPane);
    m_attachmentSummary->setObjectName(QStringLiteral("attachmentSummary"));
    auto *remove = new QPushButton(tr("&Remove"), attachmentPane);
    remove->setObjectName(QStringLiteral("removeAttachment"));
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_attachmentList->currentRow() >= 0)
            removeAttachment(m_attachmentList->currentRow());
    });
    auto *attachmentRow = new QHBoxLayout;
    attachmentRow->addWidget(m_attachmentSummary, 1);
    attachmentRow->addWidget(remove);
    attachmentLayout->addWidget(m_attachmentList, 1);
    attachmentLayout->addLayout(attachmentRow);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);
    attachmentPane->hide();
    m_attachmentList->hide();
    m_attachmentSummary->hide();
    remove->hide();
    connect(m_attachmentList, &QListWidget::currentRowChanged, remove, [remove](int row) { remove->setEnabled(row >= 0); });
    setCentralWidget(central);
    m_to->setFocus(); // a new message starts with its recipient
    // Files dropped on the text go to the attachments, not into the text.
    m_body->viewport()->installEventFilter(this);
    m_rich->viewport()->installEventFilter(this);

    for (QWidget *field : std::initializer_list<QWidget *>{m_to, m_cc, m_bcc, m_subject, m_body, m_rich})
        field->installEventFilter(this);
    connect(m_subject, &QLineEdit::textChanged, this, &ComposerWindow::updateTitle);
    connect(m_subject, &QLineEdit::textEdited, this, &ComposerWindow::setModified);
    for (RecipientEdit *field : {m_to, m_cc, m_bcc}) {
        connect(field, &RecipientEdit::edited, this, &ComposerWindow::setModified);
        connect(field, &QPlainTextEdit::textChanged, this, &ComposerWindow::updateRecipientCount);
        connect(field, &RecipientEdit::lineCountChanged, this, &ComposerWindow::fitRecipientFields);
    }
    connect(m_body, &QPlainTextEdit::textChanged, this, [this] {
        if (m_body->document()->isModified())
            setModified();
    });
    connect(m_from, &QComboBox::currentIndexChanged, this, &ComposerWindow::updateAttachmentSummary);
    connect(m_from, &QComboBox::currentIndexChanged, this, &ComposerWindow::applySignature);
    // Spelling: underlines in both editors, its language per identity.
    m_spelling = new SpellController(this, m_body, m_rich);
    statusBar()->addPermanentWidget(m_spelling->indicator());
    connect(m_spelling, &SpellController::problem, this, &ComposerWindow::showStatus);
    connect(m_from, &QComboBox::currentIndexChanged, this, [this] {
        if (const auto sender = currentSender())
            m_spelling->setIdentity(sender->accountId, sender->identityId);
    });
    // Images get Content-IDs on the sender's domain, never this computer's name.
    connect(m_from, &QComboBox::currentIndexChanged, this, [this] {
        const auto sender = currentSender();
        const auto address = sender ? Core::MailAddress::parse(sender->label) : Core::Result<Core::MailAddress>(Core::MailAddress());
        m_rich->setContentIdDomain(address ? address.value().asciiDomain().toLower() : QString());
    });
    statusBar()->showMessage(tr("Ready"));
}

void ComposerWindow::updateRecipientCount()
{
    // Counted as typed (commas outside quotes), so that a list longer than
    // its field can show still says how many it holds.
    QStringList all;
    for (const RecipientEdit *field : {m_to, m_cc, m_bcc})
        all << field->entries();
    const auto n = static_cast<int>(all.size());
    m_recipientCount->setVisible(n > 1);
    m_recipientCount->setText(tr("%n recipient(s)", nullptr, n));
    m_recipientCount->setToolTip(all.join(u'\n'));
}

void ComposerWindow::updateTitle()
{
    const QString subject = m_subject->text().trimmed();
    //: Window title of the composer; %1 is the message subject
    setWindowTitle(subject.isEmpty() ? tr("New Message — Outpost")
                                     : tr("%1 — Outpost").arg(subject));
}

QString ComposerWindow::to() const { return m_to->text(); }
QString ComposerWindow::cc() const { return m_cc->text(); }
QString ComposerWindow::bcc() const { return m_bcc->text(); }
QString ComposerWindow::subject() const { return m_subject->text(); }
QString ComposerWindow::body() const
{
    return isRichText() ? MessageHtml::plainText(*m_rich->document()) : m_body->toPlainText();
}

namespace {

// Where an image of the text is kept: named by its content, so that saving
// the same picture again is free.
QString imageFileName(const InlineImageEditor::Image &image)
{
    return QString::fromLatin1(QCryptographicHash::hash(image.bytes, QCryptographicHash::Sha256).toHex()) + u'.'
        + image.contentType.section(u'/', 1);
}

} // namespace

QList<Core::InlineImage> ComposerWindow::inlineImages() const
{
    QList<Core::InlineImage> list;
    if (!isRichText())
        return list;
    for (const InlineImageEditor::Image &image : m_rich->images()) {
        if (!m_imageDir)
            m_imageDir = std::make_unique<QTemporaryDir>();
        const QString path = m_imageDir->filePath(imageFileName(image));
        QFile file(path);
        // A file that cannot be written is missing: the send says the image cannot be read.
        if (!file.exists() && file.open(QIODevice::WriteOnly) && file.write(image.bytes) != image.bytes.size())
            file.remove();
        list.append(Core::InlineImage{path, image.contentId, image.contentType, image.fileName});
    }
    return list;
}

QString ComposerWindow::htmlBody() const { return isRichText() ? MessageHtml::html(*m_rich->document()) : QString(); }

bool ComposerWindow::isRichText() const { return m_richAction && m_richAction->isChecked(); }

void ComposerWindow::setRichText(bool rich)
{
    if (m_richAction->isChecked() != rich) {
        m_richAction->setChecked(rich); // comes back here through toggled()
        return;
    }
    if (!rich && MessageHtml::hasFormatting(*m_rich->document()) && isVisible()) {
        QMessageBox box(QMessageBox::Question, tr("Remove the formatting?"),
                        tr("Plain text keeps the words; bold, italics, lists, links and colours are removed. "
                           "Turning rich text on again brings them back as long as the text has not changed."),
                        QMessageBox::NoButton, this);
        box.setObjectName(QStringLiteral("removeFormattingBox"));
        QPushButton *remove = box.addButton(tr("&Remove Formatting"), QMessageBox::DestructiveRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        if (box.clickedButton() != remove) {
            const QSignalBlocker quiet(m_richAction);
            m_richAction->setChecked(true);
            return;
        }
    }
    const QSignalBlocker quietPlain(m_body);
    const QSignalBlocker quietRich(m_rich);
    if (rich) {
        // The plain signature, as it was put there, becomes the formatted one.
        const QString plain = m_body->toPlainText();
        const bool signature = !m_signatureBlock.isEmpty() && plain.endsWith(m_signatureBlock);
        // The formatting comes back while the words are those it was removed from.
        if (!m_formattedHtml.isEmpty() && plain == m_plainAtSwitch)
            m_rich->setHtml(m_formattedHtml);
        else
            m_rich->setPlainText(signature ? plain.chopped(m_signatureBlock.size()) : plain);
        m_formattedHtml.clear();
        m_richSignature.clear();
        if (signature) {
            m_signatureBlock.clear();
            applyRichSignature();
        }
        m_body->hide();
        m_rich->show();
        m_rich->setFocus();
    } else {
        // The formatted signature, as it was put there, becomes the plain one.
        const bool signature = removeRichSignature();
        m_formattedHtml = MessageHtml::hasFormatting(*m_rich->document()) ? m_rich->toHtml() : QString();
        m_body->setPlainText(MessageHtml::plainText(*m_rich->document()));
        if (signature) {
            m_signatureBlock.clear();
            applySignature();
        }
        m_plainAtSwitch = m_body->toPlainText();
        m_rich->hide();
        m_body->show();
        m_body->setFocus();
    }
    m_formatBar->setVisible(rich);
    setModified();
}

void ComposerWindow::setTo(const QString &to) { m_to->setText(to); }
void ComposerWindow::setCc(const QString &cc) { m_cc->setText(cc); }
void ComposerWindow::setBcc(const QString &bcc) { m_bcc->setText(bcc); }
void ComposerWindow::setSubject(const QString &subject) { m_subject->setText(subject); }
void ComposerWindow::setBody(const QString &body)
{
    // Filled in, not typed: does not count as a change of the person's.
    const QSignalBlocker quiet(m_body);
    m_body->setPlainText(body);
}

void ComposerWindow::setSenders(const QList<Sender> &senders, qsizetype defaultIndex)
{
    m_senders = senders;
    m_from->clear();
    for (const Sender &s : senders)
        m_from->addItem(s.label);
    if (!senders.isEmpty())
        m_from->setCurrentIndex(static_cast<int>(std::clamp<qsizetype>(defaultIndex, 0, senders.size() - 1)));
    applySignature();
}

std::optional<ComposerWindow::Sender> ComposerWindow::currentSender() const
{
    const int i = m_from->currentIndex();
    if (i < 0 || i >= m_senders.size())
        return std::nullopt;
    return m_senders.at(i);
}

void ComposerWindow::selectSender(const QString &accountId, const QString &identityId)
{
    for (qsizetype i = 0; i < m_senders.size(); ++i) {
        if (m_senders.at(i).accountId == accountId && m_senders.at(i).identityId == identityId)
            m_from->setCurrentIndex(static_cast<int>(i));
    }
}

void ComposerWindow::showFieldError(const QString &field, const QString &message)
{
    QWidget *target = field == QLatin1String("cc")        ? static_cast<QWidget *>(m_cc)
        : field == QLatin1String("bcc")                   ? static_cast<QWidget *>(m_bcc)
        : field == QLatin1String("subject")               ? static_cast<QWidget *>(m_subject)
        : field == QLatin1String("from")                  ? static_cast<QWidget *>(m_from)
        : field == QLatin1String("to") || field.isEmpty() ? static_cast<QWidget *>(m_to)
                                                          : static_cast<QWidget *>(m_body);
    target->setFocus(Qt::OtherFocusReason);
    if (auto *edit = qobject_cast<QLineEdit *>(target))
        edit->selectAll();
    else if (auto *list = qobject_cast<RecipientEdit *>(target))
        list->selectAll();
    showStatus(message);
}

void ComposerWindow::showStatus(const QString &message)
{
    statusBar()->showMessage(message);
}

void ComposerWindow::setDraft(const Core::Draft &draft)
{
    const auto join = [](const QList<Core::MailAddress> &list) {
        QStringList parts;
        for (const Core::MailAddress &m : list)
            parts << m.toDisplayString();
        return parts.join(QStringLiteral(", "));
    };
    setTo(join(draft.to));
    setCc(join(draft.cc));
    setBcc(join(draft.bcc));
    setSubject(draft.subject);
    setBody(draft.textBody);
    adoptSignature();
    if (!draft.htmlBody.isEmpty()) {
        QList<InlineImageEditor::Image> images;
        QStringList lost;
        for (const Core::InlineImage &i : draft.inlineImages) {
            QFile file(i.path);
            if (file.size() <= 64 * 1024 * 1024 && file.open(QIODevice::ReadOnly))
                images.append({i.contentId, i.fileName, i.contentType, file.readAll()});
            else
                lost << i.fileName;
        }
        m_rich->addImages(images);
        setRichText(true);
        const QSignalBlocker quiet(m_rich);
        m_rich->setHtml(draft.htmlBody);
        m_rich->dropUnknownImages();
        // Never silently: the person sees which pictures became their names.
        if (!lost.isEmpty())
            showStatus(tr("%n image(s) could not be recovered and appear as their names in the text: %1", nullptr,
                          static_cast<int>(lost.size()))
                           .arg(lost.join(QStringLiteral(", "))));
    }
    QStringList paths;
    for (const Core::Attachment &a : draft.attachments)
        paths << a.path;
    if (!paths.isEmpty()) {
        const bool wasModified = m_modified;
        addAttachments(paths);
        m_modified = wasModified;
        m_savedSinceChange = !wasModified;
    }
}

void ComposerWindow::setModified()
{
    m_modified = true;
    m_savedSinceChange = false;
    if (m_drafts && !m_autosave.isActive())
        m_autosave.start();
}

void ComposerWindow::setDraftStore(Core::DraftStore *store, const QString &draftId)
{
    m_drafts = store;
    m_draftId = draftId.isEmpty() ? Core::DraftStore::newId() : draftId;
    if (m_modified && m_drafts)
        m_autosave.start();
}

void ComposerWindow::saveDraft()
{
    if (!m_drafts || m_sent || m_savedSinceChange) {
        m_autosave.stop();
        return;
    }
    if (isRichText()) {
        for (const InlineImageEditor::Image &image : m_rich->images()) {
            if (auto r = m_drafts->saveFile(m_draftId, imageFileName(image), image.bytes); !r) {
                showStatus(r.error().message());
                return; // tried again at the next tick
            }
        }
    }
    if (auto r = m_drafts->save(m_draftId, state()); !r) {
        showStatus(r.error().message());
        return; // tried again at the next tick
    }
    m_savedSinceChange = true;
    m_autosave.stop();
}

void ComposerWindow::markSent()
{
    m_sent = true;
    m_modified = false;
    m_explicitSave = {};
    m_autosave.stop();
    if (m_drafts)
        m_drafts->remove(m_draftId);
}

void ComposerWindow::setSendState(SendState state, const QString &reason)
{
    const SendState from = m_sendState;
    const bool allowed = (from == SendState::Editing && state == SendState::Queuing)
        || (from == SendState::Queuing && (state == SendState::Editing || state == SendState::Queued))
        || (from == SendState::Queued && (state == SendState::Editing || state == SendState::Done));
    if (!allowed)
        return;
    m_sendState = state;
    switch (state) {
    case SendState::Editing:
        m_sent = false;
        enableEditing(true);
        if (!reason.isEmpty())
            showStatus(reason);
        if (from == SendState::Queued) {
            show();
            raise();
            activateWindow();
        }
        break;
    case SendState::Queuing:
        enableEditing(false);
        showStatus(tr("Queuing the message…"));
        break;
    case SendState::Queued:
        markSent();
        enableEditing(true); // ready, should Undo bring it back
        showStatus(tr("Ready"));
        hide();
        break;
    case SendState::Done:
        close();
        break;
    }
}

void ComposerWindow::enableEditing(bool on)
{
    // While the message is written to the outbox, nothing may change it or
    // send it a second time.
    for (QAction *a : {m_sendAction, m_sendLaterAction, m_attachAction})
        a->setEnabled(on);
    for (QWidget *w : std::initializer_list<QWidget *>{m_from, m_to, m_cc, m_bcc, m_subject, m_body, m_rich, m_attachmentList})
        w->setEnabled(on);
}

QJsonObject ComposerWindow::state() const
{
    const auto sender = currentSender();
    return QJsonObject{{QStringLiteral("account"), sender ? sender->accountId : QString()},
                       {QStringLiteral("identity"), sender ? sender->identityId : QString()},
                       {QStringLiteral("to"), to()},
                       {QStringLiteral("cc"), cc()},
                       {QStringLiteral("bcc"), bcc()},
                       {QStringLiteral("subject"), subject()},
                       {QStringLiteral("body"), body()},
                       {QStringLiteral("html"), htmlBody()},
                       {QStringLiteral("attachments"), QJsonArray::fromStringList(m_attachmentPaths)},
                       {QStringLiteral("images"), imageState()},
                       {QStringLiteral("savedByHand"), m_savedByHand}};
}

QJsonArray ComposerWindow::imageState() const
{
    // The pictures themselves are files beside the draft (saveDraft()).
    QJsonArray images;
    if (!isRichText())
        return images;
    for (const InlineImageEditor::Image &image : m_rich->images())
        images.append(QJsonObject{{QStringLiteral("contentId"), image.contentId},
                                  {QStringLiteral("fileName"), image.fileName},
                                  {QStringLiteral("contentType"), image.contentType},
                                  {QStringLiteral("file"), imageFileName(image)}});
    return images;
}

void ComposerWindow::restoreImages(const QJsonObject &state)
{
    QList<InlineImageEditor::Image> images;
    for (const QJsonValue &v : state.value(QStringLiteral("images")).toArray()) {
        const QByteArray bytes = m_drafts ? m_drafts->readFile(m_draftId, v[QStringLiteral("file")].toString()) : QByteArray();
        if (bytes.isEmpty())
            continue;
        images.append({v[QStringLiteral("contentId")].toString(), v[QStringLiteral("fileName")].toString(),
                       v[QStringLiteral("contentType")].toString(), bytes});
    }
    m_rich->addImages(images);
}

void ComposerWindow::restoreState(const QJsonObject &state)
{
    selectSender(state.value(QStringLiteral("account")).toString(), state.value(QStringLiteral("identity")).toString());
    setTo(state.value(QStringLiteral("to")).toString());
    setCc(state.value(QStringLiteral("cc")).toString());
    setBcc(state.value(QStringLiteral("bcc")).toString());
    setSubject(state.value(QStringLiteral("subject")).toString());
    setBody(state.value(QStringLiteral("body")).toString());
    adoptSignature();
    restoreImages(state);
    if (const QString html = state.value(QStringLiteral("html")).toString(); !html.isEmpty()) {
        setRichText(true);
        const QSignalBlocker quiet(m_rich);
        m_rich->setHtml(html);
        m_rich->dropUnknownImages();
    }
    QStringList paths;
    for (const QJsonValue &v : state.value(QStringLiteral("attachments")).toArray())
        paths << v.toString();
    m_attachmentPaths.clear();
    m_attachmentList->clear();
    addAttachments(paths);
    m_modified = true; // restored, not yet sent: closing asks
    m_savedSinceChange = true;
    // A draft the person saved by hand stays when later changes are discarded.
    m_savedByHand = state.value(QStringLiteral("savedByHand")).toBool();
    if (m_savedByHand)
        m_explicitSave = this->state();
}

QStringList ComposerWindow::localFiles(const QMimeData *data)
{
    QStringList files;
    if (!data || !data->hasUrls())
        return files;
    for (const QUrl &url : data->urls()) {
        if (url.isLocalFile())
            files << url.toLocalFile();
    }
    return files;
}

qsizetype ComposerWindow::addAttachments(const QStringList &paths)
{
    qsizetype added = 0;
    QStringList refused;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.isFile() || !info.isReadable()) {
            refused << info.fileName();
            continue;
        }
        const QString absolute = info.absoluteFilePath();
        if (m_attachmentPaths.contains(absolute))
            continue;
        m_attachmentPaths << absolute;
        //: An attachment in the list: %1 is the file name, %2 its size ("1.2 MB")
        auto *item = new QListWidgetItem(loadIcon(QStringLiteral("mail-attachment")),
                                         tr("%1 (%2)").arg(info.fileName(), QLocale().formattedDataSize(info.size())));
        item->setToolTip(absolute);
        m_attachmentList->addItem(item);
        ++added;
    }
    if (!refused.isEmpty())
        //: %1 lists file names
        showStatus(tr("Not attached (not a readable file): %1").arg(refused.join(QStringLiteral(", "))));
    if (added > 0)
        setModified();
    updateAttachmentSummary();
    return added;
}

void ComposerWindow::removeAttachment(qsizetype index)
{
    if (index < 0 || index >= m_attachmentPaths.size())
        return;
    m_attachmentPaths.removeAt(index);
    delete m_attachmentList->takeItem(static_cast<int>(index));
    setModified();
    updateAttachmentSummary();
}

qint64 ComposerWindow::messageSizeOnTheWire() const
{
    qint64 total = 0;
    for (const QString &path : std::as_const(m_attachmentPaths))
        total += QFileInfo(path).size();
    if (isRichText()) {
        for (const InlineImageEditor::Image &image : m_rich->images())
            total += image.bytes.size();
    }
    // Base64 makes attachments and images a third larger on the way (RFC 2045).
    return total / 3 * 4 + body().toUtf8().size() + 4096;
}

void ComposerWindow::updateAttachmentSummary()
{
    const bool any = !m_attachmentPaths.isEmpty();
    if (auto *pane = findChild<QWidget *>(QStringLiteral("attachmentPane")))
        pane->setVisible(any);
    m_attachmentList->setVisible(any);
    m_attachmentSummary->setVisible(any);
    if (auto *remove = findChild<QPushButton *>(QStringLiteral("removeAttachment")))
        remove->setVisible(any);
    if (!any)
        return;
    qint64 total = 0;
    for (const QString &path : std::as_const(m_attachmentPaths))
        total += QFileInfo(path).size();
    const qint64 onTheWire = messageSizeOnTheWire();
    const auto sender = currentSender();
    QString text = tr("%n attachment(s), %1 in total", nullptr, static_cast<int>(m_attachmentPaths.size()))
                       .arg(QLocale().formattedDataSize(total));
    if (sender && sender->sizeLimit > 0 && onTheWire > sender->sizeLimit) {
        //: %1 is the server's message size limit ("25 MB")
        text += QStringLiteral(" — ") + tr("larger than your server accepts (%1): it will be refused").arg(QLocale().formattedDataSize(sender->sizeLimit));
        m_attachmentSummary->setStyleSheet(QStringLiteral("color: palette(highlighted-text); background: #b3261e; padding: 2px 4px;"));
    } else {
        m_attachmentSummary->setStyleSheet(QString());
    }
    m_attachmentSummary->setText(text);
}

void ComposerWindow::chooseAttachments()
{
    auto *dialog = new QFileDialog(this, tr("Attach Files"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFiles);
    connect(dialog, &QFileDialog::filesSelected, this, [this](const QStringList &files) { addAttachments(files); });
    dialog->open();
}

bool ComposerWindow::mentionsAttachment() const
{
    //: Words that mean "I attached something", separated by |, matched at the
    //: start of words in the message text (not in quoted lines). Add your
    //: language's words; keep the English ones.
    const QString words = tr("attach|attached|attachment|attaching|enclosed");
    QStringList alternatives = words.split(u'|', Qt::SkipEmptyParts);
    if (words != QLatin1String("attach|attached|attachment|attaching|enclosed"))
        alternatives << QStringLiteral("attach") << QStringLiteral("enclosed");
    for (QString &w : alternatives)
        w = QRegularExpression::escape(w.trimmed());
    const QRegularExpression re(QStringLiteral("\\b(") + alternatives.join(u'|') + QStringLiteral(")"),
                                QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    const QStringList lines = body().split(u'\n');
    for (const QString &line : lines) {
        if (line.trimmed().startsWith(u'>'))
            continue; // a quote of someone else's message
        if (re.match(line).hasMatch())
            return true;
    }
    return re.match(subject()).hasMatch();
}

void ComposerWindow::requestSend()
{
    if (m_subject->text().trimmed().isEmpty() && !std::exchange(m_noSubjectConfirmed, false)) {
        auto *box = new QMessageBox(QMessageBox::Question, tr("Send without a subject?"),
                                    tr("The message has no subject. Recipients may overlook it or take it for spam."),
                                    QMessageBox::NoButton, this);
        box->setObjectName(QStringLiteral("noSubjectBox"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        QPushButton *add = box->addButton(tr("&Add a Subject"), QMessageBox::AcceptRole);
        QPushButton *send = box->addButton(tr("&Send Anyway"), QMessageBox::DestructiveRole);
        send->setObjectName(QStringLiteral("sendWithoutSubjectButton"));
        box->setDefaultButton(add);
        connect(box, &QMessageBox::buttonClicked, this, [this, send](QAbstractButton *clicked) {
            if (clicked == send) {
                m_noSubjectConfirmed = true;
                requestSend();
                return;
            }
            m_sendAt = QDateTime();
            m_subject->setFocus(Qt::OtherFocusReason);
        });
        box->open();
        return;
    }
    if (!std::exchange(m_spellingConfirmed, false)) {
        if (const QStringList words = m_spelling->wordsToReview(isRichText()); !words.isEmpty()) {
            auto *box = new QMessageBox(QMessageBox::Question, tr("Send with spelling mistakes?"),
                                        //: %1 lists the first few words
                                        tr("%n word(s) may be misspelled: %1", nullptr, static_cast<int>(words.size()))
                                            .arg(QStringList(words.mid(0, 8)).join(QStringLiteral(", "))),
                                        QMessageBox::NoButton, this);
            box->setObjectName(QStringLiteral("spellingBox"));
            box->setAttribute(Qt::WA_DeleteOnClose);
            QPushButton *fix = box->addButton(tr("&Review"), QMessageBox::AcceptRole);
            QPushButton *send = box->addButton(tr("&Send Anyway"), QMessageBox::DestructiveRole);
            send->setObjectName(QStringLiteral("sendDespiteSpellingButton"));
            box->setDefaultButton(fix);
            connect(box, &QMessageBox::buttonClicked, this, [this, send](QAbstractButton *clicked) {
                if (clicked == send) {
                    m_spellingConfirmed = true;
                    requestSend();
                    return;
                }
                m_sendAt = QDateTime();
                m_spelling->review(isRichText());
            });
            box->open();
            return;
        }
    }
    const auto go = [this] {
        const QDateTime at = std::exchange(m_sendAt, QDateTime());
        if (at.isValid())
            Q_EMIT sendLaterRequested(at);
        else
            Q_EMIT sendRequested();
    };
    if (!m_attachmentPaths.isEmpty() || !mentionsAttachment()) {
        go();
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Question, tr("Send without an attachment?"),
                                tr("The message mentions an attachment, but nothing is attached."), QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("forgottenAttachmentBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *attach = box->addButton(tr("&Attach Files…"), QMessageBox::AcceptRole);
    attach->setObjectName(QStringLiteral("attachFilesButton"));
    QPushButton *send = box->addButton(tr("&Send Anyway"), QMessageBox::DestructiveRole);
    send->setObjectName(QStringLiteral("sendAnywayButton"));
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(attach);
    connect(box, &QMessageBox::buttonClicked, this, [this, attach, send, go](QAbstractButton *clicked) {
        if (clicked == send) {
            go();
            return;
        }
        m_sendAt = QDateTime();
        if (clicked == attach)
            chooseAttachments();
    });
    box->open();
}

void ComposerWindow::closeEvent(QCloseEvent *event)
{
    if (m_sendState == SendState::Queuing) {
        event->ignore(); // it goes away by itself once the message is queued
        return;
    }
    if (m_sendState != SendState::Editing || !m_modified || m_sent) {
        m_sendState = SendState::Done;
        event->accept();
        return;
    }
    QMessageBox box(QMessageBox::Question, tr("Keep this message?"),
                    m_explicitSave.isEmpty()
                        ? tr("The message has not been sent. Save it as a draft, to be offered again when Outpost starts?")
                        : tr("The message has changed since you saved it. Save the changes to the draft?"),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("closeBox"));
    box.setDefaultButton(QMessageBox::Save);
    const int choice = box.exec();
    if (choice == QMessageBox::Cancel) {
        event->ignore();
        return;
    }
    if (choice == QMessageBox::Save) {
        m_savedSinceChange = false;
        saveDraft();
        if (!m_savedSinceChange) {
            event->ignore(); // not saved (the reason is in the status bar): the text stays here
            return;
        }
    } else if (m_drafts && !m_explicitSave.isEmpty()) {
        // Discard drops the changes, not what was saved by hand.
        if (auto r = m_drafts->save(m_draftId, m_explicitSave); !r) {
            showStatus(r.error().message());
            event->ignore();
            return;
        }
    } else if (m_drafts) {
        m_drafts->remove(m_draftId);
    }
    m_autosave.stop();
    m_sent = true; // nothing more to ask
    m_sendState = SendState::Done;
    event->accept();
}

void ComposerWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!localFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void ComposerWindow::dropEvent(QDropEvent *event)
{
    const QStringList files = localFiles(event->mimeData());
    if (files.isEmpty())
        return;
    addAttachments(files);
    event->acceptProposedAction();
}

bool ComposerWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress && watched != m_attachmentList) {
        // Alt with a letter is a command (a menu, a field's label); one that
        // names nothing does nothing — it never types the letter.
        // Not on macOS, where Option with a key types characters such as @.
#ifndef Q_OS_MACOS
        const auto *key = static_cast<QKeyEvent *>(event);
        const Qt::KeyboardModifiers mods = key->modifiers() & ~(Qt::ShiftModifier | Qt::KeypadModifier);
        if (mods == Qt::AltModifier && key->key() >= Qt::Key_A && key->key() <= Qt::Key_Z)
            return true;
#endif
    }
    if (watched == m_rich->viewport()
        && (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove || event->type() == QEvent::Drop)
        && InlineImageEditor::holdsImage(static_cast<QDropEvent *>(event)->mimeData())) {
        // Pictures dropped on the formatted text go into it, where they fall.
        return QMainWindow::eventFilter(watched, event);
    }
    if (watched == m_body->viewport() || watched == m_rich->viewport()) {
        if (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove) {
            auto *e = static_cast<QDragMoveEvent *>(event);
            if (!localFiles(e->mimeData()).isEmpty()) {
                e->acceptProposedAction();
                return true;
            }
        } else if (event->type() == QEvent::Drop) {
            auto *e = static_cast<QDropEvent *>(event);
            const QStringList files = localFiles(e->mimeData());
            if (!files.isEmpty()) {
                addAttachments(files);
                e->acceptProposedAction();
                return true;
            }
        }
    } else if (watched == m_attachmentList && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace) && m_attachmentList->currentRow() >= 0) {
            removeAttachment(m_attachmentList->currentRow());
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void ComposerWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    fitRecipientFields();
}

void ComposerWindow::fitRecipientFields()
{
    // To, Cc and Bcc share a third of the window's height (three lines at
    // least; thirty addresses in the usual size): each shows all its lines
    // while they fit, a longer list scrolls within what the shorter ones
    // leave. The rest of the window is the text's.
    const int line = std::max(m_to->fontMetrics().lineSpacing(), 1);
    int left = std::max(3, height() / 3 / line);
    std::array<RecipientEdit *, 3> fields{m_to, m_cc, m_bcc};
    std::stable_sort(fields.begin(), fields.end(),
                     [](const RecipientEdit *a, const RecipientEdit *b) { return a->lineCount() < b->lineCount(); });
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const int share = std::max(1, left / static_cast<int>(fields.size() - i));
        fields[i]->setMaximumLines(share);
        left -= std::min(fields[i]->lineCount(), share);
    }
}

namespace {

// Marks the paragraphs of a signature in the formatted text, so that a new
// sender's can take their place while the person has not changed them.
constexpr int kSignatureProperty = QTextFormat::UserProperty + 22;

} // namespace

QString ComposerWindow::plainSignature() const
{
    const auto sender = currentSender();
    if (!sender)
        return {};
    if (!sender->signature.trimmed().isEmpty() || sender->htmlSignature.isEmpty())
        return sender->signature.trimmed();
    // Only a formatted one: its plain text, as the plain part would say it.
    QTextDocument doc;
    doc.setHtml(HtmlSanitizer::sanitize(sender->htmlSignature));
    return MessageHtml::plainText(doc).trimmed();
}

QString ComposerWindow::richSignatureText() const
{
    QStringList lines;
    for (QTextBlock b = m_rich->document()->begin(); b.isValid(); b = b.next()) {
        if (b.blockFormat().boolProperty(kSignatureProperty))
            lines << b.text();
    }
    return lines.join(u'\n');
}

bool ComposerWindow::removeRichSignature()
{
    // Only the one this window put there, as it put it there.
    if (m_richSignature.isEmpty() || richSignatureText() != m_richSignature)
        return false;
    QTextBlock first = m_rich->document()->begin();
    while (first.isValid() && !first.blockFormat().boolProperty(kSignatureProperty))
        first = first.next();
    if (!first.isValid())
        return false;
    QTextCursor c(m_rich->document());
    c.setPosition(first.position());
    c.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
    c.removeSelectedText();
    c.deletePreviousChar(); // the paragraph break before it
    m_richSignature.clear();
    return true;
}

void ComposerWindow::applyRichSignature()
{
    // In formatted text the identity's formatted signature, below "-- "; a
    // new sender's replaces it while it is as it was put there.
    const bool wasModified = m_rich->document()->isModified();
    const QSignalBlocker quiet(m_rich);
    if (!m_richSignature.isEmpty() && !removeRichSignature())
        return; // the person edited the signature: leave it alone
    const auto sender = currentSender();
    const QString plain = plainSignature();
    if (!sender || plain.isEmpty())
        return;
    const int keep = m_rich->textCursor().position();
    QTextCursor c(m_rich->document());
    c.movePosition(QTextCursor::End);
    const int start = c.position();
    QTextBlockFormat mark;
    mark.setProperty(kSignatureProperty, true);
    c.insertBlock(mark, QTextCharFormat());
    c.insertBlock(mark, QTextCharFormat());
    c.insertText(QStringLiteral("-- "));
    c.insertBlock(mark, QTextCharFormat());
    if (!sender->htmlSignature.isEmpty())
        c.insertFragment(QTextDocumentFragment::fromHtml(HtmlSanitizer::sanitize(sender->htmlSignature)));
    else
        c.insertText(plain);
    for (QTextBlock b = m_rich->document()->findBlock(start).next(); b.isValid(); b = b.next()) {
        QTextCursor(b).mergeBlockFormat(mark);
        // Qt reads the line break after a paragraph of HTML as a space at
        // its end: never part of a signature.
        const QString text = b.text();
        qsizetype trailing = 0;
        while (trailing < text.size() && text.at(text.size() - 1 - trailing) == u' ')
            ++trailing;
        if (trailing > 0 && text != QLatin1String("-- ")) {
            QTextCursor spaces(b);
            spaces.setPosition(b.position() + static_cast<int>(text.size() - trailing));
            spaces.setPosition(b.position() + static_cast<int>(text.size()), QTextCursor::KeepAnchor);
            spaces.removeSelectedText();
        }
    }
    m_richSignature = richSignatureText();
    QTextCursor back(m_rich->document());
    back.setPosition(std::min(keep, start));
    m_rich->setTextCursor(back);
    m_rich->document()->setModified(wasModified);
}

void ComposerWindow::adoptSignature()
{
    // Text that already ends with the signature (an undone or restored
    // message) keeps it once; other text gets it appended.
    const QString signature = plainSignature();
    const QString block = signature.isEmpty() ? QString() : QStringLiteral("\n\n-- \n") + signature;
    m_signatureBlock = !block.isEmpty() && body().endsWith(block) ? block : QString();
    applySignature();
}

void ComposerWindow::applySignature()
{
    // The signature of the chosen identity, below the RFC 3676 separator;
    // changing the sender swaps it, whatever was typed above stays.
    if (isRichText()) {
        applyRichSignature();
        return;
    }
    const QString signature = plainSignature();
    const QString block = signature.isEmpty() ? QString() : QStringLiteral("\n\n-- \n") + signature;
    if (block == m_signatureBlock)
        return;
    QString text = body();
    if (!m_signatureBlock.isEmpty() && text.endsWith(m_signatureBlock))
        text.chop(m_signatureBlock.size());
    else if (!m_signatureBlock.isEmpty())
        return; // the person edited the signature: leave it alone
    const QSignalBlocker quiet(m_body);
    m_body->setPlainText(text + block);
    m_signatureBlock = block;
    QTextCursor start = m_body->textCursor();
    start.setPosition(static_cast<int>(text.size()));
    m_body->setTextCursor(start);
}

void ComposerWindow::setAddressCompletions(const QStringList &addresses)
{
    m_addressModel->setAddresses(addresses);
}

void ComposerWindow::setRecipientCompletions(const QList<Core::RecipientCompletion> &completions)
{
    m_addressModel->setCompletions(completions);
}

void ComposerWindow::chooseSendTime()
{
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("sendLaterDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Send Later"));
    auto *when = new QDateTimeEdit(dialog);
    when->setObjectName(QStringLiteral("sendTime"));
    when->setCalendarPopup(true);
    // Default: tomorrow at 08:00, a common "first thing in the morning". No
    // minimum: while a time later today is typed, the field may pass through
    // earlier ones; the check is made on "Queue".
    when->setDateTime(QDateTime(QDate::currentDate().addDays(1), QTime(8, 0)));
    auto *problem = new QLabel(dialog);
    problem->setObjectName(QStringLiteral("sendTimeProblem"));
    problem->setWordWrap(true);
    problem->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Queue"));
    auto *form = new QFormLayout(dialog);
    form->addRow(tr("Send &at:"), when);
    form->addRow(problem);
    form->addRow(buttons);
    // Wide enough for its title in the window frame, and for the field.
    dialog->setMinimumWidth(std::max(dialog->sizeHint().width(), dialog->fontMetrics().averageCharWidth() * 56));
    connect(when, &QDateTimeEdit::dateTimeChanged, problem, &QWidget::hide);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, dialog, [this, dialog, when, problem] {
        if (when->dateTime() <= QDateTime::currentDateTime()) {
            problem->setText(tr("That time has passed. Choose a time in the future."));
            problem->show();
            when->setFocus(Qt::OtherFocusReason);
            return;
        }
        m_sendAt = when->dateTime().toUTC();
        dialog->accept();
        requestSend();
    });
    dialog->open();
}

} // namespace Gui
