// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/outbox/sentcopystore.h"

#include "core/outbox/outboxentry.h"

#include "core/util/durablefile.h"
#include "core/util/filelock.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>

namespace Core {

namespace {

constexpr auto kSentDir = "/sent/";
// The outbox's lock around every change of an entry (docs/design/OUTBOX.md).
constexpr auto kStateLockFile = "/.state.lock";
// When the step first ran in this outbox: messages sent before get no copy.
constexpr auto kSinceFile = "/.sent_copy_since";
// The ids whose copies are settled (done, skipped, from before): one per line.
constexpr auto kSettledFile = "/.sent_copy_settled";
// Read in full: 32 octets per sent message, a few MB after many years.
constexpr qint64 kMaxSettledSize = 256 * 1024 * 1024;
// The outbox entry's own records, for the time it was sent.
constexpr auto kEntryFile = "state.json";
constexpr auto kAcceptedFile = "accepted.json";
constexpr qint64 kMaxEntrySize = 1024 * 1024;
// How an id begins: its creation time (UTC), so that ids sort by it.
constexpr auto kIdTimeFormat = "yyyyMMdd-HHmmss-zzz";
// A record is a few hundred bytes; anything far larger is not ours.
constexpr qint64 kMaxRecordSize = 64 * 1024;

const char *const kStateNames[] = {"pending", "done", "skipped", "failed"};

QString iso(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime fromIso(const QJsonValue &v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}

/// Holds the outbox's state lock for a scope.
class StateLock final
{
    Q_DISABLE_COPY_MOVE(StateLock)
public:
    explicit StateLock(const QString &root)
        : m_lock(root + QLatin1String(kStateLockFile))
        , m_held(m_lock.lock(FileLock::Wait::Yes) == FileLock::Outcome::Acquired)
    {
    }
    ~StateLock()
    {
        if (m_held)
            m_lock.unlock();
    }
    [[nodiscard]] bool held() const { return m_held; }

private:
    FileLock m_lock;
    bool m_held;
};

Error cannotRecord()
{
    return Error(Error::Code::WriteFailed,
                 QCoreApplication::translate("Outbox", "The state of the copy in the Sent folder cannot be recorded."));
}

} // namespace

QJsonObject SentCopyStatus::toJson() const
{
    QJsonObject o{{QStringLiteral("state"), stateName(state)},
                  {QStringLiteral("code"), code},
                  {QStringLiteral("reason"), reason},
                  {QStringLiteral("server_text"), serverText},
                  {QStringLiteral("folder"), folder},
                  {QStringLiteral("attempts"), attempts},
                  {QStringLiteral("first_attempt_at"), iso(firstAttemptAt)},
                  {QStringLiteral("next_attempt_at"), iso(nextAttemptAt)},
                  {QStringLiteral("create_folder"), createFolder}};
    if (certificate)
        o.insert(QStringLiteral("certificate"), QJsonObject{{QStringLiteral("host"), certificate->host},
                                                            {QStringLiteral("port"), certificate->port},
                                                            {QStringLiteral("sha256"), QString::fromLatin1(certificate->sha256)},
                                                            {QStringLiteral("pem"), QString::fromLatin1(certificate->pem)}});
    return o;
}

std::optional<SentCopyStatus> SentCopyStatus::fromJson(const QJsonObject &json)
{
    SentCopyStatus s;
    const QString name = json.value(QStringLiteral("state")).toString();
    bool known = false;
    for (int i = 0; i < 4; ++i) {
        if (name == QLatin1String(kStateNames[i])) {
            s.state = static_cast<State>(i);
            known = true;
        }
    }
    if (!known)
        return std::nullopt;
    s.code = json.value(QStringLiteral("code")).toString();
    s.reason = json.value(QStringLiteral("reason")).toString();
    s.serverText = json.value(QStringLiteral("server_text")).toString();
    s.folder = json.value(QStringLiteral("folder")).toString();
    s.attempts = json.value(QStringLiteral("attempts")).toInt();
    s.firstAttemptAt = fromIso(json.value(QStringLiteral("first_attempt_at")));
    s.nextAttemptAt = fromIso(json.value(QStringLiteral("next_attempt_at")));
    s.createFolder = json.value(QStringLiteral("create_folder")).toBool();
    if (const QJsonObject c = json.value(QStringLiteral("certificate")).toObject(); !c.isEmpty()) {
        const int port = c.value(QStringLiteral("port")).toInt();
        SentCopyStatus::Certificate certificate{c.value(QStringLiteral("host")).toString(), static_cast<quint16>(port),
                                                c.value(QStringLiteral("sha256")).toString().toLatin1(),
                                                c.value(QStringLiteral("pem")).toString().toLatin1()};
        if (!certificate.host.isEmpty() && port > 0 && port <= 65535 && !certificate.sha256.isEmpty())
            s.certificate = std::move(certificate);
    }
    return s;
}

QString SentCopyStatus::stateName(State state)
{
    return QLatin1String(kStateNames[static_cast<int>(state)]);
}

SentCopyStore::SentCopyStore(QString outboxRoot)
    : m_root(std::move(outboxRoot))
{
}

QString SentCopyStore::entryDir(const QString &id) const
{
    return m_root + QLatin1String(kSentDir) + id;
}

namespace {
/// A top-level value of one of the entry's own files (bounded read), or
/// undefined.
QJsonValue fileValue(const QString &entryDir, const char *file, QLatin1String key)
{
    QFile f(entryDir + u'/' + QLatin1String(file));
    if (!f.open(QIODevice::ReadOnly) || f.size() > kMaxEntrySize)
        return QJsonValue(QJsonValue::Undefined);
    return QJsonDocument::fromJson(f.read(kMaxEntrySize)).object().value(key);
}

std::optional<SentCopyStatus> readRecord(const QString &entryDir)
{
    QFile f(entryDir + u'/' + QLatin1String(SentCopyStore::kFileName));
    if (f.open(QIODevice::ReadOnly)) {
        if (f.size() > kMaxRecordSize)
            return std::nullopt;
        const QJsonDocument doc = QJsonDocument::fromJson(f.read(kMaxRecordSize));
        return doc.isObject() ? SentCopyStatus::fromJson(doc.object()) : std::nullopt;
    }
    // No record of its own: an account that files no copy has the decision
    // taken at the server's 250 kept with the entry (OutboxEntry::
    // sentCopyDecision), in its accepted.json or, once folded in, its
    // state.json; no file per message for it.
    for (const char *file : {kAcceptedFile, kEntryFile}) {
        const QJsonObject decision = fileValue(entryDir, file, QLatin1String(OutboxEntry::kSentCopyKey)).toObject();
        if (!decision.isEmpty())
            return SentCopyStatus::fromJson(decision);
    }
    return std::nullopt;
}
} // namespace

std::optional<SentCopyStatus> SentCopyStore::read(const QString &id) const
{
    return readRecord(entryDir(id));
}

Result<SentCopyStatus> SentCopyStore::update(const QString &id,
                                             const std::function<Result<void>(SentCopyStatus &)> &change)
{
    StateLock lock(m_root);
    if (!lock.held())
        return cannotRecord();
    const QString dir = entryDir(id);
    if (!QFileInfo(dir).isDir())
        return Error(Error::Code::InvalidInput,
                     QCoreApplication::translate("Outbox", "No sent message %1 in the outbox.").arg(id));
    SentCopyStatus status = readRecord(dir).value_or(SentCopyStatus {});
    if (auto r = change(status); !r)
        return r.error();
    // Replaced atomically (a killed process leaves the old record or the
    // new one) but not synced: every record can be lost safely. A lost or
    // torn one reads as undecided and is decided again; a lost "done" or
    // "failed" costs one more attempt, which searches the folder before it
    // files. No fsync on the flusher's thread (the GUI's) per message.
    const QByteArray data = QJsonDocument(status.toJson()).toJson(QJsonDocument::Compact);
    const QString path = dir + u'/' + QLatin1String(kFileName);
    const QString temporary = path + QStringLiteral(".tmp");
    QFile out(temporary);
    // (Never creates the folder: an entry removed meanwhile stays removed.)
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(data) != data.size() || !out.flush()) {
        out.remove();
        return cannotRecord();
    }
    out.close();
    if (!Durable::renameAtomically(temporary, path)) {
        QFile::remove(temporary);
        return cannotRecord();
    }
    return status;
}

Result<SentCopyStatus> SentCopyStore::retry(const QString &id, bool createFolder)
{
    return update(id, [createFolder](SentCopyStatus &s) -> Result<void> {
        if (s.state == SentCopyStatus::State::Done)
            return Error(Error::Code::InvalidInput,
                         QCoreApplication::translate("Outbox", "The copy is already in the Sent folder."));
        if (s.state == SentCopyStatus::State::Skipped)
            return Error(Error::Code::InvalidInput,
                         QCoreApplication::translate("Outbox", "No copy is filed for this message: %1").arg(s.reason));
        s.state = SentCopyStatus::State::Pending;
        s.code.clear(); // (the last failure no longer describes it)
        s.reason.clear();
        s.serverText.clear();
        s.certificate.reset(); // (trusted meanwhile, or to be shown again after the next attempt)
        s.attempts = 0;
        s.firstAttemptAt = {};
        s.nextAttemptAt = {};
        s.createFolder = s.createFolder || createFolder;
        return {};
    });
}

bool SentCopyStore::keepsBody(const QString &id, const QDateTime &sentAt) const
{
    if (const auto status = readRecord(entryDir(id)))
        return status->state == SentCopyStatus::State::Pending || status->state == SentCopyStatus::State::Failed;
    // Undecided: the process ended after "sent" before the step ran, or the
    // record (never synced) was lost. The step decides it at its next run,
    // which may come after retention: kept, unless sent before the step
    // existed here (then it has no copy to file). No cut-off yet: the step
    // never ran, and what it finds when it first does is from before.
    const std::optional<QDateTime> cutoff = readSince();
    return cutoff && sentAt.isValid() && sentAt >= *cutoff;
}

std::optional<QDateTime> SentCopyStore::readSince() const
{
    QFile f(m_root + QLatin1String(kSinceFile));
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QDateTime t = fromIso(QString::fromLatin1(f.read(64)).trimmed());
    if (t.isValid())
        return t;
    // Written by an earlier version: the newest id in sent/ then (or
    // nothing). Written when the step first ran, so its time is that cut-off.
    return f.fileTime(QFileDevice::FileModificationTime).toUTC();
}

QDateTime SentCopyStore::since() const
{
    if (const auto t = readSince())
        return *t;
    StateLock lock(m_root);
    if (const auto t = readSince()) // another process made it meanwhile
        return *t;
    // What is in sent/ now was sent before copies were filed; everything
    // sent from now on gets a record.
    QDateTime now = QDateTime::currentDateTimeUtc();
    if (!Durable::writeFileAtomically(m_root + QLatin1String(kSinceFile), iso(now).toLatin1(), Durable::Sync::Full))
        qWarning("outbox: the start of the Sent copies cannot be recorded");
    return now;
}

bool SentCopyStore::sentBefore(const QString &id, const QDateTime &since) const
{
    // Created at or after the cut-off: sent after it too (the usual case,
    // without reading the entry).
    if (id.left(19) >= since.toUTC().toString(QLatin1String(kIdTimeFormat)))
        return false;
    // Created before: queued then (Send Later, a retry) and maybe sent
    // since. The time of the server's 250 is in the entry's accepted.json
    // (or, once folded in, its state.json); a record torn by a power cut has
    // none: its creation counts, as for retention.
    const auto field = [dir = entryDir(id)](const char *file, const char *key) {
        return fromIso(fileValue(dir, file, QLatin1String(key)));
    };
    QDateTime sentAt = field(kAcceptedFile, "accepted_at");
    if (!sentAt.isValid())
        sentAt = field(kEntryFile, "accepted_at");
    if (!sentAt.isValid())
        sentAt = field(kEntryFile, "created_at");
    return sentAt.isValid() && sentAt < since;
}

QSet<QString> SentCopyStore::readSettled() const
{
    QSet<QString> ids;
    QFile f(m_root + QLatin1String(kSettledFile));
    if (!f.open(QIODevice::ReadOnly) || f.size() > kMaxSettledSize)
        return ids;
    const QByteArray all = f.readAll();
    // Only whole lines: a line cut short by a crash (no newline yet) is not
    // an id, and an append after it makes it one line of garbage.
    qsizetype start = 0;
    for (qsizetype end = all.indexOf('\n'); end >= 0; start = end + 1, end = all.indexOf('\n', start)) {
        const QByteArrayView line(all.constData() + start, end - start);
        if (line.size() >= 20 && line.size() <= 64
            && std::all_of(line.begin(), line.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '-'; }))
            ids.insert(QString::fromLatin1(line));
    }
    return ids;
}

void SentCopyStore::addSettled(const QStringList &ids) const
{
    if (ids.isEmpty())
        return;
    // Appended in one write (O_APPEND): several processes may add at once,
    // and each line stays whole. Not synced: a lost line is read again once.
    QFile f(m_root + QLatin1String(kSettledFile));
    if (!f.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered))
        return;
    const QByteArray lines = ids.join(u'\n').toLatin1() + '\n';
    if (f.write(lines) != lines.size())
        qWarning("outbox: the settled Sent copies cannot be listed: %s", qPrintable(f.errorString()));
}

QStringList SentCopyStore::open(const QDateTime &since, QSet<QString> *settled) const
{
    // What earlier scans of any process settled is not read again (a new
    // process read every sent message's record: thousands of files for each
    // `outpost send` after years of mail). Settled never opens again.
    if (settled->isEmpty())
        *settled = readSettled();
    QStringList newlySettled;
    QStringList out;
    const QStringList ids = QDir(m_root + QLatin1String(kSentDir)).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &id : ids) {
        if (settled->contains(id))
            continue;
        const auto status = readRecord(entryDir(id));
        const bool open = status
            ? status->state == SentCopyStatus::State::Pending || status->state == SentCopyStatus::State::Failed
            : !sentBefore(id, since);
        if (open)
            out << id;
        else if (!status || status->state != SentCopyStatus::State::Failed) {
            settled->insert(id); // done, skipped or from before: never changes by itself
            newlySettled << id;
        }
    }
    addSettled(newlySettled);
    return out;
}

} // namespace Core
