// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QObject>
#include <QString>

namespace Core {

/**
 * An error as a value: a code the program can branch on, a translated
 * sentence for the user, and — for protocol errors — what the server said.
 *
 * The outbox decides between "retry later", "ask the user" and "give up" from
 * code() alone; message() is for people and is never parsed.
 *
 * @code
 * if (auto r = builder.build(draft, &file); !r)
 *     showError(r.error().message(), r.error().field());
 * @endcode
 */
class Error final
{
    Q_GADGET
public:
    enum class Code {
        None,
        InvalidInput,          ///< bad user input; field() names where
        HeaderInjection,       ///< CR, LF or NUL in a field that becomes a header
        FileUnreadable,        ///< an attachment or input file cannot be read
        WriteFailed,           ///< the output could not be written (disk full, ...)
        Transient,             ///< 4xx: retry later
        Permanent,             ///< 5xx: will not succeed as it is
        AuthenticationFailed,  ///< the server refused the credentials
        NeedsCredentials,      ///< no password/token available
        Tls,                   ///< TLS could not be established
        CertificateUntrusted,  ///< verification failed; the user may pin it
        CertificateChanged,    ///< a pinned certificate changed
        Network,               ///< no connection or connection lost before a reply
        Timeout,               ///< a per-phase timeout expired
        InDoubt,               ///< final dot written, no complete reply
        TooLarge,              ///< exceeds the server's SIZE limit
        SmtpUtf8Unsupported,   ///< the message needs SMTPUTF8, the server lacks it
        ProtocolViolation,     ///< the server's reply is malformed or oversized
        Cancelled,
        Corrupt,               ///< stored data failed validation
        Keychain,              ///< the OS keychain failed or is unavailable
        Internal,
    };
    Q_ENUM(Code)

    Error() = default;
    Error(Code code, QString message, QString field = {});

    [[nodiscard]] Code code() const { return m_code; }
    /// Translated, complete sentence for the user.
    [[nodiscard]] QString message() const { return m_message; }
    /// Which input field the error refers to ("to", "subject", ...), if any.
    [[nodiscard]] QString field() const { return m_field; }

    /// SMTP details, when the error comes from a server reply.
    [[nodiscard]] int replyCode() const { return m_replyCode; }
    [[nodiscard]] QString enhancedCode() const { return m_enhancedCode; }
    [[nodiscard]] QString serverText() const { return m_serverText; }
    Error &withServerReply(int replyCode, QString enhancedCode, QString serverText);

    /// Stable English name of code(), for logs and JSON output.
    [[nodiscard]] static QString codeName(Code code);

    [[nodiscard]] bool isError() const { return m_code != Code::None; }

private:
    Code m_code = Code::None;
    QString m_message;
    QString m_field;
    int m_replyCode = 0;
    QString m_enhancedCode;
    QString m_serverText;
};

} // namespace Core

Q_DECLARE_METATYPE(Core::Error)
