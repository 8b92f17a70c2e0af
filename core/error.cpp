// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/error.h"

#include <QMetaEnum>

namespace Core {

Error::Error(Code code, QString message, QString field)
    : m_code(code)
    , m_message(std::move(message))
    , m_field(std::move(field))
{
}

Error &Error::withServerReply(int replyCode, QString enhancedCode, QString serverText)
{
    m_replyCode = replyCode;
    m_enhancedCode = std::move(enhancedCode);
    m_serverText = std::move(serverText);
    return *this;
}

QString Error::codeName(Code code)
{
    const auto meta = QMetaEnum::fromType<Code>();
    return QString::fromLatin1(meta.valueToKey(static_cast<int>(code)));
}

} // namespace Core
