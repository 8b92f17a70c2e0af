// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/outbox/flusher.h"

#include "core/util/crashpoint.h"
#include "core/util/whenfinished.h"
#include "core/version.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>
#include <QNetworkInformation>
#include <QRandomGenerator>
#include <QSet>
#include <QSysInfo>
#include <QThread>
#include <QTime>
#include <QTimer>

#include <algorithm>
#include <deque>
#include <functional>
#include <optional>
#include <vector>

namespace Core {

namespace {

qint64 jitter(qint64 ms, double fraction)
{
    const double f = 1.0 + fraction * (QRandomGenerator::global()->generateDouble() * 2.0 - 1.0);
    return static_cast<qint64>(static_cast<double>(ms) * f);
}

QString localServerName(const QString &outboxRoot)
{
    const QByteArray hash = QCryptographicHash::hash(QDir(outboxRoot).absolutePath().toUtf8(),
                                                     QCryptographicHash::Sha1);
    return QStringLiteral("outpost-flusher-") + QString::fromLatin1(hash.toHex().left(16));
}

void recordError(OutboxEntry &e, const Error &error)
{
    e.lastErrorCode = Error::codeName(error.code());
    e.lastErrorMessage = error.message();
    e.lastReplyCode = error.replyCode();
    e.lastEnhancedCode = error.enhancedCode();
    e.lastServerText = error.serverText();
}

/// What SmtpClient::cancel() reports for a message it had not sent (its words).
Error cancelled()
{
    return Error(Error::Code::Cancelled, QCoreApplication::translate("Smtp", "Sending was cancelled."));
}

void recordRecipients(OutboxEntry &e, const QList<RecipientResult> &recipients)
{
    if (recipients.isEmpty())
        return;
    e.recipients.clear();
    for (const RecipientResult &r : recipients)
        e.recipients.append({r.address, r.reply.code, r.reply.enhancedCode, r.reply.text()});
}

} // namespace

qint64 RetryPolicy::networkDelayMs(int failures) const
{
    static const qint64 steps[] = {30, 60, 120, 300, 600, 900};
    const int i = std::clamp(failures - 1, 0, 5);
    return static_cast<qint64>(static_cast<double>(jitter(steps[i] * 1000, 0.2)) * scale);
}

qint64 RetryPolicy::messageDelayMs(qint64 ageSeconds) const
{
    const qint64 seconds = std::clamp<qint64>(ageSeconds, 60, 3600);
    return static_cast<qint64>(static_cast<double>(jitter(seconds * 1000, 0.1)) * scale);
}

RetryPolicy RetryPolicy::fromEnvironment()
{
    RetryPolicy p;
    bool ok = false;
    const double scale = qEnvironmentVariable("OUTPOST_TEST_TIME_SCALE").toDouble(&ok);
    if (ok && scale > 0) {
        p.scale = scale;
        p.lifetimeSeconds = static_cast<qint64>(static_cast<double>(p.lifetimeSeconds) * scale);
    }
    return p;
}

struct Flusher::AccountRun
{
    Account account;
    QStringList ids;
    qsizetype next = 0;
    /// Claimed and handed to the client, oldest first: the one being sent,
    /// the one whose envelope the client pipelines behind its final dot, and
    /// (claimed after that dot) the one after. Results come in this order.
    std::deque<QString> inFlight;
    /// Claims posted to the claim worker and not yet back: the run ends
    /// only once they are (each is handed over, or takes the run's end).
    int claiming = 0;
    /// How many messages are claimed together, their dot-sent markers made
    /// durable by one sync (docs/design/OUTBOX.md, "One marker for several
    /// messages"): 1 at first, doubled by each message the server accepts,
    /// up to kMaxMarkerWindow.
    qsizetype window = 1;
    /// The small messages handed over whose markers are not posted yet: the
    /// window is posted once its claims are all back, or when the first of
    /// them needs its final dot, whichever comes first.
    std::shared_ptr<MarkerWindow> openWindow;
    /// Once the run has stopped: what such a claim takes when it is back,
    /// as the messages queued behind the failure in the client did (the
    /// session's failure, or a cancel).
    SmtpResult stoppedWith;
    /// The account was held as one (holdRest(): a 554 greeting, a refused
    /// password…): a claim back after that is held with it, not queued to
    /// meet the same wall on the next pass.
    std::optional<std::pair<HoldReason, Error>> held;
    /// "sent" records not yet written: done while the server works on the
    /// next message (after its final dot), or when nothing else is waiting.
    std::vector<std::function<void()>> pendingRecords;
    SaslCredentials credentials;
    QPointer<SmtpClient> client;
    quint64 serial = 0; ///< finds the run again from a callback that may outlive it
    /// finishRun() has run: it claims nothing more, and leaves m_runs from
    /// the event loop (by its serial: another run may take its address).
    bool finished = false;
    /// OAuth2: the server refused an access token and a new one was asked for.
    bool tokenRefused = false;
    /// The password is in hand (or none is needed): messages may be claimed.
    bool ready = false;
    /// The password is in hand, the session (opened ahead) not yet given it:
    /// it signs in once a message is queued in the client (handOver()), so
    /// that a refusal reports that message instead of going unheard.
    bool passwordToGive = false;
    /// Takes messages found after it started (a later scan of the same pass,
    /// see startPass()) until it stops for a failure or finishes.
    enum class Intake { Open, Stopped, Finishing };
    Intake intake = Intake::Open;
};

struct Flusher::MarkerWindow
{
    QStringList ids;
    std::optional<QFuture<bool>> posted;
};

struct Flusher::PassScan
{
    bool manual = false;
    QDateTime now;
    /// Queued and deferred ids, oldest first, and how far they were read.
    QList<QPair<QString, OutboxState>> names;
    qsizetype next = 0;
    /// Per account: its run in this pass; accounts whose run already ended
    /// (their later messages wait for the next pass), and those whose
    /// messages are all held, with the reason.
    QHash<QString, AccountRun *> runs;
    QSet<QString> ended;
    /// Ids the runs already have (a scan while runs go on lists them again).
    QSet<QString> known;
    QHash<QString, QPair<HoldReason, Error>> held;
};

namespace {
/// Entries read per event-loop turn while a pass starts: a fraction of a
/// millisecond, so the connection and the keychain move on in between.
constexpr int kScanBatch = 16;
/// Messages up to this size have their dot-sent marker written when they
/// are claimed (they are on the wire for moments).
constexpr qint64 kEarlyMarkerSize = 64 * 1024;
/// The most messages whose markers share one sync. A crash asks the person
/// about each message marked and not yet answered: at most this many, plus
/// the half window claimed early and the one in flight before them.
constexpr qsizetype kMaxMarkerWindow = 32;
} // namespace

Flusher::Flusher(Outbox *outbox, AccountStore *accounts, TrustStore *trust,
                 CredentialStore *credentials, QObject *parent)
    : QObject(parent)
    , m_outbox(outbox)
    , m_accounts(accounts)
    , m_trust(trust)
    , m_credentials(credentials)
    , m_accessTokens(new OAuth::AccessTokenSource(credentials, this))
    , m_durable(std::make_unique<DurableWriter>())
    , m_claims(std::make_unique<DurableWriter>())
    , m_sentCopies(new SentCopyStep(outbox, accounts, trust, credentials, m_accessTokens, this))
{
    m_sentCopies->setTimeScale(m_policy.scale);
    connect(m_sentCopies, &SentCopyStep::copyFinished, this, &Flusher::sentCopyFinished);
    // Copies are filed after a pass; the flusher is idle once they are.
    connect(m_sentCopies, &SentCopyStep::idle, this, [this] {
        if (m_runs.empty() && !m_scan && !m_pending && m_sentRecords == 0)
            Q_EMIT idle();
    });
    m_passTimer.setSingleShot(true);
    connect(&m_passTimer, &QTimer::timeout, this, [this] { flush(false); });
    // The GUI's index learns of other processes' messages (a scheduled one
    // from the command line) after the pass that read them: plan again.
    connect(m_outbox, &Outbox::changed, this, [this] {
        if (m_lock && m_outbox->isWatching() && !isBusy())
            scheduleNextPass();
    });
    m_extraCaFile = qEnvironmentVariable("OUTPOST_EXTRA_CA_FILE");
    m_sentCopies->setExtraCaFile(m_extraCaFile);
    // The SMTP dialogue with timestamps, for diagnosing a server (AUTH
    // payloads are redacted by SmtpClient; message data is not logged).
    if (const QString path = qEnvironmentVariable("OUTPOST_PROTOCOL_LOG"); !path.isEmpty()) {
        auto file = std::make_shared<QFile>(path);
        if (file->open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text)) {
            // Addresses and server replies: for the owner's eyes only.
            file->setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            m_protocolLog = std::move(file);
        }
        else
            qWarning("OUTPOST_PROTOCOL_LOG: %s", qPrintable(file->errorString()));
    }
}

Flusher::~Flusher()
{
    m_stopping->store(true);
    if (m_housekeeping) { // (its own Outbox: nothing of this one)
        m_housekeeping->wait();
        delete m_housekeeping;
    }
    for (auto &run : m_runs) {
        if (run->client)
            run->client->cancel();
        recordPending(run.get());
    }
    // Any client still holding messages, a run's or not (a retired one
    // saying goodbye, or one whose run has gone): none of their final dots
    // may be written once the outbox is released.
    for (SmtpClient *client : findChildren<SmtpClient *>(Qt::FindDirectChildrenOnly)) {
        if (client->queuedMessages() > 0)
            client->cancel();
    }
    // No claim after the lock goes (one done meanwhile leaves its entry in
    // active/, which the next holder's recovery puts back in the queue).
    m_claims.reset();
    // Every "sent" record and marker written before the lock goes: the next
    // holder's recovery would otherwise find a delivered message still in
    // active/ with its dot-sent marker and hold it as "in doubt".
    m_durable.reset();
    m_lock.reset();
}

Flusher::LockResult Flusher::acquire()
{
    // Held for the flusher's whole life by the operating system, which
    // releases it when the holder dies: the file's content (who holds it) is
    // for people only, so a file left empty or torn by a power cut between
    // its creation and its content never stops the outbox.
    m_lock = std::make_unique<FileLock>(m_outbox->root() + QStringLiteral("/.lock"));
    switch (m_lock->lock(FileLock::Wait::No)) {
    case FileLock::Outcome::Acquired:
        break;
    case FileLock::Outcome::HeldByOther:
        m_lock.reset();
        return LockResult::HeldByOther;
    case FileLock::Outcome::Failed:
        m_lock.reset();
        return LockResult::Failed;
    }
    // QLockFile's layout (pid, program, host), which older versions read.
    m_lock->setInfo(QByteArray::number(QCoreApplication::applicationPid()) + '\n'
                    + QCoreApplication::applicationName().toUtf8() + '\n'
                    + QSysInfo::machineHostName().toUtf8() + '\n');
    auto recovered = m_outbox->recover();
    if (!recovered) {
        m_lock.reset();
        return LockResult::Failed;
    }
    m_recoveredInDoubt = recovered.value();

    m_server = new QLocalServer(this);
    const QString name = localServerName(m_outbox->root());
    QLocalServer::removeServer(name); // a stale socket of a crashed holder
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (m_server->listen(name)) {
        connect(m_server, &QLocalServer::newConnection, this, [this] {
            while (QLocalSocket *socket = m_server->nextPendingConnection()) {
                connect(socket, &QLocalSocket::readyRead, socket, [this, socket] {
                    const QByteArray asked = socket->readAll();
                    if (asked.startsWith("flush"))
                        flush(true);
                    else if (asked.startsWith("copies"))
                        fileSentCopies();
                    socket->write("ok\n");
                    socket->disconnectFromServer();
                });
                connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    return LockResult::Acquired;
}

namespace {
QByteArray requestLine(Flusher::Request request)
{
    return request == Flusher::Request::SentCopies ? QByteArrayLiteral("copies\n") : QByteArrayLiteral("flush\n");
}
} // namespace

bool Flusher::requestFlush(const QString &outboxRoot, Request request)
{
    // Used from the command line, where a bounded blocking wait is fine.
    QLocalSocket socket;
    socket.connectToServer(localServerName(outboxRoot));
    if (!socket.waitForConnected(2000))
        return false;
    socket.write(requestLine(request));
    socket.waitForBytesWritten(2000);
    return socket.waitForReadyRead(5000);
}

void Flusher::requestFlushAsync(const QString &outboxRoot, QObject *context, std::function<void(bool)> done,
                                Request request)
{
    // The holder may be busy or hung: nothing here waits on this thread.
    auto *socket = new QLocalSocket(context);
    auto *timeout = new QTimer(socket);
    auto finish = [socket, timeout, done = std::move(done)](bool answered) {
        timeout->stop();
        socket->disconnect(); // once: the first of answer, error or time-out
        socket->deleteLater();
        if (done)
            done(answered);
    };
    timeout->setSingleShot(true);
    QObject::connect(timeout, &QTimer::timeout, socket, [finish] { finish(false); });
    QObject::connect(socket, &QLocalSocket::connected, socket, [socket, request] { socket->write(requestLine(request)); });
    QObject::connect(socket, &QLocalSocket::readyRead, socket, [finish] { finish(true); });
    QObject::connect(socket, &QLocalSocket::errorOccurred, socket, [finish] { finish(false); });
    timeout->start(9000); // requestFlush()'s bounds together
    socket->connectToServer(localServerName(outboxRoot));
}

QStringList Flusher::releaseHeld(Outbox &outbox, const QSet<QString> &accountIds, Fix fix)
{
    const auto freed = [fix](const OutboxEntry &e) {
        switch (e.holdReason) {
        case HoldReason::Security:
            return true; // both fixes can end a certificate problem
        case HoldReason::Credentials:
            return fix == Fix::Account;
        case HoldReason::Configuration:
            // Only "the account no longer exists" (see scanSome()); a refused
            // sender or a permanent error needs the person's Retry or Edit.
            return fix == Fix::Account && e.lastErrorCode == Error::codeName(Error::Code::InvalidInput);
        case HoldReason::None:
        case HoldReason::RecipientRejected:
        case HoldReason::InDoubt:
            return false;
        }
        return false;
    };
    QStringList released;
    for (const OutboxEntry &e : outbox.entries(OutboxState::Held)) {
        if (accountIds.contains(e.accountId) && freed(e) && outbox.retry(e.id))
            released << e.id;
    }
    return released;
}

QDateTime Flusher::nextDue(Outbox &outbox)
{
    QDateTime now = outbox.now();
    // From memory in the GUI (Outbox::watch()), not a read of every entry.
    if (!outbox.indexed(OutboxState::Active).isEmpty())
        return now;
    QDateTime next;
    const auto consider = [&](const QDateTime &t) {
        const QDateTime due = t.isValid() && t > now ? t : now;
        if (!next.isValid() || due < next)
            next = due;
    };
    for (const Outbox::Indexed &i : outbox.indexed(OutboxState::Queued))
        consider(i.entry.notBefore);
    for (const Outbox::Indexed &i : outbox.indexed(OutboxState::Deferred))
        consider(i.entry.nextAttemptAt);
    return next;
}

void Flusher::watchConnectivity()
{
    if (!QNetworkInformation::loadDefaultBackend())
        return; // no backend: the retry timers alone still work ("unknown" means try)
    auto *info = QNetworkInformation::instance();
    connect(info, &QNetworkInformation::reachabilityChanged, this,
            [this](QNetworkInformation::Reachability r) {
                if (r != QNetworkInformation::Reachability::Online
                    && r != QNetworkInformation::Reachability::Site)
                    return;
                // A hint, never a gate: forget the dead-server cache and try,
                // at most once per 30 s however much the link flaps.
                const QDateTime now = m_outbox->now();
                if (m_lastConnectivityFlush.isValid()
                    && m_lastConnectivityFlush.msecsTo(now) < static_cast<qint64>(30000 * m_policy.scale))
                    return;
                m_lastConnectivityFlush = now;
                m_accountDeadUntil.clear();
                flush(false);
            });
}

void Flusher::flush(bool manual)
{
    if (!m_lock || m_noNewPasses)
        return;
    const bool startQueued = m_pending;
    m_pending = true;
    m_pendingManual = m_pendingManual || manual;
    // A scan being read takes it when it ends (scanSome()); otherwise a scan
    // starts, from the event loop, never inside the caller: a new pass, or,
    // while runs go on, a scan that gives them and new runs what is new.
    if (m_scan || startQueued)
        return;
    QMetaObject::invokeMethod(this, [this] { startPending(); }, Qt::QueuedConnection);
}

void Flusher::fileSentCopies()
{
    if (!m_lock)
        return;
    if (!m_sentCopies->run())
        QMetaObject::invokeMethod(this, [this] {
            if (!isBusy())
                Q_EMIT idle();
        }, Qt::QueuedConnection);
}

void Flusher::startPending()
{
    // The last "sent" records of a pass that has no run left: the pass ends
    // after them, and starts the next (endPassIfDone()).
    if (!m_pending || m_scan || (m_runs.empty() && m_sentRecords > 0))
        return;
    const bool manual = std::exchange(m_pendingManual, false);
    m_pending = false;
    startPass(manual);
}

void Flusher::startPass(bool manual)
{
    if (m_scan)
        return;
    m_passTimer.stop();
    if (manual)
        m_accountDeadUntil.clear();
    auto scan = std::make_unique<PassScan>();
    // A pass is not a snapshot: while runs go on (a long upload), a scan
    // gives each open run the new messages of its account (sent over the
    // same connection) and starts runs for the other accounts at once.
    // A run stopped by a failure keeps its account out until the next pass.
    for (const auto &run : m_runs) {
        for (const QString &id : std::as_const(run->ids))
            scan->known.insert(id);
        if (run->intake == AccountRun::Intake::Open)
            scan->runs.insert(run->account.id, run.get());
        else if (run->intake == AccountRun::Intake::Stopped)
            scan->ended.insert(run->account.id);
    }
    // Nothing is being sent: markers of messages recorded as sent can go.
    if (m_runs.empty() && m_sentRecords == 0) {
        if (auto r = m_outbox->clearOrphanMarkers(); !r)
            qWarning("outbox: %s", qPrintable(r.error().message()));
    }
    // The due messages are read a few at a time from the event loop: the
    // oldest one's account starts connecting and asking the keychain at
    // once, and both move on while the rest are read. Ids sort by creation
    // time (Outbox::newId()), so messages still go oldest first.
    scan->manual = manual;
    scan->now = m_outbox->now();
    for (const OutboxState state : {OutboxState::Queued, OutboxState::Deferred}) {
        for (const QString &id : m_outbox->ids(state))
            scan->names.append({id, state});
    }
    std::stable_sort(scan->names.begin(), scan->names.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    m_scan = std::move(scan);
    scanSome();
}

void Flusher::scanSome()
{
    PassScan &scan = *m_scan;
    // The GUI's index holds the entries (this process's changes at once,
    // other processes' through the watcher): only what it does not have is
    // read from the disk here (new, or damaged: set aside). Reading every
    // waiting entry on this thread at each pass cost the GUI more than the
    // sending; the claim reads the entry again before it goes out.
    const bool fromIndex = m_outbox->isWatching() && m_outbox->isIndexLoaded();
    for (int n = 0; n < kScanBatch && scan.next < scan.names.size(); ++n) {
        const auto [id, state] = scan.names.at(scan.next++);
        if (scan.known.contains(id))
            continue; // a run has it already
        std::optional<OutboxEntry> e;
        if (fromIndex) {
            const Outbox::IndexMap &known = m_outbox->indexed(state);
            if (const auto it = known.constFind(id); it != known.cend())
                e = it->entry;
        }
        if (!e) {
            auto read = m_outbox->scanEntry(state, id);
            if (!read)
                continue; // gone meanwhile, or damaged and set aside
            e = std::move(read.value());
        }
        const bool due = state == OutboxState::Queued
            ? !e->notBefore.isValid() || e->notBefore <= scan.now
            : scan.manual || !e->nextAttemptAt.isValid() || e->nextAttemptAt <= scan.now;
        const QDateTime dead = m_accountDeadUntil.value(e->accountId);
        if (!due || (dead.isValid() && dead > scan.now))
            continue;
        if (const auto held = scan.held.constFind(e->accountId); held != scan.held.cend()) {
            holdAll({id}, held->first, held->second);
            continue;
        }
        if (scan.ended.contains(e->accountId))
            continue;
        AccountRun *run = scan.runs.value(e->accountId);
        if (!run) {
            const Account *account = m_accounts->find(e->accountId);
            std::optional<QPair<HoldReason, Error>> wall;
            if (!account)
                wall = {HoldReason::Configuration,
                        Error(Error::Code::InvalidInput,
                              QCoreApplication::translate("Outbox", "The account this message was queued for no longer exists."))};
            if (wall) {
                // Every due message of this account meets the same wall.
                scan.held.insert(e->accountId, *wall);
                holdAll({id}, wall->first, wall->second);
                continue;
            }
            startRun(*account, id);
            continue;
        }
        run->ids << id;
        if (run->ready && run->inFlight.size() < 2)
            sendNext(run, 2);
    }
    if (scan.next < scan.names.size()) {
        QMetaObject::invokeMethod(this, [this] {
            if (m_scan)
                scanSome();
        }, Qt::QueuedConnection);
        return;
    }
    m_scan.reset();
    // Every due message is known now: a run that has sent all it was given
    // ends (sendNext() finishes a run with nothing left in flight).
    std::vector<AccountRun *> waiting;
    for (const auto &run : m_runs) {
        if (run->ready && run->inFlight.empty() && run->client)
            waiting.push_back(run.get());
    }
    for (AccountRun *run : waiting)
        sendNext(run, 2);
    if (!m_runs.empty()) {
        // Asked to send while this scan was read, or a message falls due
        // while the runs go on: another scan then. (The latter from the
        // GUI's index only: on the command line it would read every queued
        // entry again, and a flush there ends with what was due.)
        if (m_pending)
            QMetaObject::invokeMethod(this, [this] { startPending(); }, Qt::QueuedConnection);
        else if (m_outbox->isWatching())
            scheduleNextPass();
    }
    endPassIfDone();
}

void Flusher::holdRest(AccountRun *run, const QStringList &ids, HoldReason reason, const Error &error)
{
    run->held = std::make_pair(reason, error);
    if (m_scan)
        m_scan->held.insert(run->account.id, {reason, error});
    holdAll(ids, reason, error);
}

void Flusher::deferRest(AccountRun *run, const QStringList &ids, const Error &error)
{
    // As for a server that cannot be reached: the network clock, not
    // charged to the messages, and the account rests until the first of
    // them is due again (a later pass tries again by itself).
    const QDateTime now = m_outbox->now();
    for (const QString &id : ids) {
        auto r = m_outbox->transition(id, OutboxState::Deferred, [&](OutboxEntry &e) {
            ++e.networkFailures;
            e.phase = OutboxPhase::Idle;
            e.nextAttemptAt = now.addMSecs(m_policy.networkDelayMs(e.networkFailures));
            if (const QDateTime dead = m_accountDeadUntil.value(run->account.id); !dead.isValid() || dead > e.nextAttemptAt)
                m_accountDeadUntil.insert(run->account.id, e.nextAttemptAt);
            recordError(e, error);
        });
        if (r)
            Q_EMIT messageFinished(id, OutboxState::Deferred);
    }
}

void Flusher::holdAll(const QStringList &ids, HoldReason reason, const Error &error)
{
    for (const QString &id : ids) {
        auto r = m_outbox->transition(id, OutboxState::Held, [&](OutboxEntry &e) {
            e.holdReason = reason;
            e.phase = OutboxPhase::Idle;
            recordError(e, error);
        });
        if (r)
            Q_EMIT messageFinished(id, OutboxState::Held);
    }
}

SmtpServerSettings Flusher::settingsFor(const Account &account) const
{
    SmtpServerSettings s = account.smtpSettings(m_trust ? m_trust->pins(account.host, account.port) : QStringList(),
                                                m_extraCaFile, m_timeouts);
    s.pipelineBehindDot = s.pipelineBehindDot && !m_noPipelineBehindDot.contains(account.id);
    return s;
}

void Flusher::startRun(const Account &account, const QString &firstId)
{
    auto owned = std::make_unique<AccountRun>();
    AccountRun *run = owned.get();
    run->account = account;
    run->ids << firstId;
    if (m_scan) // the pass adds this account's later messages as it finds them
        m_scan->runs.insert(account.id, run);
    run->credentials.username = account.username;
    run->credentials.host = account.host;
    run->credentials.port = account.port;
    run->serial = ++m_nextRunSerial;
    m_runs.push_back(std::move(owned));

    if (account.auth == AuthMethod::OAuth2) {
        startOAuthRun(run);
        return;
    }
    if (account.auth == AuthMethod::None) {
        run->credentials.username.clear();
        connectRun(run);
        return;
    }
    // TLS and EHLO need no password: the connection opens while the keychain
    // answers, and signs in as soon as it has.
    createClient(run);
    if (SmtpClient *client = run->client.data())
        client->connectAhead();
    CredentialJob *job = m_credentials->read(account.id);
    connect(job, &CredentialJob::finished, this, [this, run](CredentialJob *j) {
        if (j->error().isError()) {
            run->intake = AccountRun::Intake::Stopped;
            if (j->error().code() == Error::Code::Timeout) // no answer (a locked keyring): try again later
                deferRest(run, run->ids.mid(run->next), j->error());
            else
                holdRest(run, run->ids.mid(run->next), HoldReason::Credentials, j->error());
            run->next = run->ids.size();
            finishRun(run);
            return;
        }
        run->credentials.password = j->secret();
        run->passwordToGive = true;
        run->ready = true;
        sendNext(run, 2);
    });
}

Flusher::AccountRun *Flusher::findRun(quint64 serial) const
{
    const auto it = std::find_if(m_runs.begin(), m_runs.end(), [serial](const auto &r) { return r->serial == serial; });
    return it == m_runs.end() ? nullptr : it->get();
}

void Flusher::startOAuthRun(AccountRun *run)
{
    // TLS and EHLO go ahead while the token comes. Messages are claimed only
    // once the session has signed in, so a refused token costs no message
    // an attempt, and the session can be tried once more with a new token.
    createClient(run);
    SmtpClient *client = run->client.data();
    if (!client)
        return;
    const quint64 serial = run->serial;
    // The token has been tried: other processes may refresh it now.
    const QString accountId = run->account.id;
    connect(client, &SmtpClient::sessionReady, this, [this, serial, accountId] {
        m_accessTokens->tokenUsed(accountId);
        if (AccountRun *r = findRun(serial); r && !r->ready) {
            r->ready = true;
            sendNext(r, 2);
        }
    });
    connect(client, &SmtpClient::sessionFailed, this, [this, serial, accountId](const SmtpResult &result) {
        m_accessTokens->tokenUsed(accountId);
        AccountRun *r = findRun(serial);
        if (!r)
            return;
        retireClient(r);
        // The server refused the token (535, or the 334 JSON error of RFC
        // 7628 §3.2.2): it may have been revoked or expired early. Once.
        if (result.error.code() == Error::Code::AuthenticationFailed && !r->tokenRefused) {
            r->tokenRefused = true;
            startOAuthRun(r);
            return;
        }
        failRun(r, result.error);
    });
    client->connectAhead();
    client->connectToServer();
    m_accessTokens->fetch(run->account, run->tokenRefused, this, [this, serial, accountId](const Result<QString> &token) {
        AccountRun *r = findRun(serial);
        if (!r) {
            m_accessTokens->tokenUsed(accountId);
            return; // the connection failed meanwhile and the run has ended
        }
        if (!token) {
            Error error = token.error();
            if (error.code() == Error::Code::InvalidInput) // the provider's endpoints are unusable
                error = Error(Error::Code::NeedsCredentials, error.message());
            retireClient(r);
            failRun(r, error);
            return;
        }
        r->credentials.password.clear();
        r->credentials.oauthToken = token.value();
        if (SmtpClient *c = r->client.data())
            c->setCredentials(r->credentials);
    });
}

void Flusher::failRun(AccountRun *run, const Error &error)
{
    run->intake = AccountRun::Intake::Stopped;
    SmtpResult result;
    result.error = error;
    result.scope = SmtpScope::Session;
    run->stoppedWith = result; // (for claims still under way, see onClaimed())
    // (Claimed here, on this thread: once per failed session.)
    while (run->next < run->ids.size()) {
        const QString id = run->ids.at(run->next++);
        if (m_outbox->claim(id)) {
            settle(run, id, result);
            return;
        }
    }
    if (run->inFlight.empty() && run->claiming == 0)
        finishRun(run);
}

void Flusher::connectRun(AccountRun *run)
{
    createClient(run);
    run->ready = true;
    sendNext(run, 2);
}

void Flusher::createClient(AccountRun *run)
{
    auto *client = new SmtpClient(settingsFor(run->account), this);
    run->client = client;
    client->setCredentials(run->credentials);
    if (m_protocolLog) {
        client->setProtocolLog([log = m_protocolLog](const QString &line) {
            log->write((QTime::currentTime().toString(u"HH:mm:ss.zzz ") + line + u'\n').toUtf8());
            log->flush();
        });
    }
    connect(client, &SmtpClient::finished, this, [this, run](const SmtpResult &r) { onResult(run, r); });
    connect(client, &SmtpClient::pinsSuperseded, this, [this](const QString &host, quint16 port) {
        if (!m_trust) // a valid certificate needs no exception: the stale pins go
            return;
        m_trust->unpinAll(host, port);
        if (auto r = m_trust->save(); !r)
            qWarning("trust: %s", qPrintable(r.error().message()));
    });
    connect(client, &SmtpClient::progress, this, [this, run](qint64 sent, qint64 total) {
        if (sent > 0 && sent < total)
            CrashPoint::hit("mid-data");
        // A big message is on its way: the server is busy receiving, a good
        // moment for the records (a small one's come after its dot). Not
        // at sent == total: Qt reports those bytes before they reach TCP.
        if (sent > 0 && sent < total)
            recordPending(run);
        if (!run->inFlight.empty())
            Q_EMIT progress(run->inFlight.front(), sent, total);
    });
    connect(client, &SmtpClient::finalDotWritten, this, [this, run] {
        CrashPoint::hit("after-dot");
        // The server is busy with this dot and the envelope pipelined behind
        // it: the moment for the records and for claiming the message whose
        // envelope follows the next dot (three in flight, one per stage).
        recordPending(run);
        if (run->next < run->ids.size())
            sendNext(run, 3);
    });
}

void Flusher::sendNext(AccountRun *run, size_t limit)
{
    // Claimed off this thread (the GUI's): finding the entry, reading its
    // state file, checking its body and the rename into active/ wait for
    // the disk. The client is handed each message when its claim is back.
    // A window of messages at a time (one sync for their markers), the next
    // one claimed while half of the last is still to go, so that the client
    // never waits for a claim or a sync; with a window of one, as before:
    // one claim each time fewer than `limit` are in flight.
    if (run->finished)
        return;
    const size_t ahead = limit + static_cast<size_t>(run->window / 2);
    while (run->intake != AccountRun::Intake::Stopped && run->next < run->ids.size()
           && run->inFlight.size() + static_cast<size_t>(run->claiming) < ahead) {
        for (qsizetype n = 0; n < run->window && run->next < run->ids.size(); ++n)
            postClaim(run, run->ids.at(run->next++), limit);
    }
    // Nothing left to send, unless the pass is still finding messages.
    const bool fed = run->intake != AccountRun::Intake::Stopped && m_scan && m_scan->runs.value(run->account.id) == run;
    if (run->inFlight.empty() && run->claiming == 0 && !fed)
        finishRun(run);
}

void Flusher::postClaim(AccountRun *run, const QString &id, size_t limit)
{
    ++run->claiming;
    // The result comes back as a queued call, always from the event loop
    // (the run waits for its claims before it ends: its serial finds it).
    // Not QFuture::then(this, ...): on a future already finished when it
    // is called (a worker quicker than this thread), Qt 6.4 runs the
    // continuation inside then(), i.e. inside sendNext(), and may run it
    // twice (whenFinished() says how). A call posted to this object while
    // it is destroyed is dropped with it; its destructor joins the worker
    // first.
    const quint64 serial = run->serial;
    QFuture<bool> done = m_claims->post({[this, outbox = m_outbox, id, serial, limit, stopping = m_stopping] {
                                             if (stopping->load())
                                                 return Result<void>(); // the flusher is going: not claimed
                                             Outbox::Claim claimed = outbox->claimOnDisk(id);
                                             postHere([this, serial, claimed = std::move(claimed), limit] {
                                                 onClaimed(serial, claimed, limit);
                                             });
                                             return Result<void>();
                                         },
                                         {}, {}});
    // Tests: the claim is done before its continuation is attached, as
    // when the worker is quicker than this thread (issue 18).
    static const bool claimsFinishFirst = qEnvironmentVariableIsSet("OUTPOST_TEST_CLAIMS_FINISH_FIRST");
    if (claimsFinishFirst)
        done.waitForFinished();
}

void Flusher::onClaimed(quint64 serial, const Outbox::Claim &claim, size_t limit)
{
    m_outbox->learnClaim(claim);
    AccountRun *run = findRun(serial);
    if (!run)
        return;
    --run->claiming;
    if (!claim.entry) { // removed meanwhile, held as in doubt, or set aside as damaged: the next one
        // From the event loop, never inside a caller that may be in
        // sendNext() already (which would end the run a second time).
        postHere([this, serial, limit] {
            if (AccountRun *r = findRun(serial))
                sendNext(r, limit);
        });
        return;
    }
    if (run->intake == AccountRun::Intake::Stopped || !run->client) {
        // The run stopped while this was being claimed: never handed to a
        // server, so not an attempt (no failure counted, its lifetime not
        // started); it waits where it was for the next pass, which the
        // account's rest (if any) holds back.
        putBack(run, claim);
        return;
    }
    handOver(run, claim.entry.value());
}

void Flusher::putBack(AccountRun *run, const Outbox::Claim &claim)
{
    const OutboxState target = claim.from == OutboxState::Deferred ? OutboxState::Deferred : OutboxState::Queued;
    if (m_outbox->transition(claim.id, target, [](OutboxEntry &e) { e.phase = OutboxPhase::Idle; }).ok()) {
        if (run->held)
            holdAll({claim.id}, run->held->first, run->held->second); // with the rest of the account
        else
            Q_EMIT messageFinished(claim.id, target);
    }
    if (run->inFlight.empty() && run->claiming == 0)
        finishRun(run);
}

void Flusher::handOver(AccountRun *run, const OutboxEntry &claimed)
{
    const QString id = claimed.id;
    run->inFlight.push_back(id);
    SmtpMessage message;
    message.envelope = claimed.envelope;
    message.path = m_outbox->messagePath(claimed);
    message.expectedSize = claimed.bodySize;
    message.expectedSha256Hex = claimed.bodySha256;
    if (run->account.requestDsn)
        message.dsn = SmtpDsn{{QStringLiteral("SUCCESS"), QStringLiteral("FAILURE"), QStringLiteral("DELAY")},
                              false, claimed.messageId};
    // Write-ahead: "dot_sent" is durable before the "." can be written.
    // Synced on the durable writer's thread, never this one (the GUI's);
    // the client writes the dot once the future says it is on disk.
    // A small message's marker goes with those of its window, so that
    // they share a sync (docs/design/OUTBOX.md, "One marker for several
    // messages"); a large one's when the client sees the end of its data,
    // so that a crash during a long upload leaves it queued, not in doubt.
    if (claimed.bodySize <= kEarlyMarkerSize) {
        if (!run->openWindow || run->openWindow->posted)
            run->openWindow = std::make_shared<MarkerWindow>();
        run->openWindow->ids << id;
        message.recordBeforeFinalDot = [this, window = run->openWindow] { return postWindow(*window); };
    } else {
        message.recordBeforeFinalDot = [this, id] { return markDotSent({id}); };
    }
    run->client->send(message);
    if (run->openWindow && !run->openWindow->posted
        && (run->openWindow->ids.size() >= run->window || run->claiming == 0))
        postWindow(*run->openWindow);
    if (std::exchange(run->passwordToGive, false))
        run->client->setCredentials(run->credentials);
}

void Flusher::recordSent(const QString &id, std::function<void(OutboxEntry &)> attempt,
                         const std::optional<SentCopyStatus> &noCopy)
{
    // accepted.json and the move into sent/ (a directory operation that took
    // up to 9 ms on a loaded disk) on the durable writer's thread; the index
    // and the signal here once they are done. Nothing is synced: see
    // onResult(). The pass ends only after its last record (endPassIfDone()).
    // An account that files no copy: that decision goes into the same
    // record (no file of its own per message), and the Sent-copy step after
    // the pass finds nothing to decide (it did so per message on this
    // thread: over a second for 3,000).
    if (noCopy) {
        attempt = [attempt = std::move(attempt), decision = noCopy->toJson()](OutboxEntry &e) {
            attempt(e);
            e.sentCopyDecision = decision;
        };
    }
    ++m_sentRecords;
    QFuture<bool> written = m_durable->post({[outbox = m_outbox, id, attempt] {
                                                       Result<void> r = outbox->writeAccepted(id, attempt);
                                                       if (!r)
                                                           qWarning("outbox: %s", qPrintable(r.error().message()));
                                                       return r;
                                                   },
                                                   {}, {}});
    whenDone(written, [this, id, attempt = std::move(attempt), noCopy](bool ok) {
        --m_sentRecords;
        if (ok) {
            m_outbox->learnAccepted(id, attempt);
            Q_EMIT messageFinished(id, OutboxState::Sent);
            if (noCopy)
                Q_EMIT sentCopyFinished(id, *noCopy);
        }
        endPassIfDone();
    });
}

void Flusher::postHere(std::function<void()> body)
{
    // Thread-safe; dropped if this flusher is destroyed first (its
    // destructor joins the workers that post here).
    QMetaObject::invokeMethod(this, std::move(body), Qt::QueuedConnection);
}

void Flusher::whenDone(const QFuture<bool> &future, std::function<void(bool)> body)
{
    // From the event loop, never inside the caller (whenFinished() says
    // why not QFuture::then()).
    whenFinished(future, this, std::move(body));
}

QFuture<bool> Flusher::markDotSent(const QStringList &ids)
{
    // One step for all: their names, then one sync of active/ (a marker
    // that cannot be written fails them all, and their dots are not sent).
    const bool window = ids.size() > 1;
    QFuture<bool> marked = m_durable->post({[outbox = m_outbox, ids]() -> Result<void> {
                                                for (const QString &id : ids) {
                                                    if (auto r = outbox->writeDotSentMarker(id); !r)
                                                        return r;
                                                }
                                                return {};
                                            },
                                            m_outbox->dotSentDirectory(), [window] {
                                                CrashPoint::hit("dot-sent");
                                                if (window) // several durable, none of their dots written
                                                    CrashPoint::hit("window-marked");
                                            }});
    for (const QString &id : ids)
        m_markerWrites.insert(id, marked);
    return marked;
}

QFuture<bool> Flusher::postWindow(MarkerWindow &window)
{
    if (!window.posted)
        window.posted = markDotSent(window.ids);
    return *window.posted;
}

void Flusher::recordPending(AccountRun *run)
{
    std::vector<std::function<void()>> records;
    records.swap(run->pendingRecords);
    for (const auto &record : records)
        record();
}

void Flusher::onResult(AccountRun *run, const SmtpResult &r)
{
    if (run->inFlight.empty())
        return;
    const QString id = run->inFlight.front();
    run->inFlight.pop_front();
    settle(run, id, r);
}

void Flusher::settle(AccountRun *run, const QString &id, const SmtpResult &r)
{
    // Refused or cancelled before its window's markers were posted: none
    // is written for it (its entry is about to leave active/).
    if (run->openWindow && !run->openWindow->posted)
        run->openWindow->ids.removeOne(id);
    if (const auto marker = m_markerWrites.constFind(id); marker != m_markerWrites.cend()) {
        // A message refused (or cancelled) while its marker was being
        // written: the marker lands before its entry leaves active/, or it
        // would outlive the entry and turn it into "in doubt". After a dot
        // the marker is done already; this waits only on that rare path.
        QFuture<bool> pending = marker.value();
        m_markerWrites.erase(marker);
        pending.waitForFinished();
    }
    if (!r.ok())
        recordPending(run); // results are recorded in the order they came
    const QDateTime now = m_outbox->now();
    const Error &error = r.error;
    bool stopRun = false;
    OutboxState target = OutboxState::Deferred;
    std::function<void(OutboxEntry &)> update;

    if (r.ok()) {
        CrashPoint::hit("after-250");
        target = OutboxState::Sent;
        run->window = std::min(run->window * 2, kMaxMarkerWindow);
        update = [now, reply = r.reply.toString(), recipients = r.recipients](OutboxEntry &e) {
            e.phase = OutboxPhase::Accepted;
            e.acceptedAt = now;
            e.acceptedReply = reply;
            e.holdReason = HoldReason::None;
            recordRecipients(e, recipients);
        };
    } else {
        // A failed session said nothing about the message: whatever the
        // reply, it is not charged, and the account stops once — deferred
        // on the network clock, or held when the server refuses this client
        // for good (a 554 greeting, a 5xx to EHLO; RFC 5321 §3.1, §4.1.1.1).
        Error::Code code = error.code();
        if (r.sessionFailed() && (code == Error::Code::Transient || code == Error::Code::ProtocolViolation))
            code = Error::Code::Network;
        switch (code) {
        case Error::Code::Network:
        case Error::Code::Timeout:
        case Error::Code::WriteFailed:
        case Error::Code::Cancelled: {
            // Never got through (or could not record progress): the network
            // clock, not charged to the message; the account rests a while.
            stopRun = true;
            target = OutboxState::Deferred;
            update = [&](OutboxEntry &e) {
                ++e.networkFailures;
                e.phase = OutboxPhase::Idle;
                e.nextAttemptAt = now.addMSecs(m_policy.networkDelayMs(e.networkFailures));
                m_accountDeadUntil.insert(run->account.id, e.nextAttemptAt);
                recordError(e, error);
            };
            break;
        }
        case Error::Code::Transient:
        case Error::Code::ProtocolViolation:
            stopRun = error.replyCode() == 421 || code == Error::Code::ProtocolViolation;
            update = [&](OutboxEntry &e) {
                ++e.attempts;
                e.phase = OutboxPhase::Idle;
                recordError(e, error);
                recordRecipients(e, r.recipients);
                const qint64 age = e.secondsTrying(now);
                if (age > m_policy.lifetimeSeconds) {
                    e.expired = true;
                    const int days = static_cast<int>(m_policy.lifetimeSeconds / 86400);
                    //: %n is how many days Outpost kept trying, %1 the last error
                    e.lastErrorMessage
                        = QCoreApplication::translate("Outbox", "Gave up after trying for %n day(s): %1", nullptr, days)
                              .arg(error.message());
                } else {
                    e.nextAttemptAt = now.addMSecs(m_policy.messageDelayMs(age));
                }
            };
            target = OutboxState::Deferred;
            if (auto e = m_outbox->find(id); e && e->secondsTrying(now) > m_policy.lifetimeSeconds)
                target = OutboxState::Failed;
            break;
        case Error::Code::Permanent:
            if (!r.sessionFailed()) {
                bool recipientRefused = false;
                for (const RecipientResult &rr : r.recipients)
                    recipientRefused = recipientRefused || rr.reply.isPermanent();
                const bool senderRefused = !recipientRefused && error.enhancedCode().startsWith(QLatin1String("5.7."));
                target = recipientRefused || senderRefused ? OutboxState::Held : OutboxState::Failed;
                update = [&, recipientRefused, senderRefused](OutboxEntry &e) {
                    ++e.attempts;
                    e.phase = OutboxPhase::Idle;
                    e.holdReason = recipientRefused ? HoldReason::RecipientRejected
                        : senderRefused             ? HoldReason::Configuration
                                                    : HoldReason::None;
                    recordError(e, error);
                    recordRecipients(e, r.recipients);
                };
                break;
            }
            // The server refuses this client, not the message: held as one.
            [[fallthrough]];
        case Error::Code::AuthenticationFailed:
        case Error::Code::NeedsCredentials:
        case Error::Code::Keychain:
        case Error::Code::Tls:
        case Error::Code::CertificateUntrusted:
        case Error::Code::CertificateChanged: {
            // A person must act; the other messages of this account would
            // meet the same wall, so they wait with it (no retry storm).
            stopRun = true;
            const HoldReason reason = code == Error::Code::Permanent ? HoldReason::Configuration
                : code == Error::Code::AuthenticationFailed || code == Error::Code::NeedsCredentials
                    || code == Error::Code::Keychain
                ? HoldReason::Credentials
                : HoldReason::Security;
            target = OutboxState::Held;
            update = [&, reason](OutboxEntry &e) {
                e.phase = OutboxPhase::Idle;
                e.holdReason = reason;
                recordError(e, error);
            };
            QStringList rest = run->ids.mid(run->next);
            run->next = run->ids.size();
            // Only those still queued/deferred (not claimed) are held.
            holdRest(run, rest, reason, error);
            break;
        }
        case Error::Code::InDoubt:
            target = OutboxState::Held;
            update = [&](OutboxEntry &e) {
                e.phase = OutboxPhase::InDoubt;
                e.holdReason = HoldReason::InDoubt;
                recordError(e, error);
            };
            stopRun = true;
            break;
        case Error::Code::FileUnreadable:
        case Error::Code::Corrupt:
            target = OutboxState::Corrupt;
            update = [&](OutboxEntry &e) { recordError(e, error); };
            break;
        default: // TooLarge, SmtpUtf8Unsupported, InvalidInput, ...
            target = OutboxState::Failed;
            update = [&](OutboxEntry &e) {
                ++e.attempts;
                e.phase = OutboxPhase::Idle;
                recordError(e, error);
                recordRecipients(e, r.recipients);
            };
            break;
        }
    }
    // If this write fails after a 250, the entry stays in active/ with
    // phase=dot_sent: the next start treats it as in doubt, never resends.
    // For the same reason "sent" is not waited for on disk (a power cut can
    // only take it back to that durable dot_sent record) and leaves the
    // sidecar alone (Outbox::writeAccepted()), which keeps the disk and
    // its cache flushes off the path between one message's 250 and the
    // next MAIL, and out of the way of the server's own. It is written on
    // the durable writer's thread (recordSent()), not this one.
    // (An account that files no copy in its Sent folder: its record.)
    const std::optional<SentCopyStatus> noCopy
        = target == OutboxState::Sent ? SentCopyStep::skipped(run->account) : std::nullopt;
    const auto record = [this, id, target, now, update, noCopy] {
        std::function<void(OutboxEntry &)> recordAttempt = [now, update](OutboxEntry &e) {
            e.lastAttemptAt = now;
            if (!e.firstAttemptAt.isValid())
                e.firstAttemptAt = now;
            if (update)
                update(e);
        };
        if (target == OutboxState::Sent) {
            recordSent(id, std::move(recordAttempt), noCopy);
            return;
        }
        if (m_outbox->transition(id, target, recordAttempt).ok())
            Q_EMIT messageFinished(id, target);
    };
    if (target == OutboxState::Sent && !stopRun && !run->inFlight.empty()) {
        // The next message is already on its way: its body goes out first,
        // and "sent" is recorded after its final dot, while the server
        // works. A crash in between leaves dot_sent: in doubt, never resent.
        run->pendingRecords.push_back(record);
    } else {
        recordPending(run);
        record();
    }
    if (stopRun) {
        run->intake = AccountRun::Intake::Stopped;
        if (r.sessionFailed())
            run->stoppedWith.error = r.error;
        else
            run->stoppedWith.error = cancelled();
        run->stoppedWith.scope = SmtpScope::Session;
        // No more messages for this account now. The other one in flight is
        // reported by the client (cancelled, unless its session has already
        // ended with the same error) and recorded like this one; then the
        // run ends.
        run->next = run->ids.size();
        if (!run->inFlight.empty()) {
            if (SmtpClient *client = run->client.data())
                client->cancel();
        } else if (run->claiming == 0) {
            finishRun(run); // (else once the claims under way are back, see onClaimed())
        }
        return;
    }
    // Kept at two here (the third is claimed after the next dot, off the
    // path between this reply and the next message's data).
    sendNext(run, 2);
}

void Flusher::finishRun(AccountRun *run)
{
    if (std::exchange(run->finished, true))
        return; // once: a second end would erase the run after it, see below
    if (run->intake == AccountRun::Intake::Open)
        run->intake = AccountRun::Intake::Finishing;
    // Later messages of this account found by the pass wait for the next.
    if (m_scan && m_scan->runs.value(run->account.id) == run) {
        m_scan->runs.remove(run->account.id);
        m_scan->ended.insert(run->account.id);
    }
    recordPending(run);
    retireClient(run);
    // Deferred: the run may be finishing from inside one of its callbacks.
    // By serial, not address: a run started meanwhile may have this one's.
    postHere([this, serial = run->serial] {
        std::erase_if(m_runs, [serial](const auto &p) { return p->serial == serial; });
        endPassIfDone();
    });
}

void Flusher::retireClient(AccountRun *run)
{
    SmtpClient *client = run->client;
    if (!client)
        return;
    // Learnt once per server, kept for this process's later sessions and
    // in the account for later processes (a second flush to Haraka).
    if (!client->pipelinesBehindDot()) {
        m_noPipelineBehindDot.insert(run->account.id);
        if (const Account *stored = m_accounts->find(run->account.id); stored && stored->pipelineBehindDot) {
            // Only this field, on the account as it is on disk now: another
            // process may have changed the rest (a sign-in, an edit).
            const Result<void> saved
                = m_accounts->modify(run->account.id, [](Account &a) { a.pipelineBehindDot = false; });
            if (!saved)
                qWarning("accounts: %s", qPrintable(saved.error().message()));
        }
    }
    run->client = nullptr;
    client->disconnect(this);
    if (client->state() == SmtpClient::State::Disconnected) {
        client->deleteLater();
    } else {
        connect(client, &SmtpClient::disconnected, client, &QObject::deleteLater);
        client->quit();
    }
}

void Flusher::endPassIfDone()
{
    if (!m_runs.empty() || m_scan || m_sentRecords > 0)
        return; // (a pass still being read ends itself, see scanSome(); the last record, recordSent())
    if (m_pending) {
        startPending();
        return;
    }
    housekeep();
    scheduleNextPass();
    // The copies in the Sent folder of what this pass sent: idle() follows
    // once they are filed (or wait for a retry).
    if (m_sentCopies->run())
        return;
    Q_EMIT idle();
}

bool Flusher::isClosingConnections() const
{
    const auto clients = findChildren<SmtpClient *>(Qt::FindDirectChildrenOnly);
    return std::any_of(clients.begin(), clients.end(),
                       [](const SmtpClient *c) { return c->state() != SmtpClient::State::Disconnected; });
}

void Flusher::stopListening()
{
    // Nor a pass of its own: a retry falling due during the process's
    // last wait would start one that its exit then cuts short.
    m_noNewPasses = true;
    m_passTimer.stop();
    if (!m_server)
        return;
    m_server->close();
    m_server->deleteLater();
    m_server = nullptr;
}

void Flusher::scheduleNextPass()
{
    if (m_noNewPasses)
        return;
    const QDateTime now = m_outbox->now();
    QDateTime next;
    const auto consider = [&](const QDateTime &t) {
        if (t.isValid() && (!next.isValid() || t < next))
            next = t;
    };
    if (m_outbox->isWatching() && !m_outbox->isIndexLoaded()) {
        m_passTimer.start(1000); // (the GUI's index is still being read: look again soon)
        return;
    }
    // Messages a run already has are not waited for (runs go on meanwhile).
    QSet<QString> taken;
    for (const auto &run : m_runs) {
        for (const QString &id : std::as_const(run->ids))
            taken.insert(id);
    }
    // In memory in the GUI: no entry is read on its thread.
    for (const Outbox::Indexed &i : m_outbox->indexed(OutboxState::Queued)) {
        const OutboxEntry &e = i.entry;
        if (taken.contains(e.id))
            continue;
        const QDateTime dead = m_accountDeadUntil.value(e.accountId);
        consider(e.notBefore.isValid() && e.notBefore > now ? e.notBefore : (dead.isValid() ? dead : now));
    }
    for (const Outbox::Indexed &i : m_outbox->indexed(OutboxState::Deferred)) {
        if (!taken.contains(i.entry.id))
            consider(i.entry.nextAttemptAt.isValid() ? i.entry.nextAttemptAt : now);
    }
    if (!next.isValid())
        return;
    const qint64 ms = std::clamp<qint64>(now.msecsTo(next), 0, 3600 * 1000);
    // (While runs go on, not more often than twice a second: a due message
    // of an account whose run has stopped waits for that run to end.)
    m_passTimer.start(static_cast<int>(std::max<qint64>(ms, m_runs.empty() ? 50 : 500)));
}

void Flusher::housekeep()
{
    // Bodies of old sent messages go (Outbox::pruneSentBodies()), at most
    // hourly, on a worker thread with an Outbox of its own: it changes
    // entries under the state lock as another process would. Hourly for the
    // outbox, whichever process runs it (the time of the last run is kept
    // in it): every `outpost send` listed the whole of sent/ for nothing.
    const QDateTime now = m_outbox->now();
    if (m_housekeeping || (m_lastHousekeeping.isValid() && m_lastHousekeeping.secsTo(now) < 3600))
        return;
    const QString root = m_outbox->root();
    const QString stamp = root + QStringLiteral("/.pruned_at");
    if (QFile last(stamp); last.open(QIODevice::ReadOnly)) {
        const QDateTime at = QDateTime::fromString(QString::fromLatin1(last.read(64)).trimmed(), Qt::ISODateWithMs);
        if (at.isValid() && at <= now && at.secsTo(now) < 3600) {
            m_lastHousekeeping = at;
            return;
        }
    }
    m_lastHousekeeping = now;
    m_housekeeping = QThread::create([root, now, stamp] {
        const int days = Outbox::keepSentBodiesDays(settingsFile());
        if (days <= 0)
            return; // kept for ever
        Outbox outbox(root);
        if (auto r = outbox.pruneSentBodies(now.addDays(-days)); !r) {
            qWarning("outbox: %s", qPrintable(r.error().message()));
            return;
        }
        // Not synced, nor atomic: lost or torn, it only means one more run.
        if (QFile done(stamp); done.open(QIODevice::WriteOnly | QIODevice::Truncate))
            done.write(now.toUTC().toString(Qt::ISODateWithMs).toLatin1());
    });
    connect(m_housekeeping, &QThread::finished, this, [this] {
        m_housekeeping->deleteLater();
        m_housekeeping = nullptr;
    });
    m_housekeeping->start(QThread::LowPriority);
}

} // namespace Core
