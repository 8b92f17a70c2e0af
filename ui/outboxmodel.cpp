// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/outboxmodel.h"

#include <QLocale>

namespace Gui {

OutboxModel::OutboxModel(Core::Outbox *outbox, QObject *parent)
    : QAbstractTableModel(parent)
    , m_outbox(outbox)
{
    connect(outbox, &Core::Outbox::changed, this, &OutboxModel::reload);
    reload();
}

void OutboxModel::reload()
{
    beginResetModel();
    m_entries.clear();
    // What needs attention first, then what is on its way, then the rest.
    for (Core::OutboxState s : {Core::OutboxState::Held, Core::OutboxState::Failed, Core::OutboxState::Active,
                                Core::OutboxState::Queued, Core::OutboxState::Deferred, Core::OutboxState::Corrupt,
                                Core::OutboxState::Sent})
        m_entries += m_outbox->entries(s);
    endResetModel();
}

void OutboxModel::setProgress(const QString &id, int percent)
{
    m_progress.insert(id, percent);
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).id == id)
            Q_EMIT dataChanged(index(row, StateColumn), index(row, DetailColumn));
    }
}

int OutboxModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int OutboxModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OutboxModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StateColumn:
        return tr("Status");
    case RecipientsColumn:
        return tr("To");
    case SubjectColumn:
        return tr("Subject");
    case SizeColumn:
        return tr("Size");
    case DetailColumn:
        return tr("Details");
    default:
        return {};
    }
}

QVariant OutboxModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const Core::OutboxEntry &e = m_entries.at(index.row());
    if (role == IdRole)
        return e.id;
    if (role == StateRole)
        return static_cast<int>(e.state);
    if (role == HoldReasonRole)
        return static_cast<int>(e.holdReason);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const QLocale locale;
    switch (index.column()) {
    case StateColumn:
        switch (e.state) {
        case Core::OutboxState::Queued:
            return e.notBefore.isValid() && e.notBefore > m_outbox->now() ? tr("Scheduled") : tr("Queued");
        case Core::OutboxState::Active:
            return m_progress.contains(e.id) ? tr("Sending %1 %").arg(m_progress.value(e.id)) : tr("Sending");
        case Core::OutboxState::Deferred:
            return tr("Waiting");
        case Core::OutboxState::Held:
            return e.holdReason == Core::HoldReason::InDoubt ? tr("May have been sent") : tr("Needs attention");
        case Core::OutboxState::Failed:
            return tr("Not sent");
        case Core::OutboxState::Sent:
            return tr("Sent");
        case Core::OutboxState::Corrupt:
            return tr("Damaged");
        }
        return {};
    case RecipientsColumn:
        return e.displayTo.isEmpty() ? e.envelope.recipients.join(QStringLiteral(", "))
                                     : e.displayTo.join(QStringLiteral(", "));
    case SubjectColumn:
        return e.subject;
    case SizeColumn:
        return e.bodySize > 0 ? locale.formattedDataSize(e.bodySize) : QString();
    case DetailColumn:
        if (e.state == Core::OutboxState::Sent)
            return tr("Sent %1").arg(locale.toString(e.acceptedAt.toLocalTime(), QLocale::ShortFormat));
        if (e.state == Core::OutboxState::Queued && e.notBefore.isValid() && e.notBefore > m_outbox->now())
            return tr("Will be sent at %1").arg(locale.toString(e.notBefore.toLocalTime(), QLocale::ShortFormat));
        if (e.state == Core::OutboxState::Deferred)
            //: %1 is the reason, %2 a time
            return tr("%1 — next try at %2")
                .arg(e.lastErrorMessage, locale.toString(e.nextAttemptAt.toLocalTime(), QLocale::ShortFormat));
        return e.lastErrorMessage;
    default:
        return {};
    }
}

QString OutboxModel::summary() const
{
    int waiting = 0;
    int attention = 0;
    for (const Core::OutboxEntry &e : m_entries) {
        if (e.state == Core::OutboxState::Queued || e.state == Core::OutboxState::Deferred
            || e.state == Core::OutboxState::Active)
            ++waiting;
        else if (e.state == Core::OutboxState::Held || e.state == Core::OutboxState::Failed
                 || e.state == Core::OutboxState::Corrupt)
            ++attention;
    }
    QStringList parts;
    if (waiting > 0)
        parts << tr("%n waiting to be sent", nullptr, waiting);
    if (attention > 0)
        parts << tr("%n need(s) your attention", nullptr, attention);
    return parts.join(QStringLiteral(", "));
}

} // namespace Gui
