// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QCoreApplication>
#include <QStringList>

namespace Core {

/// The problems found in a file, each with its line, gathered so that one
/// refusal names them all (up to a limit) instead of the first alone.
class ImportProblems final
{
public:
    static constexpr int kMaxListed = 20;

    void add(int line, const QString &problem)
    {
        ++m_count;
        if (m_lines.size() < kMaxListed)
            //: %1 is a line number, %2 what is wrong there
            m_lines << QCoreApplication::translate("Contacts", "line %1: %2").arg(line).arg(problem);
    }
    [[nodiscard]] bool isEmpty() const { return m_count == 0; }
    [[nodiscard]] QStringList lines() const { return m_lines; }

    /// The refusal: nothing of the file is imported.
    [[nodiscard]] Error error() const
    {
        QStringList all = m_lines;
        if (const int more = static_cast<int>(m_count - m_lines.size()); more > 0)
            //: after a list of problems in a file, those not listed
            all << QCoreApplication::translate("Contacts", "(and %n more)", nullptr, more);
        return Error(Error::Code::InvalidInput,
                     QCoreApplication::translate("Contacts", "The file cannot be imported; nothing was imported. %1")
                         .arg(all.join(QStringLiteral("; "))));
    }

private:
    QStringList m_lines;
    qsizetype m_count = 0;
};

} // namespace Core
