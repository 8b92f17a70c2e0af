// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/oauth/flowsupport_p.h"

#include <QCoreApplication>

namespace Core::OAuth::FlowSupport {

int timeoutMs(int fallback)
{
    bool ok = false;
    const int ms = qEnvironmentVariableIntValue("OUTPOST_OAUTH_TIMEOUT_MS", &ok);
    return ok && ms > 0 ? ms : fallback;
}

Error timedOut()
{
    return Error(Error::Code::Timeout,
                 QCoreApplication::translate("OAuth", "The sign-in was not completed in time. Nothing was saved; please try again."));
}

Error cancelled()
{
    return Error(Error::Code::Cancelled, QCoreApplication::translate("OAuth", "The sign-in was cancelled. Nothing was saved."));
}

Error accessDenied()
{
    return Error(Error::Code::AuthenticationFailed,
                 QCoreApplication::translate("OAuth", "Access was not granted: the sign-in was refused or cancelled at the provider."));
}

Error noRefreshToken()
{
    return Error(Error::Code::ProtocolViolation,
                 QCoreApplication::translate("OAuth", "The sign-in server gave no refresh token, so Outpost could not stay signed in."));
}

} // namespace Core::OAuth::FlowSupport
