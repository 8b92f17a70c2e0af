// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/outbox/outbox.h"

#include <QAbstractTableModel>
#include <QHash>

namespace Gui {

/**
 * A table over the outbox: state, recipients, subject, size, and the reason
 * or the next attempt. It re-reads the outbox when it changes and shows
 * upload progress for the message being sent.
 */
class OutboxModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OutboxModel)
public:
    enum Column { StateColumn, RecipientsColumn, SubjectColumn, SizeColumn, DetailColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, StateRole, HoldReasonRole };

    explicit OutboxModel(Core::Outbox *outbox, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    [[nodiscard]] Core::OutboxEntry entry(int row) const { return m_entries.value(row); }
    /// "2 waiting, 1 needs your attention" — empty when there is nothing to say.
    [[nodiscard]] QString summary() const;

    void reload();
    void setProgress(const QString &id, int percent);

private:
    Core::Outbox *m_outbox;
    QList<Core::OutboxEntry> m_entries;
    QHash<QString, int> m_progress;
};

} // namespace Gui
