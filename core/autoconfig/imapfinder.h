// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/autoconfig/candidate.h"
#include "core/autoconfig/probe.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <optional>

namespace Core::Autoconfig {

class ImapProbe;

/**
 * Chooses the IMAP server for the Sent copy once the configuration lookups
 * are in (docs/design/AUTOCONFIG.md §9.12): ranks what the sources named,
 * probes the best few, and only when no source named one, tries
 * imap.<domain> and mail.<domain> on 993 (implicit TLS) and 143 (STARTTLS).
 * The first candidate in rank order whose probe answered is chosen; a
 * failed probe is never chosen. A source still looking (the IMAP SRV
 * lookups, which may take the whole DNS time-out) adds its answers later
 * with add(); until sourcesDone(), nothing is guessed and a server is
 * chosen only if that source could not rank above it. Runs alongside the
 * SMTP probes; cancel() keeps what answered so far.
 */
class ImapFinder final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImapFinder)
public:
    enum class State { Idle, Probing, Done };

    ImapFinder(QString extraCaFile, bool allowInsecure, ProbeTimeouts timeouts, QObject *parent = nullptr);
    ~ImapFinder() override;

    /// found: what the sources named, in the order they answered;
    /// stillLooking: a source whose answers may follow with add().
    void start(QList<ImapCandidate> found, const QString &emailDomain, bool guess, int budgetMs,
               std::optional<Source> stillLooking = std::nullopt);
    /// More answers of the source still looking (while probing; else ignored).
    void add(const QList<ImapCandidate> &more);
    /// The source still looking has answered or given up.
    void sourcesDone();
    void cancel();

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] const QList<ImapCandidate> &candidates() const { return m_candidates; }
    /// Index into candidates(), or -1: no IMAP server.
    [[nodiscard]] int chosen() const { return m_chosen; }

    /// Sorts by source (the trust order of §9.3) and merges duplicates.
    static void rank(QList<ImapCandidate> &candidates);

Q_SIGNALS:
    void progress(const QString &text);
    void finished();

private:
    void probeNext();
    void addGuesses();
    void onProbeFinished(ImapProbe *probe);
    [[nodiscard]] bool settled() const;
    [[nodiscard]] bool beingProbed(const ImapCandidate &c) const;
    void finish();

    QString m_extraCaFile;
    bool m_allowInsecure = false;
    ProbeTimeouts m_timeouts;
    QList<ImapCandidate> m_candidates;
    QList<QPointer<ImapProbe>> m_probes;
    QTimer m_budget;
    QString m_emailDomain;
    std::optional<Source> m_stillLooking;
    bool m_guess = false;
    int m_started = 0; ///< probes started
    int m_maxProbed = 0;
    int m_slots = 2;
    int m_chosen = -1;
    State m_state = State::Idle;
};

} // namespace Core::Autoconfig
