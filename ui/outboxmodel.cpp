// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/outboxmodel.h"

#include <QLocale>

#include <algorithm>
#include <array>
#include <iterator>

namespace Gui {

namespace {
/// What needs attention first, then what is on its way, then the rest.
constexpr Core::OutboxState kOrder[] = {Core::OutboxState::Held,   Core::OutboxState::Failed,
                                        Core::OutboxState::Active, Core::OutboxState::Queued,
                                        Core::OutboxState::Deferred, Core::OutboxState::Corrupt,
                                        Core::OutboxState::Sent};
} // namespace

OutboxModel::OutboxModel(Core::Outbox *outbox, QObject *parent)
    : QAbstractTableModel(parent)
    , m_outbox(outbox)
{
    // A pass sends many messages in a second: their changes are applied
    // together, a few times a second at most.
    m_syncTimer.setSingleShot(true);
    m_syncTimer.setInterval(50);
    connect(&m_syncTimer, &QTimer::timeout, this, &OutboxModel::sync);
    m_moreRows.setSingleShot(true);
    m_moreRows.setInterval(0);
    connect(&m_moreRows, &QTimer::timeout, this, &OutboxModel::sync);
    connect(outbox, &Core::Outbox::changed, this, [this] {
        if (!m_syncTimer.isActive())
            m_syncTimer.start();
    });
    sync();
}

void OutboxModel::sync()
{
    m_syncTimer.stop();
    m_moreRows.stop();
    // Rows come at most this many per turn of the event loop: the first fill
    // of a large outbox (10,000 rows) in one go stalled the windows for
    // 15-20 ms while messages went out; the rest follows at the next turn.
    constexpr int kRowsPerTurn = 1000;
    int budget = kRowsPerTurn;
    // The index in the rows' order, by reference: only rows that come or
    // change are copied. The maps are held here (shared, not copied) because
    // the row signals below reach code that reads the outbox again, and on an
    // outbox that is not watched that read replaces the index's maps.
    std::array<Core::Outbox::IndexMap, std::size(kOrder)> maps;
    struct Ref
    {
        int rank;
        const Core::Outbox::Indexed *item;
    };
    QList<Ref> next;
    for (int rank = 0; rank < int(std::size(kOrder)); ++rank) {
        maps[rank] = m_outbox->indexed(kOrder[rank]);
        for (const Core::Outbox::Indexed &i : std::as_const(maps[rank]))
            next.append({rank, &i});
    }
    const auto toRow = [](const Ref &r) { return Row{r.rank, r.item->entry, r.item->revision}; };
    // Both are sorted by (rank, id): one merge walk finds the rows that
    // went (removed), came (inserted) or changed (dataChanged), and
    // neighbouring ones are handled as one range.
    const auto before = [](int rankA, const QString &idA, int rankB, const QString &idB) {
        return rankA < rankB || (rankA == rankB && idA < idB);
    };
    const auto rowBefore = [&](const Row &a, const Ref &b) { return before(a.rank, a.entry.id, b.rank, b.item->entry.id); };
    const auto refBefore = [&](const Ref &a, const Row &b) { return before(a.rank, a.item->entry.id, b.rank, b.entry.id); };
    int row = 0;
    qsizetype j = 0;
    while (row < m_rows.size() || j < next.size()) {
        if (row < m_rows.size() && j < next.size() && !rowBefore(m_rows.at(row), next.at(j))
            && !refBefore(next.at(j), m_rows.at(row))) {
            if (m_rows.at(row).revision != next.at(j).item->revision) {
                m_rows[row] = toRow(next.at(j));
                Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            }
            ++row;
            ++j;
            continue;
        }
        if (row < m_rows.size() && (j == next.size() || rowBefore(m_rows.at(row), next.at(j)))) {
            int last = row;
            while (last + 1 < m_rows.size() && (j == next.size() || rowBefore(m_rows.at(last + 1), next.at(j))))
                ++last;
            beginRemoveRows({}, row, last);
            m_rows.remove(row, last - row + 1);
            endRemoveRows();
            continue;
        }
        if (budget == 0) {
            m_moreRows.start();
            return;
        }
        qsizetype end = j + 1;
        while (end < next.size() && end - j < budget && (row == m_rows.size() || refBefore(next.at(end), m_rows.at(row))))
            ++end;
        const int count = static_cast<int>(end - j);
        QList<Row> added;
        added.reserve(count);
        for (qsizetype k = j; k < end; ++k)
            added.append(toRow(next.at(k)));
        beginInsertRows({}, row, row + count - 1);
        m_rows.insert(row, count, Row{});
        std::move(added.begin(), added.end(), m_rows.begin() + row);
        endInsertRows();
        row += count;
        j = end;
        budget -= count;
    }
}

void OutboxModel::setProgress(const QString &id, int percent)
{
    m_progress.insert(id, percent);
    // The message being sent is among the few active rows, near the top.
    for (int row = 0; row < m_rows.size() && m_rows.at(row).rank <= 2; ++row) {
        if (m_rows.at(row).entry.id == id)
            Q_EMIT dataChanged(index(row, StateColumn), index(row, DetailColumn));
    }
}

int OutboxModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
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
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Core::OutboxEntry &e = m_rows.at(index.row()).entry;
    if (role == IdRole)
        return e.id;
    if (role == StateRole)
        return static_cast<int>(e.state);
    if (role == HoldReasonRole)
        return static_cast<int>(e.holdReason);
    if (role == SentCopyStateRole) {
        const auto copy = m_sentCopies.constFind(e.id);
        return copy == m_sentCopies.cend() ? -1 : static_cast<int>(copy->state);
    }
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
        if (e.state == Core::OutboxState::Sent) {
            const QString sent = tr("Sent %1").arg(locale.toString(e.acceptedAt.toLocalTime(), QLocale::ShortFormat));
            const auto copy = m_sentCopies.constFind(e.id);
            const QString copyText = copy == m_sentCopies.cend() ? QString() : sentCopyText(*copy);
            return copyText.isEmpty() ? sent : sent + QStringLiteral(" — ") + copyText;
        }
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

QString OutboxModel::sentCopyText(const Core::SentCopyStatus &copy)
{
    switch (copy.state) {
    case Core::SentCopyStatus::State::Done:
        //: %1 is the IMAP folder
        return tr("copy in %1").arg(copy.folder);
    case Core::SentCopyStatus::State::Pending:
        return copy.reason.isEmpty() ? tr("copy to be filed in Sent") : tr("copy not filed yet: %1").arg(copy.reason);
    case Core::SentCopyStatus::State::Skipped:
        return {}; // as the account wants: nothing to say
    case Core::SentCopyStatus::State::Failed:
        return tr("no copy in Sent: %1").arg(copy.reason);
    }
    return {};
}

void OutboxModel::setSentCopy(const QString &id, const Core::SentCopyStatus &status)
{
    m_sentCopies.insert(id, status);
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).entry.id == id) {
            Q_EMIT dataChanged(index(row, DetailColumn), index(row, DetailColumn));
            Q_EMIT dataChanged(index(row, 0), index(row, 0), {SentCopyStateRole});
            return;
        }
    }
}

std::optional<Core::SentCopyStatus> OutboxModel::sentCopy(const QString &id) const
{
    const auto copy = m_sentCopies.constFind(id);
    return copy == m_sentCopies.cend() ? std::nullopt : std::optional<Core::SentCopyStatus>(*copy);
}

QString OutboxModel::summary() const
{
    const auto count = [this](Core::OutboxState state) { return static_cast<int>(m_outbox->indexed(state).size()); };
    const int waiting = count(Core::OutboxState::Queued) + count(Core::OutboxState::Deferred)
        + count(Core::OutboxState::Active);
    const int attention = count(Core::OutboxState::Held) + count(Core::OutboxState::Failed)
        + count(Core::OutboxState::Corrupt);
    QStringList parts;
    if (waiting > 0)
        parts << tr("%n waiting to be sent", nullptr, waiting);
    if (attention > 0)
        parts << tr("%n need(s) your attention", nullptr, attention);
    return parts.join(QStringLiteral(", "));
}

} // namespace Gui
