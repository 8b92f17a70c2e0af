// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

#include <algorithm>
#include <utility>

namespace Core {

/// The problems found in a file, each with its line, gathered so that one
/// refusal names them all (the first few, in line order) instead of the
/// first found alone.
class ImportProblems final
{
public:
    static constexpr qsizetype kMaxListed = 20;
    static constexpr qsizetype kMaxKept = 10000; ///< a file of nothing but errors stays cheap

    void add(int line, const QString &problem)
    {
        ++m_count;
        if (m_problems.size() < kMaxKept)
            m_problems.append({line, problem});
    }
    [[nodiscard]] bool isEmpty() const { return m_count == 0; }

    /// The refusal: nothing of the file is imported.
    [[nodiscard]] Error error() const
    {
        QList<std::pair<int, QString>> sorted = m_problems;
        std::stable_sort(sorted.begin(), sorted.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
        QStringList all;
        for (qsizetype i = 0; i < std::min(kMaxListed, sorted.size()); ++i)
            //: %1 is a line number, %2 what is wrong there
            all << QCoreApplication::translate("Contacts", "line %1: %2")
                       .arg(sorted.at(i).first)
                       .arg(sorted.at(i).second);
        if (const int more = static_cast<int>(m_count - all.size()); more > 0)
            //: after a list of problems in a file, those not listed
            all << QCoreApplication::translate("Contacts", "(and %n more)", nullptr, more);
        return Error(Error::Code::InvalidInput,
                     QCoreApplication::translate(
                         "Contacts", "The file cannot be imported; nothing was imported. %1")
                         .arg(all.join(QStringLiteral("; "))));
    }

private:
    QList<std::pair<int, QString>> m_problems;
    qsizetype m_count = 0;
};

} // namespace Core
