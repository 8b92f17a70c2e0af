// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/clioutput.h"

#include "app/cli.h"

#include <QCoreApplication>
#include <QLocale>

namespace App {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

int fail(const QString &message, int code)
{
    err() << QCoreApplication::applicationName() << QStringLiteral(": ") << message << Qt::endl;
    return code;
}

int fail(const Core::Error &error)
{
    return fail(error.message(), exitCodeFor(error));
}

int exitCodeForEntry(const Core::OutboxEntry &e)
{
    switch (e.state) {
    case Core::OutboxState::Sent:
        return ExitOk;
    case Core::OutboxState::Queued:
    case Core::OutboxState::Deferred:
    case Core::OutboxState::Active:
        return ExitTempFail;
    case Core::OutboxState::Held:
        if (e.holdReason == Core::HoldReason::RecipientRejected)
            return ExitNoUser;
        if (e.holdReason == Core::HoldReason::Credentials)
            return ExitNoPerm;
        return ExitUnavailable;
    case Core::OutboxState::Failed:
    case Core::OutboxState::Corrupt:
        return ExitUnavailable;
    }
    return ExitSoftware;
}

QString describe(const Core::OutboxEntry &e)
{
    switch (e.state) {
    case Core::OutboxState::Sent:
        return QCoreApplication::translate("Cli", "Sent: %1").arg(e.acceptedReply);
    case Core::OutboxState::Queued:
        return e.notBefore.isValid() && e.notBefore > QDateTime::currentDateTimeUtc()
            ? QCoreApplication::translate("Cli", "Queued, to be sent at %1").arg(QLocale().toString(e.notBefore.toLocalTime(), QLocale::ShortFormat))
            : QCoreApplication::translate("Cli", "Queued");
    case Core::OutboxState::Active:
        return QCoreApplication::translate("Cli", "Being sent");
    case Core::OutboxState::Deferred:
        //: %1 is the reason, %2 a time
        return QCoreApplication::translate("Cli", "Not sent yet (%1); next try at %2")
            .arg(e.lastErrorMessage, QLocale().toString(e.nextAttemptAt.toLocalTime(), QLocale::ShortFormat));
    case Core::OutboxState::Held:
        return QCoreApplication::translate("Cli", "Waiting for you: %1").arg(e.lastErrorMessage);
    case Core::OutboxState::Failed:
        return QCoreApplication::translate("Cli", "Failed: %1").arg(e.lastErrorMessage);
    case Core::OutboxState::Corrupt:
        return QCoreApplication::translate("Cli", "Set aside as damaged: %1").arg(e.lastErrorMessage);
    }
    return {};
}

int exitCodeFor(const Core::Error &error)
{
    using Code = Core::Error::Code;
    switch (error.code()) {
    case Code::None:
        return ExitOk;
    case Code::InvalidInput:
    case Code::HeaderInjection:
        return ExitDataErr;
    case Code::FileUnreadable:
        return ExitNoInput;
    case Code::WriteFailed:
        return ExitCantCreate;
    case Code::Transient:
    case Code::Network:
    case Code::Timeout:
        return ExitTempFail;
    case Code::Corrupt:
        return ExitDataErr;
    case Code::AuthenticationFailed:
    case Code::NeedsCredentials:
    case Code::Keychain:
        return ExitNoPerm;
    default:
        return ExitUnavailable;
    }
}

} // namespace App
