// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace Core {

/// Where the copy of a sent message in the account's Sent folder stands
/// (docs/design/OUTBOX.md, "The copy in the Sent folder").
struct SentCopyStatus
{
    enum class State {
        Pending, ///< to be filed (again) at nextAttemptAt
        Done, ///< in the folder (filed now, or found there by its Message-ID)
        Skipped, ///< not to be filed: the account says so (code says why)
        Failed, ///< a person must act (retry-copy); reason says why
    };
    State state = State::Pending;
    /// Why, for machines: "never", "no_imap_server", "provider_files_copy",
    /// "needs_folder", "gave_up", "body_removed", "no_account", or the
    /// Error::codeName of the last failure.
    QString code;
    QString reason; ///< a sentence for the person (translated when written)
    QString serverText; ///< the IMAP server's own words, when it said no
    QString folder; ///< where the copy is, or would go
    int attempts = 0; ///< attempts that ended without the copy in place
    QDateTime firstAttemptAt; ///< start of the give-up time
    QDateTime nextAttemptAt; ///< pending: not before
    /// The person agreed to create the folder (retry-copy --create-folder).
    bool createFolder = false;
    /// The certificate the IMAP server showed when the copy failed on it
    /// (code CertificateUntrusted or CertificateChanged): public data, kept
    /// so that the person can review and trust it before retrying.
    struct Certificate
    {
        QString host; ///< as the account names it: the pin is for host and port
        quint16 port = 0;
        QByteArray sha256; ///< hex, of the server's certificate
        QByteArray pem; ///< the server's certificate itself (not its chain)
    };
    std::optional<Certificate> certificate;

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static std::optional<SentCopyStatus> fromJson(const QJsonObject &json);
    [[nodiscard]] static QString stateName(State state);
};

/**
 * The Sent-copy records: one file sent/<id>/sent_copy.json per sent entry,
 * beside the entry's own files. Every change runs under the outbox's
 * .state.lock (a FileLock of its own on the same file, so it serialises with
 * the Outbox of this and every other process) and replaces the file
 * atomically, without a sync (every record may be lost safely: see
 * update()); it never creates the entry's folder, so a removed entry stays
 * removed.
 *
 * An account that files no copy writes no such file: the decision is kept
 * with the entry (OutboxEntry::sentCopyDecision) and read from there.
 * A sent entry without either is undecided: the copy step decides it when
 * it first sees it, unless it was sent (acceptedAt) before the step first ran
 * in this outbox (since()): older messages get no copy.
 */
class SentCopyStore final
{
public:
    static constexpr auto kFileName = "sent_copy.json";

    explicit SentCopyStore(QString outboxRoot);

    /// The record of `id`, or nothing (undecided, or not a sent entry).
    [[nodiscard]] std::optional<SentCopyStatus> read(const QString &id) const;
    /// Reads (or starts from a fresh Pending), applies `update`, writes; all
    /// under the state lock. Fails if `id` is not in sent/.
    [[nodiscard]] Result<SentCopyStatus> update(const QString &id,
                                                const std::function<Result<void>(SentCopyStatus &)> &update);
    /// retry-copy: a failed or waiting copy is due now (with `createFolder`,
    /// the person agreed that the folder be made).
    [[nodiscard]] Result<SentCopyStatus> retry(const QString &id, bool createFolder);

    /// Whether retention must keep the body of sent entry `id`, sent at
    /// `sentAt`: its copy is still to be filed (pending or failed), or not
    /// yet decided (no record, and sent after since()).
    [[nodiscard]] bool keepsBody(const QString &id, const QDateTime &sentAt) const;

    /// Messages sent before this time were sent before the step existed in
    /// this outbox and get no copy: when it was first asked (made then,
    /// durably).
    [[nodiscard]] QDateTime since() const;
    /// Sent ids that are undecided and sent after `since`, or pending or
    /// failed; those found done, skipped or older join `settled`, which is
    /// not read again, and the outbox's list of them (.sent_copy_settled),
    /// which an empty `settled` (a new process) starts from.
    [[nodiscard]] QStringList open(const QDateTime &since, QSet<QString> *settled) const;

private:
    [[nodiscard]] QString entryDir(const QString &id) const;
    /// since(), if it was made.
    [[nodiscard]] std::optional<QDateTime> readSince() const;
    /// The ids in .sent_copy_settled (whole lines only).
    [[nodiscard]] QSet<QString> readSettled() const;
    /// Appends `ids` to .sent_copy_settled.
    void addSettled(const QStringList &ids) const;
    /// Whether undecided `id` was sent before `since` (its acceptedAt).
    [[nodiscard]] bool sentBefore(const QString &id, const QDateTime &since) const;
    QString m_root;
};

} // namespace Core

Q_DECLARE_METATYPE(Core::SentCopyStatus)
