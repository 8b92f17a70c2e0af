// SPDX-License-Identifier: GPL-3.0-or-later
// Header injection: CR, LF or NUL smuggled into any user-supplied field must
// never produce an extra header or an extra recipient. Each crafted draft is
// either refused with an error (and nothing is written) or, where encoding
// makes it harmless, produces exactly the expected headers and envelope.
#include "core/mime/mimebuilder.h"

#include "tests/support/testutil.h"

#include <QBuffer>
#include <QFile>
#include <QTemporaryDir>

#include <functional>

using Core::Attachment;
using Core::Draft;
using Core::Error;
using Core::MailAddress;
using Core::MimeBuilder;

namespace {

struct Injection
{
    const char *label;
    std::function<void(Draft &, const QString &attachment)> inject;
};

void PrintTo(const Injection &i, std::ostream *os)
{
    *os << i.label;
}

const QString kCrlfBcc = QStringLiteral("\r\nBcc: evil@attacker.example");
const QString kLfHeader = QStringLiteral("\nX-Injected: yes");
const QString kCrHeader = QStringLiteral("\rX-Injected: yes");
const QString kNul = QStringLiteral("a") + QChar(0) + QStringLiteral("X-Injected: yes");
const QString kBlankLine = QStringLiteral("\r\n\r\nX-Injected: yes");

MailAddress addr(const QString &name, const QString &address)
{
    return MailAddress(name, address);
}

const Injection kInjections[] = {
    {"SubjectCrlfBcc", [](Draft &d, auto) { d.subject = QStringLiteral("Hi") + kCrlfBcc; }},
    {"SubjectLf", [](Draft &d, auto) { d.subject = QStringLiteral("Hi") + kLfHeader; }},
    {"SubjectCr", [](Draft &d, auto) { d.subject = QStringLiteral("Hi") + kCrHeader; }},
    {"SubjectNul", [](Draft &d, auto) { d.subject = kNul; }},
    {"SubjectBlankLine", [](Draft &d, auto) { d.subject = QStringLiteral("Hi") + kBlankLine; }},
    {"SubjectUnicodeLineSeparator", [](Draft &d, auto) { d.subject = QStringLiteral("Hi\u2028X-Injected: yes"); }},
    {"SubjectNextLine", [](Draft &d, auto) { d.subject = QStringLiteral("Hi\u0085X-Injected: yes"); }},
    {"FromName", [](Draft &d, auto) { d.from = addr(QStringLiteral("Eve") + kCrlfBcc, QStringLiteral("eve@example.org")); }},
    {"FromAddress", [](Draft &d, auto) { d.from = addr({}, QStringLiteral("eve@example.org") + kCrlfBcc); }},
    {"ToName", [](Draft &d, auto) { d.to = {addr(QStringLiteral("Bob") + kLfHeader, QStringLiteral("bob@example.org"))}; }},
    {"ToAddress", [](Draft &d, auto) { d.to = {addr({}, QStringLiteral("bob@example.org") + kCrlfBcc)}; }},
    {"ToAddressSmtpCommand", [](Draft &d, auto) { d.to = {addr({}, QStringLiteral("bob@example.org>\r\nRCPT TO:<evil@attacker.example"))}; }},
    {"CcName", [](Draft &d, auto) { d.cc = {addr(QStringLiteral("Carol") + kCrHeader, QStringLiteral("carol@example.org"))}; }},
    {"BccAddress", [](Draft &d, auto) { d.bcc = {addr({}, QStringLiteral("dave@example.org") + kLfHeader)}; }},
    {"ReplyToName", [](Draft &d, auto) { d.replyTo = {addr(kNul, QStringLiteral("r@example.org"))}; }},
    {"DispositionNotificationTo", [](Draft &d, auto) { d.dispositionNotificationTo = addr({}, QStringLiteral("n@example.org") + kCrlfBcc); }},
    {"AttachmentFileName", [](Draft &d, const QString &a) { d.attachments = {Attachment{a, {}, QStringLiteral("a.txt") + kCrlfBcc}}; }},
    {"AttachmentFileNameQuote", [](Draft &d, const QString &a) { d.attachments = {Attachment{a, {}, QStringLiteral("a\".txt") + kLfHeader}}; }},
    {"AttachmentContentType", [](Draft &d, const QString &a) { d.attachments = {Attachment{a, QStringLiteral("text/plain") + kLfHeader, {}}}; }},
    {"ExtraHeaderValue", [](Draft &d, auto) { d.extraHeaders = {{QStringLiteral("X-Note"), QStringLiteral("v") + kCrlfBcc}}; }},
    {"ExtraHeaderName", [](Draft &d, auto) { d.extraHeaders = {{QStringLiteral("X-Note") + kLfHeader, QStringLiteral("v")}}; }},
    {"ExtraHeaderNameWithColon", [](Draft &d, auto) { d.extraHeaders = {{QStringLiteral("X-Note: v\r\nX-Injected"), QStringLiteral("yes")}}; }},
    {"ExtraHeaderReserved", [](Draft &d, auto) { d.extraHeaders = {{QStringLiteral("bcc"), QStringLiteral("evil@attacker.example")}}; }},
    {"InReplyTo", [](Draft &d, auto) { d.inReplyTo = QStringLiteral("<a@example.org>") + kCrlfBcc; }},
    {"References", [](Draft &d, auto) { d.references = {QStringLiteral("<a@example.org>") + kLfHeader}; }},
    {"FileNameNul", [](Draft &d, const QString &a) { d.attachments = {Attachment{a, {}, kNul}}; }},
};

class MimeInjection : public ::testing::TestWithParam<Injection>
{
};

} // namespace

TEST_P(MimeInjection, NeverYieldsAnExtraHeaderOrRecipient)
{
    QTemporaryDir dir;
    const QString attachment = dir.filePath(QStringLiteral("file.txt"));
    {
        QFile f(attachment);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("content\n");
    }
    Draft draft;
    draft.from = addr(QStringLiteral("Alice"), QStringLiteral("alice@example.org"));
    draft.to = {addr(QStringLiteral("Bob"), QStringLiteral("bob@example.org"))};
    draft.subject = QStringLiteral("Hello");
    draft.textBody = QStringLiteral("Body text\n");
    GetParam().inject(draft, attachment);

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const auto result = MimeBuilder().write(draft, &buffer);
    if (!result.ok()) {
        // Refused: with a clear error, and not a single byte written.
        EXPECT_TRUE(result.error().code() == Error::Code::HeaderInjection
                    || result.error().code() == Error::Code::InvalidInput);
        EXPECT_FALSE(result.error().message().isEmpty());
        EXPECT_FALSE(result.error().field().isEmpty());
        EXPECT_EQ(buffer.size(), 0);
        return;
    }
    // Accepted (safely encoded): no new header, no new recipient.
    const QByteArray raw = buffer.data();
    EXPECT_FALSE(raw.contains("\nX-Injected")) << raw.constData();
    EXPECT_FALSE(raw.contains("\nBcc:")) << raw.constData();
    EXPECT_FALSE(raw.contains("attacker.example")) << raw.constData();
    for (const QString &rcpt : result->recipients)
        EXPECT_FALSE(rcpt.contains(QStringLiteral("attacker"))) << qPrintable(rcpt);
}

INSTANTIATE_TEST_SUITE_P(Fields, MimeInjection, ::testing::ValuesIn(kInjections),
                         [](const auto &p) { return std::string(p.param.label); });
