// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/outboxwindow.h"

#include "ui/iconloader.h"
#include "ui/outboxmodel.h"

#include <QAction>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>

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
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    QHeaderView *header = m_view->horizontalHeader();
    header->setStretchLastSection(true);
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
    m_sendAgain->setToolTip(tr("Send this message again; its recipients may get it twice."));
    auto *close = new QAction(tr("&Close"), this);
    close->setShortcuts({QKeySequence::Close, QKeySequence(Qt::Key_Escape)});
    connect(close, &QAction::triggered, this, &QWidget::close);
    addAction(close);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &OutboxWindow::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &OutboxWindow::updateActions);
    updateActions();
    resize(1000, 420);
}

void OutboxWindow::setProgress(const QString &id, int percent)
{
    m_model->setProgress(id, percent);
}

void OutboxWindow::updateActions()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    const int row = rows.isEmpty() ? -1 : rows.first().row();
    const Core::OutboxEntry e = row >= 0 ? m_model->entry(row) : Core::OutboxEntry{};
    const bool selected = row >= 0;
    const bool inDoubt = selected && e.state == Core::OutboxState::Held && e.holdReason == Core::HoldReason::InDoubt;
    m_retry->setEnabled(selected && !inDoubt
                        && (e.state == Core::OutboxState::Held || e.state == Core::OutboxState::Failed
                            || e.state == Core::OutboxState::Deferred));
    m_markSent->setEnabled(inDoubt);
    m_sendAgain->setEnabled(inDoubt);
    m_remove->setEnabled(selected && e.state != Core::OutboxState::Active);
    m_edit->setEnabled(selected && !inDoubt
                       && (e.state == Core::OutboxState::Queued || e.state == Core::OutboxState::Deferred
                           || e.state == Core::OutboxState::Held || e.state == Core::OutboxState::Failed));
    statusBar()->showMessage(m_model->summary().isEmpty() ? tr("Nothing waiting.") : m_model->summary());
}

void OutboxWindow::act(const QString &what)
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const QString id = m_model->entry(rows.first().row()).id;
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
        statusBar()->showMessage(r.error().message());
    else if (what == QLatin1String("retry") || what == QLatin1String("send-again"))
        Q_EMIT sendNowRequested();
}

} // namespace Gui
