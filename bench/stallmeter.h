// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QTimer>

/// The longest event-loop stall: a 1 ms heartbeat timer runs from start();
/// the gap between two of its ticks, minus its period, is how long the
/// thread could not react. Times are ms since start().
class StallMeter final
{
public:
    StallMeter()
    {
        m_heartbeat.setTimerType(Qt::PreciseTimer);
        m_heartbeat.setInterval(1);
        QObject::connect(&m_heartbeat, &QTimer::timeout, [this] {
            const qint64 gap = m_sinceTick.restart() - 1;
            if (gap > 16)
                ++m_over16; // a frame (60 Hz) missed
            if (gap > m_worst) {
                m_worst = gap;
                m_worstAt = m_clock.elapsed();
            }
        });
    }
    void start()
    {
        m_clock.start();
        m_sinceTick.start();
        m_heartbeat.start();
    }
    [[nodiscard]] qint64 elapsed() const { return m_clock.elapsed(); }
    [[nodiscard]] qint64 worst() const { return m_worst; }
    [[nodiscard]] qint64 worstAt() const { return m_worstAt; }
    [[nodiscard]] int stallsOver16ms() const { return m_over16; }

private:
    QTimer m_heartbeat;
    QElapsedTimer m_clock;
    QElapsedTimer m_sinceTick;
    qint64 m_worst = 0;
    qint64 m_worstAt = 0;
    int m_over16 = 0;
};
