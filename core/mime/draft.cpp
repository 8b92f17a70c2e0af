// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/mime/draft.h"

namespace Core {

QList<MailAddress> Draft::allRecipients() const
{
    return to + cc + bcc;
}

} // namespace Core
