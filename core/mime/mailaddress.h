// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QList>
#include <QString>

namespace Core {

/**
 * One mailbox: an optional display name and an addr-spec (local@domain).
 *
 * Addresses are kept as the user wrote them (Unicode). asciiAddress() gives
 * the form for the wire when the local part is ASCII (domain as IDNA
 * A-labels); needsSmtpUtf8() says when only SMTPUTF8 (RFC 6531) can carry it.
 */
class MailAddress final
{
public:
    MailAddress() = default;
    MailAddress(QString name, QString address);

    [[nodiscard]] QString name() const { return m_name; }
    [[nodiscard]] QString address() const { return m_address; }
    [[nodiscard]] QString localPart() const;
    [[nodiscard]] QString domain() const;
    [[nodiscard]] bool isEmpty() const { return m_address.isEmpty(); }

    /// True when the local part is not ASCII: RFC 6531 SMTPUTF8 is required.
    [[nodiscard]] bool needsSmtpUtf8() const;
    /// The domain in ASCII (IDNA A-labels); empty if it cannot be converted.
    [[nodiscard]] QString asciiDomain() const;
    /// local@ascii-domain when possible, else the UTF-8 address (SMTPUTF8).
    [[nodiscard]] QString wireAddress() const;

    /// Checks the addr-spec. `field` names the input field for the error.
    [[nodiscard]] Result<void> validate(const QString &field = {}) const;

    /// Parses what a person types into To/Cc/Bcc: "Name <a@b>, c@d; "Q, R" <e@f>".
    /// Every entry is validated; an empty text gives an empty list.
    [[nodiscard]] static Result<QList<MailAddress>> parseList(const QString &text,
                                                              const QString &field = {});
    /// Parses exactly one mailbox.
    [[nodiscard]] static Result<MailAddress> parse(const QString &text, const QString &field = {});

    /// "Name <addr>" for display and for the composer's fields.
    [[nodiscard]] QString toDisplayString() const;
    /// The mailbox as a header field's value after a prefix ("From: ") of
    /// that many columns: the name quoted or RFC 2047-encoded, the address
    /// in its wire form, folded within 78 columns where possible.
    [[nodiscard]] QByteArray toHeaderValue(qsizetype prefixLength) const;

    friend bool operator==(const MailAddress &a, const MailAddress &b)
    {
        return a.m_name == b.m_name && a.m_address == b.m_address;
    }

private:
    QString m_name;
    QString m_address;
};

/// Returns an error naming `field` if `text` contains CR, LF, NUL or another
/// control character (TAB excepted): such input could start a new header.
[[nodiscard]] Result<void> checkHeaderText(const QString &text, const QString &field);

} // namespace Core
