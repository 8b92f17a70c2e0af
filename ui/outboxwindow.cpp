// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/outboxwindow.h"

#include "ui/certificatedialog.h"
#include "ui/iconloader.h"
#include "ui/outboxmodel.h"

#include "core/accounts/truststore.h"
#include "core/outbox/outbox.h"
#include "core/outbox/sentcopystore.h"
#include "core/version.h"

#include <QAction>
#include <QComboBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QThread>
#include <QToolBar>

#include <algorithm>

namespace Gui {

OutboxWindow::OutboxWindow(Core::Outbox *outbox, QWidget *parent)
    : QMainWindow(parent)
    , m_outbox(outbox)
    , m_model(new OutboxModel(outbox, this))
    , m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("OutboxWindow"));
    setWindowTitle(tr("Outbox — Outpost"));
    m_view->setObjectName(QStringLiteral("outboxView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Several messages held for one reason are retried or deleted together.
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    QHeaderView *header = m_view->horizontalHeader();
    header->setStretchLastSection(true);
    // Columns sized to what is on screen, not to the first 1,000 rows at
    // every change (a pass moves rows many times a second).
    header->setResizeContentsPrecision(0);
    header->setSectionResizeMode(OutboxModel::StateColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(OutboxModel::SizeColumn, QHeaderView::ResizeToContents);
    header->resizeSection(OutboxModel::RecipientsColumn, 220);
    header->resizeSection(OutboxModel::SubjectColumn, 240);
    m_view->verticalHeader()->hide();
    m_view->setWordWrap(false);
    setCentralWidget(m_view);

    QToolBar *bar = addToolBar(tr("Outbox"));
    bar->setObjectName(QStringLiteral("outboxToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_sendNow = bar->addAction(loadIcon(QStringLiteral("mail-send")), tr("Send &Now"), this, &OutboxWindow::sendNowRequested);
    m_retry = bar->addAction(tr("&Retry"), this, [this] { act(QStringLiteral("retry")); });
    m_markSent = bar->addAction(tr("&Mark as Sent"), this, [this] { act(QStringLiteral("mark-sent")); });
    m_sendAgain = bar->addAction(tr("Send &Again"), this, [this] { act(QStringLiteral("send-again")); });
    m_edit = bar->addAction(tr("&Edit"), this, [this] {
        const QModelIndexList rows = m_view->selectionModel()->selectedRows();
        if (!rows.isEmpty())
            Q_EMIT editRequested(m_model->entry(rows.first().row()).id);
    });
    m_edit->setObjectName(QStringLiteral("editAction"));
    m_edit->setToolTip(tr("Take the message out of the outbox and open it in a composer"));
    m_remove = bar->addAction(tr("&Delete"), this, [this] { act(QStringLiteral("remove")); });
    m_retry->setObjectName(QStringLiteral("retryAction"));
    m_markSent->setObjectName(QStringLiteral("markSentAction"));
    m_sendAgain->setObjectName(QStringLiteral("sendAgainAction"));
    m_remove->setObjectName(QStringLiteral("removeAction"));
    // Held because the sign-in is dead: the browser sign-in releases them.
    m_signInAgain = bar->addAction(tr("S&ign In Again"), this, [this] {
        const QModelIndexList rows = m_view->selectionModel()->selectedRows();
        if (!rows.isEmpty())
            Q_EMIT signInAgainRequested(m_model->entry(rows.first().row()).accountId);
    });
    m_signInAgain->setObjectName(QStringLiteral("signInAgainAction"));
    m_signInAgain->setToolTip(tr("Sign in with the provider in your browser; the messages waiting for it go out"));
    m_sendAgain->setToolTip(tr("Send this message again; its recipients may get it twice."));
    // The copy in the Sent folder of a sent message whose copy failed: its
    // text says when it also creates the folder (the person's consent).
    m_retryCopy = bar->addAction(tr("Retry &Copy"), this, qOverload<>(&OutboxWindow::retryCopies));
    m_retryCopy->setObjectName(QStringLiteral("retryCopyAction"));
    m_retryCopy->setToolTip(tr("File the copy of the sent message in the Sent folder again; the message is not sent again."));
    auto *close = new QAction(tr("&Close"), this);
    close->setShortcuts({QKeySequence::Close, QKeySequence(Qt::Key_Escape)});
    connect(close, &QAction::triggered, this, &QWidget::close);
    addAction(close);

    // Retention (docs/design/OUTBOX.md): how long the contents of sent
    // messages stay; the record that they were sent is kept.
    bar->addSeparator();
    auto *keepLabel = new QLabel(tr("&Keep sent messages:"), bar);
    m_keepSent = new QComboBox(bar);
    m_keepSent->setObjectName(QStringLiteral("keepSentBodies"));
    m_keepSent->setToolTip(tr("After this time the text and attachments of sent messages are deleted; "
                              "the record that they were sent stays."));
    keepLabel->setBuddy(m_keepSent);
    for (const int days : {7, 30, 90, 365})
        m_keepSent->addItem(tr("%n day(s)", nullptr, days), days);
    m_keepSent->addItem(tr("For ever"), 0);
    const int keep = Core::Outbox::keepSentBodiesDays(Core::settingsFile());
    if (const int i = m_keepSent->findData(keep); i >= 0) {
        m_keepSent->setCurrentIndex(i);
    } else { // (set by hand in the settings file)
        m_keepSent->addItem(tr("%n day(s)", nullptr, keep), keep);
        m_keepSent->setCurrentIndex(m_keepSent->count() - 1);
    }
    connect(m_keepSent, &QComboBox::activated, this, [this] {
        QSettings(Core::settingsFile(), QSettings::IniFormat)
            .setValue(QLatin1String(Core::Outbox::kKeepSentBodiesKey), m_keepSent->currentData().toInt());
    });
    bar->addWidget(keepLabel);
    bar->addWidget(m_keepSent);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &OutboxWindow::updateActions);
    // Rows come and go one by one (never a reset): the actions and the
    // summary follow each change.
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, signal, this, &OutboxWindow::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &OutboxWindow::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &OutboxWindow::updateActions);
    updateActions();
    resize(1000, 420);
    loadSentCopies();
}

void OutboxWindow::setSentCopy(const QString &id, const Core::SentCopyStatus &status)
{
    m_model->setSentCopy(id, status);
}

void OutboxWindow::loadSentCopies()
{
    // One small file per sent message: read off this thread.
    const QString root = m_outbox->root();
    auto found = std::make_shared<QList<QPair<QString, Core::SentCopyStatus>>>();
    QThread *thread = QThread::create([root, found] {
        const Core::SentCopyStore store(root);
        QSet<QString> settled;
        for (const QString &id : store.open(store.since(), &settled)) {
            if (const auto status = store.read(id))
                found->append({id, *status});
        }
    });
    connect(thread, &QThread::finished, this, [this, thread, found] {
        thread->deleteLater();
        for (const auto &[id, status] : std::as_const(*found)) {
            if (!m_model->sentCopy(id)) // what the flusher said meanwhile is newer
                m_model->setSentCopy(id, status);
        }
    });
    // A window closed meanwhile waits for it (a few file reads), then
    // deletes it with its other children.
    thread->setParent(this);
    connect(this, &QObject::destroyed, thread, [thread] { thread->wait(); });
    thread->start(QThread::LowPriority);
}

namespace {

bool failedOnCertificate(const std::optional<Core::SentCopyStatus> &copy)
{
    return copy && copy->state == Core::SentCopyStatus::State::Failed && copy->certificate
        && (copy->code == Core::Error::codeName(Core::Error::Code::CertificateUntrusted)
            || copy->code == Core::Error::codeName(Core::Error::Code::CertificateChanged));
}

bool isPinned(const Core::TrustStore &trust, const Core::SentCopyStatus::Certificate &certificate)
{
    return trust.pins(certificate.host, certificate.port).contains(QString::fromLatin1(certificate.sha256).toLower());
}

} // namespace

std::optional<Core::SentCopyStatus::Certificate> OutboxWindow::selectedCertificate(bool *changed) const
{
    std::optional<Core::SentCopyStatus::Certificate> first;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows()) {
        const auto copy = m_model->sentCopy(m_model->entry(index.row()).id);
        if (!failedOnCertificate(copy))
            return std::nullopt;
        if (!first) {
            first = copy->certificate;
            *changed = copy->code == Core::Error::codeName(Core::Error::Code::CertificateChanged);
        }
    }
    return first;
}

void OutboxWindow::retryCopies()
{
    QStringList ids; // read first: the dialog is not modal to the rows
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        ids << m_model->entry(index.row()).id;
    bool changed = false;
    const auto certificate = selectedCertificate(&changed);
    // (Trusted meanwhile, from the accounts' Test Connection: nothing to ask.)
    if (!certificate || !m_trust || isPinned(*m_trust, *certificate)) {
        retryCopies(ids);
        return;
    }
    // As for SMTP: the person sees the certificate the IMAP server showed and
    // may trust it for that host and port; the copies are retried then.
    Core::CertificateInfo info;
    info.host = certificate->host;
    info.sha256 = certificate->sha256;
    info.chain = QSslCertificate::fromData(certificate->pem, QSsl::Pem);
    if (!info.chain.isEmpty())
        info.errors = QSslCertificate::verify(info.chain, certificate->host);
    auto *dialog = new CertificateDialog(info, certificate->port, changed, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CertificateDialog::trusted, this,
            [this, ids, changed](const QString &host, quint16 port, const QString &sha256) {
                if (changed)
                    m_trust->unpinAll(host, port); // the old one is not trusted any more
                m_trust->pin(host, port, sha256);
                if (auto saved = m_trust->save(); !saved) {
                    statusBar()->showMessage(saved.error().message());
                    return;
                }
                retryCopies(ids);
            });
    dialog->open();
}

void OutboxWindow::retryCopies(const QStringList &ids)
{
    Core::SentCopyStore store(m_outbox->root());
    QStringList errors;
    bool any = false;
    for (const QString &id : ids) {
        const auto copy = m_model->sentCopy(id);
        const bool createFolder = copy && copy->code == QLatin1String("needs_folder");
        auto r = store.retry(id, createFolder);
        if (!r) {
            errors << r.error().message();
            continue;
        }
        m_model->setSentCopy(id, r.value());
        any = true;
    }
    if (!errors.isEmpty())
        statusBar()->showMessage(errors.join(u' '));
    if (any)
        Q_EMIT sentCopiesRequested();
}

void OutboxWindow::setProgress(const QString &id, int percent)
{
    m_model->setProgress(id, percent);
}

void OutboxWindow::setBrowserSignIn(std::function<bool(const QString &accountId)> signsInWithBrowser)
{
    m_signsInWithBrowser = std::move(signsInWithBrowser);
    updateActions();
}

void OutboxWindow::updateActions()
{
    QList<Core::OutboxEntry> entries;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        entries << m_model->entry(index.row());
    const auto all = [&entries](const auto &predicate) {
        return !entries.isEmpty() && std::all_of(entries.cbegin(), entries.cend(), predicate);
    };
    const auto inDoubt = [](const Core::OutboxEntry &e) {
        return e.state == Core::OutboxState::Held && e.holdReason == Core::HoldReason::InDoubt;
    };
    const bool one = entries.size() == 1;
    m_retry->setEnabled(all([&](const Core::OutboxEntry &e) {
        return !inDoubt(e)
            && (e.state == Core::OutboxState::Held || e.state == Core::OutboxState::Failed
                || e.state == Core::OutboxState::Deferred);
    }));
    // Deciding about a message that may have been delivered, and editing,
    // concern one message at a time.
    m_markSent->setEnabled(one && inDoubt(entries.first()));
    m_sendAgain->setEnabled(one && inDoubt(entries.first()));
    m_remove->setEnabled(all([](const Core::OutboxEntry &e) { return e.state != Core::OutboxState::Active; }));
    m_edit->setEnabled(one && !inDoubt(entries.first())
                       && (entries.first().state == Core::OutboxState::Queued
                           || entries.first().state == Core::OutboxState::Deferred
                           || entries.first().state == Core::OutboxState::Held
                           || entries.first().state == Core::OutboxState::Failed));
    m_signInAgain->setEnabled(!entries.isEmpty() && m_signsInWithBrowser && all([&](const Core::OutboxEntry &e) {
        return e.state == Core::OutboxState::Held && e.holdReason == Core::HoldReason::Credentials
            && e.accountId == entries.first().accountId && m_signsInWithBrowser(e.accountId);
    }));
    const auto copyFailed = [this](const Core::OutboxEntry &e) {
        const auto copy = m_model->sentCopy(e.id);
        return e.state == Core::OutboxState::Sent && copy && copy->state == Core::SentCopyStatus::State::Failed;
    };
    m_retryCopy->setEnabled(all(copyFailed));
    const bool createsFolder = all([&](const Core::OutboxEntry &e) {
        return copyFailed(e) && m_model->sentCopy(e.id)->code == QLatin1String("needs_folder");
    });
    bool changedCertificate = false;
    const auto certificate = m_trust ? selectedCertificate(&changedCertificate) : std::nullopt;
    const bool reviewsCertificate = certificate && !isPinned(*m_trust, *certificate);
    m_retryCopy->setText(createsFolder        ? tr("Create Folder and Retry &Copy")
                         : reviewsCertificate ? tr("Review Certificate and Retry &Copy…")
                                              : tr("Retry &Copy"));
    statusBar()->showMessage(m_model->summary().isEmpty() ? tr("Nothing waiting.") : m_model->summary());
}

void OutboxWindow::act(const QString &what)
{
    QStringList ids; // read first: each change moves rows
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        ids << m_model->entry(index.row()).id;
    if (ids.isEmpty())
        return;
    QStringList errors;
    bool anyQueued = false;
    for (const QString &id : std::as_const(ids)) {
        Core::Result<void> r;
        if (what == QLatin1String("retry"))
            r = m_outbox->retry(id);
        else if (what == QLatin1String("mark-sent"))
            r = m_outbox->markSent(id);
        else if (what == QLatin1String("send-again"))
            r = m_outbox->sendAgain(id);
        else
            r = m_outbox->remove(id);
        if (!r)
            errors << r.error().message();
        else if (what == QLatin1String("retry") || what == QLatin1String("send-again"))
            anyQueued = true;
    }
    m_model->sync(); // the person's own action shows at once
    if (!errors.isEmpty())
        statusBar()->showMessage(errors.join(u' '));
    if (anyQueued)
        Q_EMIT sendNowRequested();
}

} // namespace Gui
