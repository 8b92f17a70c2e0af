// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/outbox/outbox.h"
#include "core/outbox/outboxfiles_p.h"
#include "core/outbox/sentcopystore.h"

#include "core/util/crashpoint.h"
#include "core/util/durablefile.h"
#include "core/util/digest.h"
#include "core/util/filelock.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileSystemWatcher>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSettings>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <future>

namespace Core {

namespace {

constexpr auto kSidecarFile = "state.json";
// active/<id>.dot_sent: the final "." of <id> may have been written. A file
// next to the entry rather than a sidecar rewrite: one new name in active/
// is made durable with the claim's rename by the same directory sync.
constexpr auto kDotSentSuffix = ".dot_sent";
constexpr auto kReasonFile = "reason.txt";
// active/.marker: the one inode every dot_sent marker is a name of (see
// linkDotSentMarker()). Hidden, and without the marker suffix: never
// listed as an entry or a marker.
constexpr auto kMarkerInode = "/.marker";
// What recordAccepted() learned after a 250: the sidecar keys of
// OutboxEntry::acceptedJson(), which override state.json's when the entry
// is read.
constexpr auto kAcceptedFile = "accepted.json";
// Held around every change of an entry's state, by every process.
constexpr auto kStateLockFile = "/.state.lock";

const QStringList &acceptedKeys()
{
    static const QStringList keys = OutboxEntry().acceptedJson().keys();
    return keys;
}

const QList<OutboxState> kAllStates = {OutboxState::Queued, OutboxState::Deferred,
                                       OutboxState::Active, OutboxState::Held,
                                       OutboxState::Failed, OutboxState::Sent,
                                       OutboxState::Corrupt};

/// An index map's place in Outbox::IndexMaps.
constexpr size_t slot(OutboxState state)
{
    return static_cast<size_t>(state);
}

Error cannotLock(const QString &reason)
{
    //: %1 is the system's reason
    return Error(Error::Code::WriteFailed, QCoreApplication::translate("Outbox", "The outbox cannot be locked: %1").arg(reason));
}

// What a message whose final "." may have been written is held with.
void markInDoubt(OutboxEntry &e)
{
    e.phase = OutboxPhase::InDoubt;
    e.holdReason = HoldReason::InDoubt;
    e.lastErrorCode = Error::codeName(Error::Code::InDoubt);
    e.lastErrorMessage = QCoreApplication::translate("Outbox", "Outpost stopped while this message was being "
                                                               "sent. It may have been delivered.");
}

Error notFound()
{
    return Error(Error::Code::InvalidInput, QCoreApplication::translate("Outbox", "There is no such message in the outbox."));
}

// SHA-256 and size of a file, read in blocks.
// Bodies up to this size are verified when claimed (a quick read).
constexpr qint64 kVerifyAtClaimLimit = 4 * 1024 * 1024;

Result<QPair<qint64, QByteArray>> hashFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error(Error::Code::FileUnreadable, f.errorString());
    Sha256 hash;
    qint64 size = 0;
    while (!f.atEnd()) {
        const QByteArray block = f.read(1 << 20);
        if (block.isEmpty() && f.error() != QFileDevice::NoError)
            return Error(Error::Code::FileUnreadable, f.errorString());
        hash.addData(block);
        size += block.size();
    }
    return QPair<qint64, QByteArray>(size, hash.hexResult());
}

bool removeTree(const QString &path)
{
    return QDir(path).removeRecursively();
}

} // namespace

class Outbox::StateLock final
{
    Q_DISABLE_COPY_MOVE(StateLock)
public:
    explicit StateLock(Outbox *outbox)
        : m_outbox(outbox)
        , m_result(outbox->lockState())
    {
    }
    ~StateLock()
    {
        if (m_result)
            m_outbox->unlockState();
    }
    [[nodiscard]] bool ok() const { return m_result.ok(); }
    [[nodiscard]] Error error() const { return m_result.error(); }

private:
    Outbox *m_outbox;
    Result<void> m_result;
};

Result<void> Outbox::lockState()
{
    // Re-entrant: a change may be made of others (claim() holding in doubt).
    if (m_stateLockDepth++ > 0)
        return {};
    if (!m_stateLock)
        m_stateLock = std::make_unique<FileLock>(m_root + QLatin1String(kStateLockFile));
    // Changes are short (a sidecar write and a rename): waiting is bounded.
    if (m_stateLock->lock(FileLock::Wait::Yes) != FileLock::Outcome::Acquired) {
        --m_stateLockDepth;
        return cannotLock(m_stateLock->errorString());
    }
    return {};
}

void Outbox::unlockState()
{
    if (--m_stateLockDepth > 0)
        return;
    m_stateLock->unlock();
    emitPending();
}

void Outbox::notifyChanged()
{
    m_changed = true;
    emitPending();
}

void Outbox::emitPending()
{
    // Never from under the lock: a slot may use another Outbox on this
    // thread, whose lock would wait for ours for ever.
    if (m_stateLockDepth > 0)
        return;
    const auto corrupt = std::exchange(m_corruptToReport, {});
    for (const auto &[id, reason] : corrupt)
        Q_EMIT corruptFound(id, reason);
    if (std::exchange(m_changed, false))
        Q_EMIT changed();
}

Outbox::Outbox(QString root, QObject *parent)
    : QObject(parent)
    , m_root(std::move(root))
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
}

Outbox::~Outbox()
{
    // A refresh reads with this object's paths: it ends first.
    if (m_refreshThread) {
        m_refreshThread->wait();
        delete m_refreshThread;
    }
}

QString Outbox::defaultRoot()
{
    // Local, not roaming: two machines must never share one queue.
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
        + QStringLiteral("/outbox");
}

QString Outbox::dir(OutboxState state) const
{
    return m_root + u'/' + OutboxEntry::stateName(state);
}

QString Outbox::entryDir(OutboxState state, const QString &id) const
{
    return dir(state) + u'/' + id;
}

QString Outbox::messagePath(const OutboxEntry &entry) const
{
    return entryDir(entry.state, entry.id) + u'/' + QLatin1String(kMessageFile);
}

Result<void> Outbox::open(WriteTest writeTest)
{
    // Made durably in their parents: on first use, a message reported
    // "Queued" must not vanish in a power cut with the folders made for it.
    for (OutboxState s : kAllStates) {
        if (!Durable::createDirectoryDurably(dir(s)))
            //: %1 is a folder
            return Error(Error::Code::WriteFailed,
                         QCoreApplication::translate("Outbox", "The outbox folder “%1” cannot be created.").arg(QDir::toNativeSeparators(dir(s))));
    }
    if (!Durable::createDirectoryDurably(m_root + QStringLiteral("/tmp")))
        return Error(Error::Code::WriteFailed, QCoreApplication::translate("Outbox", "The outbox folder cannot be created."));
    if (writeTest == WriteTest::FirstEnqueue)
        return {};
    // Prove it is writable now, not when the first message is at stake: in a
    // folder of tmp/ of its own, made and removed as a message's is, so that
    // a power cut or a kill in the middle leaves nothing recovery would not
    // remove, and no other process's recovery can pull it away meanwhile.
    // Nothing of it needs to survive a power cut, so nothing is synced: a
    // process that queues one message (outpost-sendmail) pays for the
    // syncs its message needs, not for this.
    PendingEntry probe(m_root + QStringLiteral("/tmp"), QStringLiteral("write-test-") + newId());
    const auto probed = [&]() -> Result<void> {
        if (!probe.create())
            return cannotWrite();
        QFile file(probe.dir() + QStringLiteral("/probe"));
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly) || file.write("ok") != 2 || !file.flush())
            return Error(Error::Code::WriteFailed, file.errorString());
        return {};
    }();
    if (!probed)
        return Error(Error::Code::WriteFailed,
                     QCoreApplication::translate("Outbox", "The outbox cannot be written, so no message could be queued safely: %1")
                         .arg(probed.error().message()));
    return {};
}

QString Outbox::newId() const
{
    // Sortable by time, unique by randomness; never reused.
    return m_clock().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")) + u'-'
        + QString::number(QRandomGenerator::system()->generate64() & 0xffffffffffffULL, 36);
}

QString Outbox::dotSentMarker(const QString &id) const
{
    return dir(OutboxState::Active) + u'/' + id + QLatin1String(kDotSentSuffix);
}

Result<void> Outbox::writeSidecar(const QString &dirPath, const OutboxEntry &entry, Durable::Sync sync) const
{
    // Never creates the folder: one moved away by another process meanwhile
    // stays moved, and this write fails (no stub holding only a sidecar).
    auto r = Durable::replaceFileInDirectory(dirPath + u'/' + QLatin1String(kSidecarFile),
                                             QJsonDocument(entry.toJson()).toJson(QJsonDocument::Indented), sync);
    if (!r)
        return r;
    // The sidecar now holds everything (the entry was read with the
    // accepted details merged in), and a later state than the record's:
    // a record left behind would override it when read.
    if (QFile::remove(dirPath + u'/' + QLatin1String(kAcceptedFile)) && sync == Durable::Sync::Full)
        return Durable::syncDirectory(dirPath);
    return r;
}

Result<OutboxEntry> Outbox::enqueueMessage(const QByteArray &head, QIODevice *input, bool dotEndsBody,
                                           Envelope envelope, const QString &accountId,
                                           const QString &subject, const EnqueueOptions &options)
{
    const QString id = newId();
    PendingEntry pending(m_root + QStringLiteral("/tmp"), id);
    if (!pending.create())
        return cannotWrite();
    const QString tmp = pending.dir();
    QFile body(tmp + u'/' + QLatin1String(kMessageFile));
    const auto fail = [&](const Error &e) {
        body.close(); // ~PendingEntry() removes the rest
        return e;
    };
    if (!body.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return fail(Error(Error::Code::WriteFailed, body.errorString()));
    HashingWriter hashed(&body);
    for (char c : head) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            envelope.needsSmtpUtf8 = true;
            envelope.needs8BitMime = true;
            break;
        }
    }
    if (hashed.write(head) != head.size())
        return fail(Error(Error::Code::WriteFailed, body.errorString()));
    // Stream the body line by line (long lines in pieces), normalising line
    // endings to CRLF, so that what is queued is exactly what every attempt
    // transmits; memory stays bounded whatever the size.
    constexpr qint64 kPiece = 64 * 1024;
    bool atLineStart = true;
    QByteArray out;
    while (true) {
        QByteArray piece = input->readLine(kPiece);
        if (piece.isEmpty())
            break;
        const bool lineEnds = piece.endsWith('\n');
        if (atLineStart && dotEndsBody && (piece == ".\n" || piece == ".\r\n" || (piece == "." && input->atEnd())))
            break;
        if (lineEnds) {
            piece.chop(1);
            if (piece.endsWith('\r'))
                piece.chop(1);
        }
        out.clear();
        out.reserve(piece.size() + 2);
        for (qsizetype i = 0; i < piece.size(); ++i) {
            const char c = piece.at(i);
            if (c == '\r') {
                out += "\r\n"; // a bare CR becomes a line break
                continue;
            }
            if (static_cast<unsigned char>(c) >= 0x80)
                envelope.needs8BitMime = true;
            out += c;
        }
        if (lineEnds)
            out += "\r\n";
        if (hashed.write(out) != out.size())
            return fail(Error(Error::Code::WriteFailed, body.errorString()));
        atLineStart = lineEnds;
    }
    if (!atLineStart && hashed.write("\r\n") != 2)
        return fail(Error(Error::Code::WriteFailed, body.errorString()));
    // Synced by finishEnqueue(), with the sidecar and the folder at once.
    if (!body.flush())
        return fail(Error(Error::Code::WriteFailed, body.errorString()));
    body.close();

    OutboxEntry entry;
    entry.id = id;
    entry.accountId = accountId;
    entry.messageId = envelope.messageId;
    entry.subject = subject;
    entry.envelope = envelope;
    entry.createdAt = m_clock();
    return finishEnqueue(pending, hashed, entry, options);
}

Result<OutboxEntry> Outbox::finishEnqueue(PendingEntry &pending, HashingWriter &hashed, OutboxEntry entry,
                                          const EnqueueOptions &options)
{
    // Size and checksum were taken while the body was written.
    entry.bodySize = hashed.written();
    entry.bodySha256 = hashed.hexResult();
    if (entry.bodySha256.isEmpty())
        return cannotWrite();
    const QString tmpDir = pending.dir();
    entry.envelope.size = entry.bodySize;
    entry.notBefore = options.notBefore;
    // Every file of the message (body, sidecar, the draft if kept) and the
    // folder's names, synced together (one wait for the disk where the file
    // system commits them at once, instead of one each): all durable
    // before the rename says "queued". The folder is this writer's alone.
    if (auto r = writeSidecar(tmpDir, entry, Durable::Sync::Later); !r)
        return r.error();
    // The "sent" record's file, empty (read as no record) until the
    // server's 250 fills it in (writeAccepted()): there now, so that a flush
    // creates no file per message. A new file is the dearest step of a
    // flush of small messages on some file systems (ext4 without a journal
    // searches its recently deleted inodes for each). Not synced: lost, it
    // is made again then.
    if (!pending.addEmptyFile(QLatin1String(kAcceptedFile)))
        qWarning("outbox: the record of a sent message cannot be prepared");
    CrashPoint::hit("enqueue-sidecar");
    QStringList files{tmpDir + u'/' + QLatin1String(kMessageFile), tmpDir + u'/' + QLatin1String(kSidecarFile)};
    if (const QString draft = tmpDir + u'/' + QLatin1String(kDraftFile); QFileInfo::exists(draft))
        files << draft;
    QStringList dirs{tmpDir};
    if (const QDir images(tmpDir + u'/' + QLatin1String(kImagesDir)); images.exists()) {
        for (const QString &name : images.entryList(QDir::Files))
            files << images.filePath(name);
        dirs << images.path();
    }
    if (auto r = Durable::syncTogether(files, dirs); !r)
        return r.error();
    CrashPoint::hit("enqueue-rename");
    // The single rename that makes it "queued", then the syncs that make
    // the rename durable. Once renamed it IS queued and will be sent: a sync
    // that fails after it cannot undo that, so it is a warning, not an error
    // (an error would keep the draft in the composer, and a second Send
    // would deliver it twice). Only a power cut before the disk writes the
    // folders could lose it.
    const auto moved = Durable::renameThenSync(tmpDir, entryDir(OutboxState::Queued, entry.id));
    if (!moved.renamed)
        return moved.renamed.error();
    pending.setCommitted();
    if (!moved.synced)
        qWarning("outbox: queued, but not confirmed durable: %s", qPrintable(moved.synced.error().message()));
    entry.state = OutboxState::Queued;
    index(entry);
    notifyChanged();
    return entry;
}

Result<OutboxEntry> Outbox::readEntry(OutboxState state, const QString &id) const
{
    const QString d = entryDir(state, id);
    QFile sidecar(d + u'/' + QLatin1String(kSidecarFile));
    if (!sidecar.open(QIODevice::ReadOnly))
        return Error(Error::Code::Corrupt, QCoreApplication::translate("Outbox", "its state file is missing"));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(sidecar.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return Error(Error::Code::Corrupt, QCoreApplication::translate("Outbox", "its state file is not valid JSON"));
    QJsonObject object = doc.object();
    // The details recorded after a 250 (recordAccepted()), when present
    // and whole; a torn or partial record (a power cut) is ignored.
    if (QFile accepted(d + u'/' + QLatin1String(kAcceptedFile)); accepted.open(QIODevice::ReadOnly)) {
        const QJsonDocument extra = QJsonDocument::fromJson(accepted.readAll(), &parseError);
        const QJsonObject fields = extra.object();
        const bool whole = parseError.error == QJsonParseError::NoError && extra.isObject()
            && std::all_of(acceptedKeys().cbegin(), acceptedKeys().cend(),
                           [&](const QString &key) { return fields.contains(key); });
        if (whole) {
            for (const QString &key : acceptedKeys())
                object.insert(key, fields.value(key));
            // (Optional: only an account that files no copy has one.)
            if (const auto decision = fields.constFind(QLatin1String(OutboxEntry::kSentCopyKey)); decision != fields.constEnd())
                object.insert(decision.key(), decision.value());
        }
    }
    auto entry = OutboxEntry::fromJson(object);
    if (!entry)
        return Error(Error::Code::Corrupt, QCoreApplication::translate("Outbox", "its state file is incomplete or of an unknown format"));
    if (entry->id != id)
        return Error(Error::Code::Corrupt, QCoreApplication::translate("Outbox", "its state file belongs to another message"));
    const QFileInfo body(d + u'/' + QLatin1String(kMessageFile));
    const bool pruned = entry->bodyRemoved && state == OutboxState::Sent; // (retention)
    if (!pruned && (!body.exists() || body.size() != entry->bodySize))
        return Error(Error::Code::Corrupt, QCoreApplication::translate("Outbox", "its message file is missing or has the wrong size"));
    if (state == OutboxState::Active
        && (entry->phase == OutboxPhase::Idle || entry->phase == OutboxPhase::Claimed)
        && QFileInfo::exists(dotSentMarker(id)))
        entry->phase = OutboxPhase::DotSent;
    entry->state = state;
    return entry;
}

void Outbox::setAsideCorrupt(OutboxState from, const QString &id, const QString &reason)
{
    const StateLock lock(this); // (without it, set aside all the same)
    setAsideOnDisk(from, id, reason);
    learnSetAside(from, id, reason);
}

void Outbox::setAsideOnDisk(OutboxState from, const QString &id, const QString &reason) const
{
    const QString target = entryDir(OutboxState::Corrupt, id);
    if (Durable::renameDurably(entryDir(from, id), target).ok()) {
        QFile note(target + u'/' + QLatin1String(kReasonFile));
        if (note.open(QIODevice::WriteOnly))
            note.write(reason.toUtf8() + '\n');
    }
}

void Outbox::learnSetAside(OutboxState from, const QString &id, const QString &reason)
{
    m_corruptToReport.append({id, reason});
    OutboxEntry known = m_index[static_cast<size_t>(from)].value(id).entry;
    known.id = id;
    known.state = OutboxState::Corrupt;
    known.lastErrorMessage = reason;
    index(known);
    notifyChanged();
}

QStringList Outbox::ids(OutboxState state) const
{
    return QDir(dir(state)).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

Result<OutboxEntry> Outbox::scanEntry(OutboxState state, const QString &id)
{
    auto e = readEntry(state, id);
    // Never guessed, never sent: set aside for the person to see — unless
    // it merely moved since it was listed (sent, taken back, retried), or
    // was read while another process changed it: read again under the lock.
    if (!e && state != OutboxState::Active && state != OutboxState::Corrupt) {
        const StateLock lock(this);
        if (QFileInfo::exists(entryDir(state, id)) && !(e = readEntry(state, id)))
            setAsideCorrupt(state, id, e.error().message());
    }
    return e;
}

QList<OutboxEntry> Outbox::entries(OutboxState state)
{
    QList<OutboxEntry> list;
    for (const QString &id : ids(state)) {
        if (state == OutboxState::Corrupt) {
            OutboxEntry e;
            e.id = id;
            e.state = state;
            QFile note(entryDir(state, id) + u'/' + QLatin1String(kReasonFile));
            if (note.open(QIODevice::ReadOnly))
                e.lastErrorMessage = QString::fromUtf8(note.readAll()).trimmed();
            list.append(e);
            continue;
        }
        auto e = scanEntry(state, id);
        if (!e)
            continue;
        list.append(e.value());
    }
    std::sort(list.begin(), list.end(), [](const OutboxEntry &a, const OutboxEntry &b) {
        return a.createdAt < b.createdAt || (a.createdAt == b.createdAt && a.id < b.id);
    });
    return list;
}

QList<OutboxEntry> Outbox::allEntries()
{
    QList<OutboxEntry> all;
    for (OutboxState s : kAllStates)
        all += entries(s);
    return all;
}

std::optional<OutboxState> Outbox::locate(const QString &id) const
{
    // An id names one directory: no separator of any platform (Windows also
    // takes '\\' and a drive's ':'), nothing hidden or relative.
    if (id.isEmpty() || id.contains(u'/') || id.contains(u'\\') || id.contains(u':') || id.startsWith(u'.'))
        return std::nullopt;
    for (OutboxState s : kAllStates) {
        if (QFileInfo::exists(entryDir(s, id)))
            return s;
    }
    return std::nullopt;
}

std::optional<OutboxEntry> Outbox::find(const QString &id)
{
    // Another process may move the entry between the folders while this
    // one looks (a claim, a send, a retry): missed by the probe, or gone
    // from the folder it was found in before its files were read. Look
    // again; only an entry that stays missing is gone. (A few probes of
    // the folders: nothing next to the sync of any move.)
    constexpr int kLooks = 16;
    std::optional<OutboxState> unreadableIn; // where the last look found it, unreadable
    for (int look = 0; look < kLooks; ++look) {
        const auto state = locate(id);
        if (!state) {
            if (look < 4)
                continue; // moved on between two probes, or was removed
            return std::nullopt;
        }
        if (*state == OutboxState::Corrupt) {
            OutboxEntry e;
            e.id = id;
            e.state = OutboxState::Corrupt;
            return e;
        }
        if (auto e = readEntry(*state, id))
            return e.value();
        if (QFileInfo::exists(entryDir(*state, id))) {
            // Unreadable twice in a row in the same folder: not a move. (Not
            // "in any folder": one that moved away while it was read and
            // back again is still there, and was lost.)
            if (unreadableIn == state)
                return std::nullopt;
            unreadableIn = state;
        } else {
            unreadableIn.reset();
        }
    }
    return std::nullopt;
}

Result<void> Outbox::moveEntry(const QString &id, OutboxState from, OutboxState to, Durable::Sync sync) const
{
    if (from == to)
        return {};
    return sync == Durable::Sync::Full ? Durable::renameDurably(entryDir(from, id), entryDir(to, id))
                                       : Durable::renameAtomically(entryDir(from, id), entryDir(to, id));
}

Result<QStringList> Outbox::recover()
{
    const StateLock lock(this);
    if (!lock.ok())
        return lock.error();
    QStringList report;
    // tmp/: never acknowledged as queued, the draft still exists — but only
    // what no writer holds any more: another process may be writing there
    // now (outpost-sendmail reading a slow pipe). Its lock is the proof.
    const QDir tmp(m_root + QStringLiteral("/tmp"));
    for (const QString &name : tmp.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        FileLock writer(tmp.filePath(name + QLatin1String(kWriterLockSuffix)));
        if (writer.lock(FileLock::Wait::No) != FileLock::Outcome::Acquired)
            continue;
        removeTree(tmp.filePath(name));
        writer.removeAndUnlock();
    }
    // Locks whose writer died before making its folder or after moving it.
    for (const QString &name : tmp.entryList({QLatin1String("*") + QLatin1String(kWriterLockSuffix)}, QDir::Files)) {
        FileLock writer(tmp.filePath(name));
        if (!tmp.exists(name.chopped(static_cast<qsizetype>(qstrlen(kWriterLockSuffix))))
            && writer.lock(FileLock::Wait::No) == FileLock::Outcome::Acquired)
            writer.removeAndUnlock();
    }
    // active/: an attempt was interrupted.
    const QStringList active = QDir(dir(OutboxState::Active)).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &id : active) {
        auto e = readEntry(OutboxState::Active, id);
        if (!e) {
            setAsideCorrupt(OutboxState::Active, id, e.error().message());
            continue;
        }
        OutboxState target = OutboxState::Queued;
        switch (e->phase) {
        case OutboxPhase::Idle:
        case OutboxPhase::Claimed:
            // Nothing reached the server past DATA: safe to try again.
            break;
        case OutboxPhase::DotSent:
        case OutboxPhase::InDoubt:
            // The final "." may have been written: never resent by itself.
            target = OutboxState::Held;
            e->phase = OutboxPhase::InDoubt;
            e->holdReason = HoldReason::InDoubt;
            e->lastErrorCode = Error::codeName(Error::Code::InDoubt);
            e->lastErrorMessage = QCoreApplication::translate("Outbox", "Outpost stopped while this message was being sent. It "
                                           "may have been delivered.");
            report << id;
            break;
        case OutboxPhase::Accepted:
            target = OutboxState::Sent;
            break;
        }
        if (target == OutboxState::Queued)
            e->phase = OutboxPhase::Idle;
        if (auto r = writeSidecar(entryDir(OutboxState::Active, id), e.value()); !r)
            return r.error();
        if (auto r = moveEntry(id, OutboxState::Active, target); !r)
            return r.error();
        QFile::remove(dotSentMarker(id));
    }
    if (auto r = clearOrphanMarkers(); !r)
        return r.error();
    notifyChanged();
    return report;
}

Result<OutboxEntry> Outbox::holdInDoubt(const QString &id)
{
    auto held = transition(id, OutboxState::Held, markInDoubt);
    if (held) // recorded durably in the sidecar: the marker has done its job
        QFile::remove(dotSentMarker(id));
    return held;
}

Result<void> Outbox::clearOrphanMarkers()
{
    const StateLock lock(this);
    if (!lock.ok())
        return lock.error();
    const QDir activeDir(dir(OutboxState::Active));
    const QStringList markers
        = activeDir.entryList(QStringList{QStringLiteral("*") + QLatin1String(kDotSentSuffix)}, QDir::Files);
    QStringList orphans;
    for (const QString &name : markers) {
        const QString id = name.chopped(static_cast<qsizetype>(qstrlen(kDotSentSuffix)));
        if (QFileInfo::exists(entryDir(OutboxState::Sent, id))) { // the usual case
            orphans << name;
            continue;
        }
        if (activeDir.exists(id))
            continue;
        // Waiting to be sent again while its dot may have gone out: only a
        // claim's rename lost in a power cut leaves this. Held, in doubt.
        if (const auto state = locate(id); state == OutboxState::Queued || state == OutboxState::Deferred) {
            if (auto r = holdInDoubt(id); !r)
                return r.error();
            continue;
        }
        orphans << name;
    }
    if (orphans.isEmpty())
        return {};
    // Their entries left active/ for sent/ without waiting for the disk
    // (every other move out of active/ is synced): make that durable
    // before the markers go.
    for (const OutboxState s : {OutboxState::Sent, OutboxState::Active}) {
        if (auto r = Durable::syncDirectory(dir(s)); !r)
            return r;
    }
    for (const QString &name : std::as_const(orphans))
        QFile::remove(activeDir.filePath(name));
    return {};
}

Result<OutboxEntry> Outbox::claim(const QString &id)
{
    Q_ASSERT(m_stateLockDepth == 0); // (claimOnDisk() takes the state lock through a lock of its own)
    const Claim claimed = claimOnDisk(id);
    learnClaim(claimed);
    return claimed.entry;
}

Outbox::Claim Outbox::claimOnDisk(const QString &id) const
{
    Claim claim{id, OutboxState::Queued, notFound(), std::nullopt, {}};
    // An open file of its own: flock() excludes this Outbox's StateLock,
    // held on another thread, as it excludes another process's.
    FileLock lock(m_root + QLatin1String(kStateLockFile));
    if (lock.lock(FileLock::Wait::Yes) != FileLock::Outcome::Acquired) {
        claim.entry = cannotLock(lock.errorString());
        return claim;
    }
    const auto state = locate(id);
    if (!state || (*state != OutboxState::Queued && *state != OutboxState::Deferred))
        return claim;
    claim.from = *state;
    auto e = readEntry(*state, id);
    if (!e) {
        claim.setAsideReason = e.error().message();
        setAsideOnDisk(*state, id, claim.setAsideReason);
        claim.entry = e.error();
        return claim;
    }
    if (e->phase == OutboxPhase::DotSent || e->phase == OutboxPhase::InDoubt || QFileInfo::exists(dotSentMarker(id))) {
        // Its final "." may have been written (a file system that lost the
        // claim's rename but kept the mark): never sent again by itself.
        auto held = transitionOnDisk(*state, id, OutboxState::Held, markInDoubt, Durable::Sync::Full);
        if (!held) {
            claim.entry = held.error();
            return claim;
        }
        QFile::remove(dotSentMarker(id)); // (recorded durably in the sidecar: the marker has done its job)
        claim.entry = Error(Error::Code::InDoubt, held->lastErrorMessage);
        claim.heldInDoubt = std::move(held.value());
        return claim;
    }
    // Small bodies are checked here; big ones while they stream to the
    // server (SmtpMessage::expectedSha256Hex), so that claiming a 200 MB
    // message does not take a second full read.
    Result<QPair<qint64, QByteArray>> hashed = e->bodySize <= kVerifyAtClaimLimit
        ? hashFile(entryDir(*state, id) + u'/' + QLatin1String(kMessageFile))
        : Result<QPair<qint64, QByteArray>>(QPair<qint64, QByteArray>(e->bodySize, e->bodySha256));
    if (!hashed || hashed->first != e->bodySize || hashed->second != e->bodySha256) {
        claim.setAsideReason = QCoreApplication::translate("Outbox", "its message file does not match its checksum");
        setAsideOnDisk(*state, id, claim.setAsideReason);
        claim.entry = Error(Error::Code::Corrupt, claim.setAsideReason);
        return claim;
    }
    // Tests: OUTPOST_TEST_CLAIM_DELAY_MS makes the claim that slow, as
    // finding, reading and renaming an entry on a loaded disk can be, to
    // show which thread waits for it.
    if (const int ms = qEnvironmentVariableIntValue("OUTPOST_TEST_CLAIM_DELAY_MS"); ms > 0)
        QThread::msleep(static_cast<unsigned long>(ms));
    // The attempt is recorded by the transition that ends it; the claim is a
    // rename only (see claim() in outbox.h for why it need not be synced).
    if (auto r = moveEntry(id, *state, OutboxState::Active, Durable::Sync::ContentOnly); !r) {
        claim.entry = r.error();
        return claim;
    }
    CrashPoint::hit("claim");
    e->state = OutboxState::Active;
    claim.entry = std::move(e);
    return claim;
}

void Outbox::learnClaim(const Claim &claim)
{
    if (!claim.setAsideReason.isEmpty()) {
        learnSetAside(claim.from, claim.id, claim.setAsideReason);
        return;
    }
    if (claim.entry)
        index(claim.entry.value());
    else if (claim.heldInDoubt)
        index(*claim.heldInDoubt);
    else
        return; // nothing changed
    notifyChanged();
}

bool Outbox::linkDotSentMarker(const QString &id)
{
    // Every marker is another name of one empty file, active/.marker, made
    // durable once: a new name for an inode already on disk needs only its
    // directory synced, where a new file needs its own inode written too.
    // That is one cache flush per message instead of two, on the path of
    // every final dot. Where hard links are not to be had (Windows, FAT),
    // markDotSent() makes a file of its own.
    if (m_noHardLinks)
        return false;
    const QString marker = dotSentMarker(id);
    const QString shared = dir(OutboxState::Active) + QLatin1String(kMarkerInode);
    if (!m_markerInodeDurable) {
        QFile file(shared);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Append) || !Durable::syncFile(file).ok())
            return false;
        m_markerInodeDurable = true;
    }
    switch (Durable::hardLink(shared, marker)) {
    case Durable::LinkResult::Linked:
        return true;
    case Durable::LinkResult::Unsupported:
        m_noHardLinks = true;
        return false;
    case Durable::LinkResult::Failed:
        break;
    }
    // Already marked (a second call for the same attempt): still the record.
    if (QFileInfo::exists(marker))
        return true;
    m_markerInodeDurable = false; // .marker gone? made again next time
    return false;
}

Result<void> Outbox::markDotSent(const QString &id)
{
    if (auto r = writeDotSentMarker(id); !r)
        return r;
    if (auto r = Durable::syncDirectory(dotSentDirectory()); !r)
        return r;
    CrashPoint::hit("dot-sent");
    return {};
}

Result<void> Outbox::writeDotSentMarker(const QString &id)
{
    if (!QFileInfo(entryDir(OutboxState::Active, id)).isDir())
        return notFound();
    // The marker's content is irrelevant, its name is the record: its inode
    // on disk (synced itself, or shared and synced once) and its name
    // through active/ (dotSentDirectory(), synced by the caller), which
    // also makes the claim's rename of the entry into active/ durable.
    if (!linkDotSentMarker(id)) {
        QFile marker(dotSentMarker(id));
        if (!marker.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return Error(Error::Code::WriteFailed, marker.errorString());
        if (auto r = Durable::syncFile(marker); !r)
            return r;
        marker.close();
    }
    // (A file system that then loses the claim's rename and brings the entry
    // back to queued/ leaves this marker next to nothing in active/: such an
    // entry is held as in doubt, see claim() and clearOrphanMarkers().)
    return {};
}

QString Outbox::dotSentDirectory() const
{
    return dir(OutboxState::Active);
}

Result<OutboxEntry> Outbox::transition(const QString &id, OutboxState target,
                                       const std::function<void(OutboxEntry &)> &update, Durable::Sync sync)
{
    // From locating the entry to moving it: no other change in between.
    const StateLock lock(this);
    if (!lock.ok())
        return lock.error();
    const auto state = locate(id);
    if (!state || *state == OutboxState::Corrupt)
        return notFound();
    auto e = transitionOnDisk(*state, id, target, update, sync);
    if (e) {
        index(e.value());
        notifyChanged();
    }
    return e;
}

Result<OutboxEntry> Outbox::transitionOnDisk(OutboxState from, const QString &id, OutboxState target,
                                             const std::function<void(OutboxEntry &)> &update, Durable::Sync sync) const
{
    auto e = readEntry(from, id);
    if (!e)
        return e.error();
    if (update)
        update(e.value());
    if (auto r = writeSidecar(entryDir(from, id), e.value(), sync); !r)
        return r.error();
    // The sidecar now records the phase (durably, with Sync::Full): the
    // marker can go before the move, so that no marker outlives its entry's
    // stay in active/ except after a "sent" move, which is not waited for:
    // that marker stays until the move is durable, or a power cut could keep
    // the unlink, lose the move, and leave the entry in active/ looking
    // unsent (clearOrphanMarkers()).
    if (from == OutboxState::Active && target != OutboxState::Active && sync == Durable::Sync::Full)
        QFile::remove(dotSentMarker(id));
    if (auto r = moveEntry(id, from, target, sync); !r)
        return r.error();
    e->state = target;
    return e;
}

Result<void> Outbox::recordAccepted(const QString &id, const std::function<void(OutboxEntry &)> &update)
{
    if (auto r = writeAccepted(id, update); !r)
        return r;
    learnAccepted(id, update);
    return {};
}

Result<void> Outbox::writeAccepted(const QString &id, const std::function<void(OutboxEntry &)> &update) const
{
    // No .state.lock (docs/design/OUTBOX.md, rule 3): an entry in active/
    // is changed only by the flusher that claimed it, every other change
    // refuses it, and the details are written before the move, so a reader
    // sees the entry whole in either folder.
    const QString d = entryDir(OutboxState::Active, id);
    OutboxEntry details;
    details.phase = OutboxPhase::Accepted;
    if (update)
        update(details);
    const QJsonObject fields = details.acceptedJson();
    // (Into the empty file made when it was queued, if it is still there.)
    QFile file(d + u'/' + QLatin1String(kAcceptedFile));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Error(Error::Code::WriteFailed, file.errorString());
    const QByteArray json = QJsonDocument(fields).toJson(QJsonDocument::Compact);
    if (file.write(json) != json.size())
        return Error(Error::Code::WriteFailed, file.errorString());
    file.close();
    // Tests: OUTPOST_TEST_RECORD_DELAY_MS makes this record that slow, as a
    // rename on a loaded disk can be, to show which thread waits for it.
    if (const int ms = qEnvironmentVariableIntValue("OUTPOST_TEST_RECORD_DELAY_MS"); ms > 0)
        QThread::msleep(static_cast<unsigned long>(ms));
    // The dot_sent marker stays until this move is durable (clearOrphanMarkers()).
    return Durable::renameAtomically(d, entryDir(OutboxState::Sent, id));
}

void Outbox::learnAccepted(const QString &id, const std::function<void(OutboxEntry &)> &update)
{
    if (isWatching()) {
        // The entry as claimed, or as the watcher read it in sent/ when its
        // refresh came first (the record's group can end well after the
        // rename): either way whole, with its subject and recipients.
        std::optional<OutboxEntry> known;
        for (const OutboxState s : {OutboxState::Active, OutboxState::Sent}) {
            if (const auto it = m_index[slot(s)].constFind(id); !known && it != m_index[slot(s)].cend())
                known = it->entry;
        }
        if (!known) { // (neither: read from the disk, where it is whole)
            auto read = readEntry(OutboxState::Sent, id);
            known = read ? read.value() : OutboxEntry();
        }
        OutboxEntry sent = *known;
        sent.id = id;
        if (update)
            update(sent);
        sent.phase = OutboxPhase::Accepted;
        sent.state = OutboxState::Sent;
        index(sent);
    }
    notifyChanged();
}

Result<void> Outbox::retry(const QString &id)
{
    const StateLock lock(this);
    if (!lock.ok())
        return lock.error();
    const auto state = locate(id);
    if (!state || *state == OutboxState::Active || *state == OutboxState::Sent || *state == OutboxState::Corrupt)
        return notFound();
    auto current = find(id);
    if (current && current->phase == OutboxPhase::InDoubt)
        return Error(Error::Code::InvalidInput,
                     QCoreApplication::translate("Outbox", "This message may already have been delivered. Choose “Send again” "
                              "to send it anyway, or “Mark as sent”."));
    auto r = transition(id, OutboxState::Queued, [this](OutboxEntry &e) {
        e.nextAttemptAt = {};
        e.notBefore = {};
        e.holdReason = HoldReason::None;
        e.phase = OutboxPhase::Idle;
        e.expired = false;
        e.firstAttemptAt = {}; // the person asked: a new lifetime
        e.createdAt = e.createdAt.isValid() ? e.createdAt : m_clock();
    });
    return r ? Result<void>() : Result<void>(r.error());
}

Result<void> Outbox::markSent(const QString &id)
{
    const StateLock lock(this);
    if (!lock.ok())
        return lock.error();
    const auto state = locate(id);
    if (!state || *state != OutboxState::Held)
        return notFound();
    auto r = transition(id, OutboxState::Sent, [this](OutboxEntry &e) {
        e.phase = OutboxPhase::Accepted;
        e.holdReason = HoldReason::None;
        e.acceptedAt = m_clock();
        e.acceptedReply = QCoreApplication::translate("Outbox", "Marked as sent by you");
    });
    return r ? Result<void>() : Result<void>(r.error());
}

Result<void> Outbox::sendAgain(const QString &id)
{
    const StateLock lock(this);
    if (!lock.ok())
        return lock.error();
    const auto state = locate(id);
    if (!state || *state != OutboxState::Held)
        return notFound();
    auto r = transition(id, OutboxState::Queued, [](OutboxEntry &e) {
        e.phase = OutboxPhase::Idle;
        e.holdReason = HoldReason::None;
        e.nextAttemptAt = {};
        e.firstAttemptAt = {};
        e.expired = false;
    });
    return r ? Result<void>() : Result<void>(r.error());
}

Result<void> Outbox::remove(const QString &id)
{
    const StateLock lock(this);
    if (!lock.ok())
        return lock.error();
    const auto state = locate(id);
    if (!state)
        return notFound();
    if (*state == OutboxState::Active)
        return Error(Error::Code::InvalidInput,
                     QCoreApplication::translate("Outbox", "The message is being sent right now and cannot be removed."));
    // Rename out of the state directories first: a half-removed entry must
    // never look like a message to send.
    const QString trash = m_root + QStringLiteral("/tmp/removed-") + id;
    if (auto r = Durable::renameDurably(entryDir(*state, id), trash); !r)
        return r;
    removeTree(trash);
    unindex(id);
    notifyChanged();
    return {};
}

Result<Draft> Outbox::takeBack(const QString &id, const KeepImages &keepImages)
{
    const StateLock lock(this);
    if (!lock.ok())
        return lock.error();
    const auto state = locate(id);
    if (!state || *state != OutboxState::Queued)
        return Error(Error::Code::InvalidInput, QCoreApplication::translate("Outbox", "The message is no longer waiting and cannot be taken back."));
    auto e = readEntry(*state, id);
    if (!e)
        return e.error();
    if (!e->notBefore.isValid() || e->notBefore <= m_clock())
        return Error(Error::Code::InvalidInput, QCoreApplication::translate("Outbox", "The message is already due and cannot be taken back."));
    return leaveWithDraft(*state, id, keepImages);
}

Result<Draft> Outbox::takeBackForEdit(const QString &id, const KeepImages &keepImages)
{
    const StateLock lock(this);
    if (!lock.ok())
        return lock.error();
    const auto state = locate(id);
    if (!state || *state == OutboxState::Active || *state == OutboxState::Sent || *state == OutboxState::Corrupt)
        return Error(Error::Code::InvalidInput,
                     QCoreApplication::translate("Outbox", "Only a message that is waiting, held or failed can be edited."));
    auto e = readEntry(*state, id);
    if (!e)
        return e.error();
    if (e->holdReason == HoldReason::InDoubt)
        return Error(Error::Code::InvalidInput,
                     QCoreApplication::translate("Outbox", "This message may already have been delivered: mark it as sent, or send it again."));
    return leaveWithDraft(*state, id, keepImages);
}

Result<Draft> Outbox::leaveWithDraft(OutboxState state, const QString &id, const KeepImages &keepImages)
{
    const QString d = entryDir(state, id);
    QFile draftFile(d + u'/' + QLatin1String(kDraftFile));
    if (!draftFile.open(QIODevice::ReadOnly))
        return Error(Error::Code::InvalidInput, QCoreApplication::translate("Outbox", "This message has no draft to go back to."));
    Draft draft = Draft::fromJson(QJsonDocument::fromJson(draftFile.readAll()).object());
    draftFile.close();
    // The images are files of the entry (kImagesDir): out of it before it goes.
    if (!draft.inlineImages.isEmpty()) {
        if (!keepImages)
            return Error(Error::Code::Internal, QStringLiteral("the draft's images have nowhere to go"));
        // Only the entry's own copies (images/...) are relative to it; an
        // entry queued before they were kept names the file as the command
        // that queued it was given it (relative to its working directory).
        const QString ownImages = QLatin1String(kImagesDir) + u'/';
        for (InlineImage &image : draft.inlineImages) {
            if (QDir::isRelativePath(image.path) && image.path.startsWith(ownImages))
                image.path = d + u'/' + image.path;
        }
        if (auto r = keepImages(draft); !r)
            return r.error();
    }
    // Out of the outbox first (one atomic rename): from here on it cannot be sent.
    if (auto r = remove(id); !r)
        return r.error();
    return draft;
}

QMap<OutboxState, int> Outbox::counts()
{
    QMap<OutboxState, int> result;
    for (OutboxState s : kAllStates)
        result.insert(s, static_cast<int>(QDir(dir(s)).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size()));
    return result;
}

// --- the index --------------------------------------------------------------

namespace {
qint64 sidecarMtime(const QString &entryDir)
{
    return QFileInfo(entryDir + u'/' + QLatin1String(kSidecarFile)).lastModified().toMSecsSinceEpoch();
}
} // namespace

/// One comparison of the folders with what the index knew, made on a worker
/// thread: the known maps go in (shared, not copied), the new ones come out.
struct Outbox::Refresh
{
    IndexMaps known;
    IndexMaps result;
    quint64 startRevision = 0;
    bool changedAny = false;
};

void Outbox::index(const OutboxEntry &entry)
{
    if (!isWatching())
        return; // (read from the disk each time, see indexed())
    forgetIndexed(entry.id);
    Indexed &item = m_index[slot(entry.state)][entry.id];
    item.entry = entry;
    item.revision = ++m_revision;
    // (sent/ and corrupt/ entries are never read again: no stat for them)
    item.sidecarMtime = entry.state == OutboxState::Corrupt || entry.state == OutboxState::Sent
        ? 0
        : sidecarMtime(entryDir(entry.state, entry.id));
    m_touched.insert(entry.id, m_revision);
}

void Outbox::forgetIndexed(const QString &id)
{
    // Only the map that holds it: a map shared with a running refresh is
    // copied on its first change, and sent/'s is the big one.
    for (IndexMap &map : m_index) {
        if (map.contains(id))
            map.remove(id);
    }
}

void Outbox::unindex(const QString &id)
{
    if (!isWatching())
        return;
    forgetIndexed(id);
    m_touched.insert(id, ++m_revision);
}

void Outbox::learn(const OutboxEntry &entry)
{
    index(entry);
    notifyChanged();
}

void Outbox::watch()
{
    if (m_watcher)
        return;
    m_watcher = new QFileSystemWatcher(this);
    for (OutboxState s : kAllStates)
        m_watcher->addPath(dir(s));
    // Renames into and out of a state folder change its listing; a burst of
    // them (a pass) is compared once.
    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(200);
    connect(m_refreshTimer, &QTimer::timeout, this, &Outbox::startRefresh);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, [this] {
        if (!m_refreshTimer->isActive())
            m_refreshTimer->start(); // (not restarted: a long burst is still followed)
    });
    startRefresh();
}

const Outbox::IndexMap &Outbox::indexed(OutboxState state)
{
    if (!isWatching()) {
        bool changedAny = false;
        m_index[slot(state)] = readState(state, m_index[slot(state)], &changedAny);
        for (Indexed &item : m_index[slot(state)]) {
            if (item.revision == 0)
                item.revision = ++m_revision; // read anew
        }
    }
    return m_index[slot(state)];
}

std::optional<OutboxEntry> Outbox::indexedEntry(const QString &id) const
{
    if (!isWatching())
        return std::nullopt;
    for (const IndexMap &map : m_index) {
        if (const auto it = map.constFind(id); it != map.cend())
            return it->entry;
    }
    return std::nullopt;
}

Outbox::IndexMap Outbox::readState(OutboxState state, const IndexMap &known, bool *changedAny) const
{
    // Only what is new here or was rewritten (its sidecar's time) is read;
    // sent/ and corrupt/ entries never change in place but by retention.
    IndexMap result;
    for (const QString &id : ids(state)) {
        const QString d = entryDir(state, id);
        const auto was = known.constFind(id);
        if (was != known.cend()) {
            if (state == OutboxState::Sent || state == OutboxState::Corrupt || was->sidecarMtime == sidecarMtime(d)) {
                result.insert(id, *was);
                continue;
            }
        }
        Indexed item;
        if (state == OutboxState::Corrupt) {
            item.entry.id = id;
            QFile note(d + u'/' + QLatin1String(kReasonFile));
            if (note.open(QIODevice::ReadOnly))
                item.entry.lastErrorMessage = QString::fromUtf8(note.read(4096)).trimmed();
        } else {
            auto e = readEntry(state, id);
            if (!e)
                continue; // damaged, or caught in the middle of a change: the flusher sets it aside
            item.entry = e.value();
            item.sidecarMtime = sidecarMtime(d);
        }
        item.entry.state = state;
        result.insert(id, item);
        *changedAny = true;
    }
    if (result.size() != known.size())
        *changedAny = true;
    return result;
}

void Outbox::startRefresh()
{
    if (m_refreshThread) {
        m_refreshAgain = true;
        return;
    }
    auto refresh = std::make_shared<Refresh>();
    refresh->known = m_index;
    refresh->startRevision = m_revision;
    m_refreshThread = QThread::create([this, refresh] {
        // sent/, the bulk of a big outbox, is read beside the rest: on a
        // first load that halves the wait on two cores.
        bool sentChanged = false;
        auto sent = std::async(std::launch::async, [&] {
            return readState(OutboxState::Sent, refresh->known[slot(OutboxState::Sent)], &sentChanged);
        });
        for (OutboxState s : kAllStates) {
            if (s != OutboxState::Sent)
                refresh->result[slot(s)] = readState(s, refresh->known[slot(s)], &refresh->changedAny);
        }
        refresh->result[slot(OutboxState::Sent)] = sent.get();
        refresh->changedAny = refresh->changedAny || sentChanged;
    });
    connect(m_refreshThread, &QThread::finished, this, [this, refresh] {
        m_refreshThread->deleteLater();
        m_refreshThread = nullptr;
        applyRefresh(refresh);
        if (std::exchange(m_refreshAgain, false))
            startRefresh();
    });
    m_refreshThread->start(QThread::LowPriority);
}

void Outbox::applyRefresh(const std::shared_ptr<Refresh> &refresh)
{
    IndexMaps next = std::move(refresh->result);
    bool changedAny = refresh->changedAny;
    // What changed here while the worker read is newer than what it saw.
    for (auto it = m_touched.cbegin(); it != m_touched.cend(); ++it) {
        if (it.value() <= refresh->startRevision)
            continue;
        for (IndexMap &map : next)
            map.remove(it.key());
        for (OutboxState s : kAllStates) {
            if (const auto here = m_index[slot(s)].constFind(it.key()); here != m_index[slot(s)].cend())
                next[slot(s)].insert(it.key(), *here);
        }
        changedAny = true;
    }
    // Read anew: a new revision, so that views redraw them.
    for (IndexMap &map : next) {
        for (Indexed &item : map) {
            if (item.revision == 0)
                item.revision = ++m_revision;
        }
    }
    m_index = std::move(next);
    m_touched.clear(); // (one refresh at a time: nothing older is pending)
    const bool first = !std::exchange(m_indexLoaded, true);
    if (changedAny || first)
        notifyChanged();
    if (first)
        Q_EMIT indexLoaded();
}

// --- retention ----------------------------------------------------------------

int Outbox::keepSentBodiesDays(const QString &settingsFile)
{
    bool ok = false;
    const int days = QSettings(settingsFile, QSettings::IniFormat)
                         .value(QLatin1String(kKeepSentBodiesKey), kKeepSentBodiesDefaultDays)
                         .toInt(&ok);
    return ok && days >= 0 ? days : kKeepSentBodiesDefaultDays;
}

Result<int> Outbox::pruneSentBodies(const QDateTime &cutoff)
{
    // Ids begin with their creation time (newId()): a message created after
    // the cutoff was accepted after it too, and is not even read.
    const QString newest = cutoff.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
    int pruned = 0;
    const SentCopyStore copies(root());
    for (const QString &id : ids(OutboxState::Sent)) {
        if (id >= newest)
            break; // (name order is creation order)
        const QString d = entryDir(OutboxState::Sent, id);
        if (!QFileInfo::exists(d + u'/' + QLatin1String(kMessageFile)))
            continue; // pruned before
        const StateLock lock(this);
        if (!lock.ok())
            return lock.error();
        // Under the lock, as every change: it may have moved meanwhile.
        auto e = readEntry(OutboxState::Sent, id);
        // (A record torn by a power cut has no time: its creation counts.)
        const QDateTime sentAt = e ? (e->acceptedAt.isValid() ? e->acceptedAt : e->createdAt) : QDateTime();
        if (!e || sentAt >= cutoff)
            continue;
        if (copies.keepsBody(id, sentAt))
            continue; // its copy in the Sent folder is still to be filed (or decided): what was sent is filed
        // The record first (durably): a crash between the two leaves a
        // record that says "removed" next to a body still there, never a
        // record whose body is missing unexplained (which reads as damaged).
        e->bodyRemoved = true;
        if (auto r = writeSidecar(d, e.value()); !r)
            return r.error();
        QFile::remove(d + u'/' + QLatin1String(kMessageFile));
        QFile::remove(d + u'/' + QLatin1String(kDraftFile));
        QDir(d + u'/' + QLatin1String(kImagesDir)).removeRecursively();
        index(e.value());
        ++pruned;
    }
    if (pruned > 0)
        notifyChanged();
    return pruned;
}

} // namespace Core
