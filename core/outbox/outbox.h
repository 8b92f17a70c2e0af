// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/accounts/account.h"
#include "core/mime/draft.h"
#include "core/outbox/outboxentry.h"
#include "core/util/durablefile.h"

#include <QHash>
#include <QMap>
#include <QObject>

#include <array>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class QFileSystemWatcher;
class QThread;
class QTimer;

namespace Core {

class FileLock;
class HashingWriter;
class PendingEntry;

/**
 * The durable outbox: one directory per message under
 * AppLocalDataLocation/outbox/<state>/<id>/, holding message.eml (written
 * once, the exact bytes to submit) and state.json (envelope and state);
 * and accepted.json: empty when queued, then, once the server accepted it,
 * the reply and per-recipient results recorded without a sidecar rewrite
 * (see recordAccepted()), merged over state.json when the entry is read.
 *
 * Every transition is write-ahead: the sidecar is replaced atomically and
 * durably, then the directory renamed (and the parents synced), before the
 * effect it allows — telling the user "queued", writing the final ".",
 * reporting "sent". A crash at any point leaves each message in exactly one
 * state, and recover() (run by the flusher when it takes the lock) resolves
 * what an interrupted attempt left behind: back to queued before the final
 * dot was recorded, in doubt after it.
 *
 * Several processes share one outbox (the GUI, the command line,
 * outpost-sendmail). A message is written in tmp/<id>/ while its writer
 * holds tmp/<id>.lock, and recovery removes only folders whose lock it can
 * take; a write never creates an entry's folder (one renamed or removed by
 * another process stays so, and the write fails); and every change of an
 * entry's state runs under .state.lock, so that each sees the result of the
 * one before. See docs/design/OUTBOX.md.
 *
 * @code
 * Core::Outbox outbox;
 * if (auto r = outbox.open(); !r) fail(r.error());
 * auto entry = outbox.enqueue(draft, account, {});
 * if (entry) statusBar->showMessage(tr("Queued")); // only now
 * @endcode
 */
class Outbox final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Outbox)
public:
    using Clock = std::function<QDateTime()>;

    explicit Outbox(QString root = defaultRoot(), QObject *parent = nullptr);
    ~Outbox() override;

    [[nodiscard]] static QString defaultRoot();
    [[nodiscard]] QString root() const { return m_root; }
    void setClock(Clock clock) { m_clock = std::move(clock); }
    [[nodiscard]] QDateTime now() const { return m_clock(); }

    /// When open() proves the outbox writable.
    enum class WriteTest {
        Now,         ///< at once, before any message is at stake (the GUI, `outpost outbox|account`)
        FirstEnqueue ///< by the first enqueue, which fails as clearly (outpost-sendmail,
                     ///< `outpost send`: they queue at once, and each file made costs time)
    };
    /// Creates the directories; fails clearly if the outbox is not writable.
    [[nodiscard]] Result<void> open(WriteTest writeTest = WriteTest::Now);

    struct EnqueueOptions
    {
        QDateTime notBefore; ///< scheduled send or end of the undo delay
        bool allow8Bit = false;
    };
    /// Builds the message and queues it durably. Only a success means
    /// "queued": on any error nothing is left behind and the draft stays.
    [[nodiscard]] Result<OutboxEntry> enqueue(const Draft &draft, const Account &account,
                                              const EnqueueOptions &options);

    /// Queues an already complete RFC 5322 message (outpost-sendmail): the
    /// header block `head` (CRLF lines ending with the empty line), then the
    /// body streamed from `body` with line endings normalised to CRLF. With
    /// `dotEndsBody`, a line holding a single "." ends the body (sendmail
    /// without -i). 8-bit content sets needs8BitMime; 8-bit header octets set
    /// needsSmtpUtf8 (RFC 6532).
    [[nodiscard]] Result<OutboxEntry> enqueueMessage(const QByteArray &head, QIODevice *body,
                                                     bool dotEndsBody, Envelope envelope,
                                                     const QString &accountId, const QString &subject,
                                                     const EnqueueOptions &options);

    /// Entries in a state, oldest first. Damaged entries found on the way
    /// are moved to corrupt/ (and reported by corruptFound()).
    [[nodiscard]] QList<OutboxEntry> entries(OutboxState state);
    /// The ids in a state, in name order (which is creation order), without
    /// reading the entries: for a caller that reads them one by one.
    [[nodiscard]] QStringList ids(OutboxState state) const;
    /// One entry of a state, read as entries() reads it (a damaged one is
    /// moved to corrupt/ and reported, and an error returned).
    [[nodiscard]] Result<OutboxEntry> scanEntry(OutboxState state, const QString &id);
    [[nodiscard]] QList<OutboxEntry> allEntries();
    [[nodiscard]] std::optional<OutboxEntry> find(const QString &id);
    [[nodiscard]] QString messagePath(const OutboxEntry &entry) const;

    // --- used by the flusher (holding the lock) -----------------------------
    /// Start-up recovery: tmp/ cleared of what no writer holds any more;
    /// active/ resolved by phase.
    [[nodiscard]] Result<QStringList> recover();
    /// queued|deferred -> active, after checking size and SHA-256 of the body
    /// (a mismatch moves the entry to corrupt/ and returns an error). Only a
    /// rename, not waited for on disk: undone by a power cut, the entry is
    /// simply queued again, as nothing past DATA can have been sent without
    /// markDotSent(), which makes the claim durable too.
    [[nodiscard]] Result<OutboxEntry> claim(const QString &id);
    /// What a claim did, for the index of the Outbox that asked for it.
    struct Claim
    {
        QString id;
        OutboxState from = OutboxState::Queued; ///< where the entry was found
        /// The entry, now in active/, or why it is not.
        Result<OutboxEntry> entry = Error();
        /// Instead of claimed: held as in doubt...
        std::optional<OutboxEntry> heldInDoubt;
        /// ...or set aside as damaged, for this reason.
        QString setAsideReason;
    };
    /// claim() in two steps, for a flusher that claims on another thread
    /// (the GUI's would wait for the disk): the disk part, thread-safe (it
    /// reads only paths, and takes .state.lock through a lock of its own,
    /// which excludes this Outbox's on another thread as it excludes
    /// another process; so never call it under this Outbox's lock)...
    [[nodiscard]] Claim claimOnDisk(const QString &id) const;
    /// ...and, on this Outbox's thread once that is done, the index.
    void learnClaim(const Claim &claim);
    /// Resolves dot_sent markers whose entry is no longer in active/: held
    /// as in doubt if the entry is back in queued/ or deferred/ (a lost
    /// claim), else removed once the moves out of active/ are durable. Run
    /// by recover() and before each flush pass.
    [[nodiscard]] Result<void> clearOrphanMarkers();
    /// Makes phase=dot_sent durable (called just before the final "."),
    /// together with the claim that moved the entry to active/: a marker
    /// file active/<id>.dot_sent, read back by readEntry() as the phase.
    [[nodiscard]] Result<void> markDotSent(const QString &id);
    /// markDotSent() in two steps, for a caller that syncs several markers
    /// at once on another thread (Core::DurableWriter): the marker's name,
    /// durable only once dotSentDirectory() is synced. Thread-safe with
    /// respect to this Outbox's other calls (it reads only paths and the
    /// two atomic flags below).
    [[nodiscard]] Result<void> writeDotSentMarker(const QString &id);
    [[nodiscard]] QString dotSentDirectory() const;
    /// active|any -> target, with the sidecar updated first. With
    /// Durable::Sync::ContentOnly the new state is not waited for on disk:
    /// for "sent", whose loss in a power cut leaves the durable dot_sent
    /// record, i.e. "in doubt" — never a second submission.
    [[nodiscard]] Result<OutboxEntry> transition(const QString &id, OutboxState target,
                                                 const std::function<void(OutboxEntry &)> &update,
                                                 Durable::Sync sync = Durable::Sync::Full);
    /// active -> sent after the server's 250, without touching the disk's
    /// cache: the details (reply, time, per-recipient results, which
    /// `update` sets) go to a small file of their own next to the sidecar,
    /// which stays as it was, and the entry moves to sent/. Neither is
    /// waited for: a power cut can take the move back (the durable dot_sent
    /// marker then holds the message in doubt, never resent) or tear the
    /// details (the entry is still sent, its directory says so). No fsync,
    /// no sidecar rewrite: this runs once per message between one final dot
    /// and the next.
    [[nodiscard]] Result<void> recordAccepted(const QString &id, const std::function<void(OutboxEntry &)> &update);
    /// recordAccepted() in two steps, for a flusher that writes the record on
    /// another thread (Core::DurableWriter): the disk part, thread-safe (it
    /// reads only paths; it takes no .state.lock, as nothing but the flusher
    /// that claimed an entry changes it in active/)...
    [[nodiscard]] Result<void> writeAccepted(const QString &id,
                                             const std::function<void(OutboxEntry &)> &update) const;
    /// ...and, on this Outbox's thread once that is done, the index.
    void learnAccepted(const QString &id, const std::function<void(OutboxEntry &)> &update);

    // --- user actions ---------------------------------------------------------
    /// held|failed|deferred -> queued, due now (in-doubt needs sendAgain()).
    [[nodiscard]] Result<void> retry(const QString &id);
    /// In doubt: the person says it went out.
    [[nodiscard]] Result<void> markSent(const QString &id);
    /// In doubt: the person accepts a possible duplicate; same Message-ID.
    [[nodiscard]] Result<void> sendAgain(const QString &id);
    /// Deletes an entry; refused while it is being sent.
    [[nodiscard]] Result<void> remove(const QString &id);
    /// What takes the images of a draft taken back out of the outbox
    /// (their files are inside the entry, removed right after): it copies
    /// them where the draft lives next and points the draft at the copies
    /// (DraftStore::adoptImages()). An error leaves the entry where it was.
    using KeepImages = std::function<Result<void>(Draft &)>;
    /// Undo send / edit: takes a queued, not yet due message back out and
    /// returns its draft. Refused once it is due or being sent, and when
    /// its draft has images and `keepImages` is empty.
    [[nodiscard]] Result<Draft> takeBack(const QString &id, const KeepImages &keepImages = {});
    /// "Edit" in the outbox view: a message that is waiting (queued,
    /// deferred), held for a reason other than "in doubt", or failed leaves
    /// the outbox and comes back as its draft. Never one being sent or one
    /// that may already have been delivered.
    [[nodiscard]] Result<Draft> takeBackForEdit(const QString &id, const KeepImages &keepImages = {});

    /// Counts per state (for badges and the status bar).
    [[nodiscard]] QMap<OutboxState, int> counts();

    // --- the index: what this process knows, without reading the disk -------
    /// One entry as last read or changed; `revision` grows with every change.
    struct Indexed
    {
        OutboxEntry entry;
        quint64 revision = 0;
        qint64 sidecarMtime = 0; ///< ms since the epoch, to see another process's rewrite
    };
    using IndexMap = QMap<QString, Indexed>; ///< by id: oldest first
    /// For the GUI: from now on the entries are kept in memory, updated by
    /// this Outbox's own changes at once and by other processes' through a
    /// watcher on the state folders, whose listings are compared on a worker
    /// thread (only new and rewritten entries are read). The first load also
    /// runs there; indexLoaded() says when it is complete. Call after open().
    void watch();
    [[nodiscard]] bool isWatching() const { return m_watcher != nullptr; }
    [[nodiscard]] bool isIndexLoaded() const { return m_indexLoaded; }
    /// The entries in `state`. Watching: from memory, never blocking (empty
    /// until the first load is done). Otherwise read from the disk now (the
    /// command line, where nothing else waits), damaged entries skipped.
    [[nodiscard]] const IndexMap &indexed(OutboxState state);
    /// Entry `id` as this process knows it, in any state, without reading
    /// the disk; nothing when not watching or not indexed.
    [[nodiscard]] std::optional<OutboxEntry> indexedEntry(const QString &id) const;
    /// An entry another Outbox of this process wrote (a worker thread's
    /// enqueue): known at once, without waiting for the watcher.
    void learn(const OutboxEntry &entry);

    // --- retention -------------------------------------------------------------
    /// Settings key (QSettings profile) and default of how long the bodies of
    /// sent messages are kept; 0 keeps them for ever. Their records stay.
    static constexpr auto kKeepSentBodiesKey = "outbox/keepSentBodiesDays";
    static constexpr int kKeepSentBodiesDefaultDays = 30;
    /// The setting, as saved in `settingsFile`.
    [[nodiscard]] static int keepSentBodiesDays(const QString &settingsFile);
    /// Removes the message (and draft) of every sent entry accepted before
    /// `cutoff`; its record stays, marked bodyRemoved. Each entry changes
    /// under the state lock; only entries whose id (creation time) is older
    /// than the cutoff are read. Returns how many were pruned.
    [[nodiscard]] Result<int> pruneSentBodies(const QDateTime &cutoff);

Q_SIGNALS:
    void changed();
    void corruptFound(const QString &id, const QString &reason);
    /// The first load of the index (watch()) is complete.
    void indexLoaded();

private:
    using IndexMaps = std::array<IndexMap, 7>; ///< by OutboxState
    struct Refresh;
    void index(const OutboxEntry &entry);
    void unindex(const QString &id);
    void forgetIndexed(const QString &id);
    /// Compares the folders with `known` on a worker thread (one at a time).
    void startRefresh();
    void applyRefresh(const std::shared_ptr<Refresh> &refresh);
    [[nodiscard]] IndexMap readState(OutboxState state, const IndexMap &known, bool *changedAny) const;

    /// Holds .state.lock for a scope; re-entrant within one Outbox.
    class StateLock;
    [[nodiscard]] Result<void> lockState();
    void unlockState();
    /// Emits changed() (and corruptFound()) now, or once the lock is released.
    void notifyChanged();
    void emitPending();

    [[nodiscard]] QString dir(OutboxState state) const;
    [[nodiscard]] QString entryDir(OutboxState state, const QString &id) const;
    [[nodiscard]] QString dotSentMarker(const QString &id) const;
    [[nodiscard]] Result<OutboxEntry> readEntry(OutboxState state, const QString &id) const;
    [[nodiscard]] Result<void> writeSidecar(const QString &entryDir, const OutboxEntry &entry,
                                            Durable::Sync sync = Durable::Sync::Full) const;
    [[nodiscard]] Result<void> moveEntry(const QString &id, OutboxState from, OutboxState to,
                                         Durable::Sync sync = Durable::Sync::Full) const;
    [[nodiscard]] std::optional<OutboxState> locate(const QString &id) const;
    /// Syncs and renames a written message into queued/ (the pending entry
    /// then committed); size and checksum from what `hashed` saw.
    [[nodiscard]] Result<OutboxEntry> finishEnqueue(PendingEntry &pending, HashingWriter &hashed, OutboxEntry entry,
                                                    const EnqueueOptions &options);
    void setAsideCorrupt(OutboxState from, const QString &id, const QString &reason);
    /// setAsideCorrupt()'s two parts: the move into corrupt/ (the caller
    /// holds the state lock, or could not take it)...
    void setAsideOnDisk(OutboxState from, const QString &id, const QString &reason) const;
    /// ...and the index and the report.
    void learnSetAside(OutboxState from, const QString &id, const QString &reason);
    /// transition()'s disk part, for an entry found in `from` under the state
    /// lock: the sidecar updated, then the move.
    [[nodiscard]] Result<OutboxEntry> transitionOnDisk(OutboxState from, const QString &id, OutboxState target,
                                                       const std::function<void(OutboxEntry &)> &update,
                                                       Durable::Sync sync) const;
    /// Moves an entry to held/ as "in doubt" (durably), then drops its marker.
    [[nodiscard]] Result<OutboxEntry> holdInDoubt(const QString &id);
    /// The kept draft of a message that leaves the outbox (take back, edit).
    [[nodiscard]] Result<Draft> leaveWithDraft(OutboxState state, const QString &id, const KeepImages &keepImages);
    [[nodiscard]] QString newId() const;
    /// markDotSent()'s marker as a hard link to a shared durable inode.
    [[nodiscard]] bool linkDotSentMarker(const QString &id);

    QString m_root;
    Clock m_clock;
    std::unique_ptr<FileLock> m_stateLock;
    int m_stateLockDepth = 0;
    bool m_changed = false;
    QList<QPair<QString, QString>> m_corruptToReport; ///< id, reason

    IndexMaps m_index;
    quint64 m_revision = 0;
    /// Ids changed here since a refresh started, with the revision then: a
    /// refresh's older view of them is not taken over.
    QHash<QString, quint64> m_touched;
    QFileSystemWatcher *m_watcher = nullptr;
    QTimer *m_refreshTimer = nullptr;
    QThread *m_refreshThread = nullptr;
    bool m_refreshAgain = false;
    bool m_indexLoaded = false;

    std::atomic<bool> m_markerInodeDurable = false;
#ifdef Q_OS_WIN
    std::atomic<bool> m_noHardLinks = true; // (NTFS has them; the C runtime offers no link())
#else
    std::atomic<bool> m_noHardLinks = false; ///< set when the file system refused one
#endif
};

} // namespace Core
