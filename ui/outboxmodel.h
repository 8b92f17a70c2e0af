// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/outbox/outbox.h"
#include "core/outbox/sentcopystore.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QTimer>

namespace Gui {

/**
 * A table over the outbox: state, recipients, subject, size, and the reason
 * or the next attempt, what needs attention first. It follows the outbox's
 * index (Outbox::indexed(), in memory) and, when the outbox changes, inserts,
 * removes and updates only the rows that changed (never a reset: selection
 * and scrolling stay, and 10,000 sent messages cost nothing per change). It
 * shows upload progress for the message being sent.
 */
class OutboxModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OutboxModel)
public:
    enum Column { StateColumn, RecipientsColumn, SubjectColumn, SizeColumn, DetailColumn, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,
        StateRole,
        HoldReasonRole,
        /// A sent message's copy in the Sent folder: SentCopyStatus::State, or -1 unknown.
        SentCopyStateRole,
    };

    explicit OutboxModel(Core::Outbox *outbox, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    [[nodiscard]] Core::OutboxEntry entry(int row) const { return m_rows.value(row).entry; }
    /// "2 waiting, 1 needs your attention" — empty when there is nothing to say.
    [[nodiscard]] QString summary() const;

    /// Brings the rows in line with the outbox's index now (changes are
    /// otherwise gathered for a moment and applied together).
    void sync();
    void setProgress(const QString &id, int percent);
    /// What the copy of a sent message in its Sent folder did (shown with
    /// the sent row; failed ones offer "Retry Copy").
    void setSentCopy(const QString &id, const Core::SentCopyStatus &status);
    [[nodiscard]] std::optional<Core::SentCopyStatus> sentCopy(const QString &id) const;

private:
    [[nodiscard]] static QString sentCopyText(const Core::SentCopyStatus &copy);

    struct Row
    {
        int rank = 0; ///< place of its state in the list
        Core::OutboxEntry entry;
        quint64 revision = 0;
    };

    Core::Outbox *m_outbox;
    QList<Row> m_rows; ///< by rank, then id (creation order)
    QHash<QString, int> m_progress;
    QHash<QString, Core::SentCopyStatus> m_sentCopies;
    QTimer m_syncTimer;
    QTimer m_moreRows; ///< the rest of a large first fill, at the next turn
};

} // namespace Gui
