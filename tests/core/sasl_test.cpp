// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/smtp/sasl.h"
#include "core/smtp/saslprep.h"

#include "tests/support/testutil.h"

using Core::SaslCredentials;
using Core::SaslMechanism;

namespace {
SaslCredentials creds(const char *user, const char *password)
{
    SaslCredentials c;
    c.username = QString::fromUtf8(user);
    c.password = QString::fromUtf8(password);
    return c;
}
} // namespace

TEST(Sasl, Plain)
{
    auto m = SaslMechanism::create(QStringLiteral("PLAIN"), creds("jürgen", "pässwörd"));
    ASSERT_TRUE(m);
    EXPECT_EQ(m->initialResponse().value(), QByteArray("\0j\xc3\xbcrgen\0p\xc3\xa4ssw\xc3\xb6rd", 19));
}

TEST(Sasl, LoginAnswersUserThenPassword)
{
    auto m = SaslMechanism::create(QStringLiteral("LOGIN"), creds("user", "secret"));
    EXPECT_FALSE(m->initialResponse().has_value());
    EXPECT_EQ(m->respond("Username:").value(), QByteArray("user"));
    EXPECT_EQ(m->respond("Password:").value(), QByteArray("secret"));
    EXPECT_FALSE(m->respond("Again:").ok());
}

// RFC 2195 §2 example.
TEST(Sasl, CramMd5RfcExample)
{
    auto m = SaslMechanism::create(QStringLiteral("CRAM-MD5"), creds("tim", "tanstaaftanstaaf"));
    EXPECT_FALSE(m->initialResponse().has_value());
    EXPECT_EQ(m->respond("<1896.697170952@postoffice.reston.mci.net>").value(),
              QByteArray("tim b913a602c7eda7a495b4e6e7334d3890"));
}

// RFC 5802 §5 example exchange.
TEST(Sasl, ScramSha1RfcExample)
{
    auto m = SaslMechanism::create(QStringLiteral("SCRAM-SHA-1"), creds("user", "pencil"),
                                   "fyko+d2lbbFgONRv9qkxdawL");
    EXPECT_EQ(m->initialResponse().value(), QByteArray("n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL"));
    EXPECT_EQ(m->respond("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096").value(),
              QByteArray("c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts="));
    EXPECT_FALSE(m->serverVerified());
    EXPECT_TRUE(m->respond("v=rmF9pqV8S7suAoZWja4dJRkFsKQ=").ok());
    EXPECT_TRUE(m->serverVerified());
}

// RFC 7677 §3 example exchange.
TEST(Sasl, ScramSha256RfcExample)
{
    auto m = SaslMechanism::create(QStringLiteral("SCRAM-SHA-256"), creds("user", "pencil"),
                                   "rOprNGfwEbeRWgbNEkqO");
    EXPECT_EQ(m->initialResponse().value(), QByteArray("n,,n=user,r=rOprNGfwEbeRWgbNEkqO"));
    EXPECT_EQ(m->respond("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096").value(),
              QByteArray("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="));
    EXPECT_TRUE(m->respond("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=").ok());
    EXPECT_TRUE(m->serverVerified());
}

TEST(Sasl, ScramRejectsAForgedServer)
{
    auto m = SaslMechanism::create(QStringLiteral("SCRAM-SHA-256"), creds("user", "pencil"), "abc");
    (void)m->initialResponse();
    // The server's nonce must extend the client's.
    EXPECT_FALSE(m->respond("r=zzz,s=QSXCR+Q6sek8bf92,i=4096").ok());
    auto m2 = SaslMechanism::create(QStringLiteral("SCRAM-SHA-256"), creds("user", "pencil"), "abc");
    (void)m2->initialResponse();
    ASSERT_TRUE(m2->respond("r=abcdef,s=QSXCR+Q6sek8bf92,i=4096").ok());
    EXPECT_FALSE(m2->respond("v=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=").ok());
    EXPECT_FALSE(m2->serverVerified());
    auto m3 = SaslMechanism::create(QStringLiteral("SCRAM-SHA-1"), creds("user", "pencil"), "abc");
    (void)m3->initialResponse();
    EXPECT_FALSE(m3->respond("r=abcdef,s=QSXCR+Q6sek8bf92,i=999999999").ok()) << "iteration bomb";
    // Regression (fuzz/fuzz_scram): ten million rounds took seconds per try.
    auto m4 = SaslMechanism::create(QStringLiteral("SCRAM-SHA-256"), creds("user", "pencil"), "abc");
    (void)m4->initialResponse();
    EXPECT_FALSE(m4->respond("r=abcdef,s=QSXCR+Q6sek8bf92,i=100001").ok());
}

TEST(Sasl, OAuthForms)
{
    SaslCredentials c;
    c.username = QStringLiteral("me@example.org");
    c.oauthToken = QStringLiteral("tok3n");
    c.host = QStringLiteral("smtp.example.org");
    c.port = 587;
    auto x = SaslMechanism::create(QStringLiteral("XOAUTH2"), c);
    EXPECT_EQ(x->initialResponse().value(), QByteArray("user=me@example.org\x01" "auth=Bearer tok3n\x01\x01"));
    EXPECT_EQ(x->respond("{\"status\":\"401\"}").value(), QByteArray());
    auto b = SaslMechanism::create(QStringLiteral("OAUTHBEARER"), c);
    EXPECT_EQ(b->initialResponse().value(),
              QByteArray("n,a=me@example.org,\x01host=smtp.example.org\x01port=587\x01" "auth=Bearer tok3n\x01\x01"));
    EXPECT_EQ(b->respond("{\"status\":\"invalid_token\"}").value(), QByteArray("\x01"));
}

TEST(Sasl, ChoosesTheStrongestUsableMechanism)
{
    const SaslCredentials password = creds("u", "p");
    const QStringList all = {QStringLiteral("LOGIN"), QStringLiteral("PLAIN"), QStringLiteral("CRAM-MD5"),
                             QStringLiteral("SCRAM-SHA-1"), QStringLiteral("SCRAM-SHA-256"),
                             QStringLiteral("XOAUTH2"), QStringLiteral("OAUTHBEARER")};
    EXPECT_EQ(SaslMechanism::choose(all, password, true, false), QStringLiteral("SCRAM-SHA-256"));
    EXPECT_EQ(SaslMechanism::choose({QStringLiteral("LOGIN"), QStringLiteral("PLAIN")}, password, true, false),
              QStringLiteral("PLAIN"));
    EXPECT_EQ(SaslMechanism::choose({QStringLiteral("LOGIN"), QStringLiteral("CRAM-MD5")}, password, false, false),
              QStringLiteral("CRAM-MD5"));
    // Without TLS and without the explicit opt-in, no cleartext password.
    EXPECT_EQ(SaslMechanism::choose({QStringLiteral("LOGIN"), QStringLiteral("PLAIN")}, password, false, false),
              QString());
    EXPECT_EQ(SaslMechanism::choose({QStringLiteral("LOGIN")}, password, false, true), QStringLiteral("LOGIN"));
    SaslCredentials token;
    token.username = QStringLiteral("u");
    token.oauthToken = QStringLiteral("t");
    EXPECT_EQ(SaslMechanism::choose(all, token, true, false), QStringLiteral("OAUTHBEARER"));
    EXPECT_EQ(SaslMechanism::choose({QStringLiteral("PLAIN"), QStringLiteral("XOAUTH2")}, token, true, false),
              QStringLiteral("XOAUTH2"));
    EXPECT_TRUE(SaslMechanism::choose({QStringLiteral("PLAIN")}, token, true, false).isEmpty());
}

// --- issue 19: SASLprep, the iteration floor, server-final extensions ---------

namespace {
QString prep(const char16_t *s)
{
    const auto r = Core::saslPrep(QString::fromUtf16(s));
    return r.ok() ? r.value() : QStringLiteral("<error>");
}

// The client-final message of a SCRAM-SHA-256 exchange with a fixed nonce.
QByteArray scramProof(const QString &password)
{
    SaslCredentials c;
    c.username = QStringLiteral("user");
    c.password = password;
    auto m = SaslMechanism::create(QStringLiteral("SCRAM-SHA-256"), c, "rOprNGfwEbeRWgbNEkqO");
    (void)m->initialResponse();
    const auto r = m->respond("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096");
    return r.ok() ? r.value() : QByteArray("<error>");
}
} // namespace

// RFC 4013 §3, the examples, in order.
TEST(SaslPrep, RfcExamples)
{
    EXPECT_EQ(prep(u"I\u00ADX"), QStringLiteral("IX"));   // soft hyphen mapped to nothing
    EXPECT_EQ(prep(u"user"), QStringLiteral("user"));
    EXPECT_EQ(prep(u"USER"), QStringLiteral("USER"));     // case preserved
    EXPECT_EQ(prep(u"\u00AA"), QStringLiteral("a"));      // NFKC
    EXPECT_EQ(prep(u"\u2168"), QStringLiteral("IX"));     // NFKC
    EXPECT_FALSE(Core::saslPrep(QString::fromUtf16(u"\u0007")).ok()); // prohibited
    EXPECT_FALSE(Core::saslPrep(QString::fromUtf16(u"\u0627\u0031")).ok()); // bidi rule
}

TEST(SaslPrep, SpacesControlsAndBidi)
{
    // C.1.2: non-ASCII spaces become U+0020; B.1: joiners and variation selectors go.
    EXPECT_EQ(prep(u"pass\u00A0word\u3000x"), QStringLiteral("pass word x"));
    EXPECT_EQ(prep(u"a\u200Db\uFE0Fc\u2060"), QStringLiteral("abc"));
    // Prohibited output: controls, private use, surrogates, display changers, tags.
    for (const char16_t *bad : {u"a\u0085", u"a\uE000", u"a\u200E", u"a\u202E", u"a\u2FF0", u"a\uFFFD"})
        EXPECT_FALSE(Core::saslPrep(QString::fromUtf16(bad)).ok()) << QString::fromUtf16(bad).toStdString();
    EXPECT_FALSE(Core::saslPrep(QString::fromUtf16(u"a\U000E0041")).ok());
    // A right-to-left string is fine when it starts and ends right-to-left.
    EXPECT_EQ(prep(u"\u0627\u0031\u0628"), QString::fromUtf16(u"\u0627\u0031\u0628"));
    EXPECT_FALSE(Core::saslPrep(QString::fromUtf16(u"\u0627a\u0628")).ok()); // mixed with LCat
    EXPECT_EQ(prep(u"\u00AD\u200B"), QStringLiteral("<error>")); // all mapped to nothing
    EXPECT_EQ(prep(u""), QString());
}

TEST(Sasl, ScramPreparesThePassword)
{
    // The same password typed in another normalisation (composed å and
    // A + combining ring) or with a soft hyphen must give the same proof.
    const QByteArray composed = scramProof(QString::fromUtf16(u"p\u00E5ss"));
    EXPECT_NE(composed, QByteArray("<error>"));
    EXPECT_EQ(scramProof(QString::fromUtf16(u"pa\u030Ass")), composed);
    EXPECT_EQ(scramProof(QString::fromUtf16(u"p\u00E5\u00ADss")), composed);
    EXPECT_NE(scramProof(QStringLiteral("pass")), composed);
    // RFC 7677's example password prepared is unchanged: "pencil".
    EXPECT_EQ(scramProof(QStringLiteral("pencil")),
              QByteArray("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="));
    // A password SASLprep prohibits is not sent in another form.
    EXPECT_EQ(scramProof(QString::fromUtf16(u"pass\u0007")), QByteArray("<error>"));
    // Nor one that SASLprep maps to nothing (RFC 5802 §5.1: abort).
    EXPECT_EQ(scramProof(QString::fromUtf16(u"\u00AD")), QByteArray("<error>"));
}

TEST(Sasl, ScramRequiresAtLeast4096Iterations)
{
    for (const char *count : {"1", "16", "4095"}) {
        auto m = SaslMechanism::create(QStringLiteral("SCRAM-SHA-256"), creds("user", "pencil"), "abc");
        (void)m->initialResponse();
        const auto r = m->respond(QByteArray("r=abcdef,s=QSXCR+Q6sek8bf92,i=") + count);
        ASSERT_FALSE(r.ok()) << count;
        EXPECT_EQ(r.error().code(), Core::Error::Code::AuthenticationFailed);
        EXPECT_TRUE(r.error().message().contains(QStringLiteral("4096"))) << qPrintable(r.error().message());
    }
    auto m = SaslMechanism::create(QStringLiteral("SCRAM-SHA-1"), creds("user", "pencil"), "abc");
    (void)m->initialResponse();
    EXPECT_TRUE(m->respond("r=abcdef,s=QSXCR+Q6sek8bf92,i=4096").ok());
}

TEST(Sasl, ScramServerFinalMayCarryExtensions)
{
    // RFC 5802 §7: server-final-message = (server-error / verifier) ["," extensions]
    auto m = SaslMechanism::create(QStringLiteral("SCRAM-SHA-1"), creds("user", "pencil"), "fyko+d2lbbFgONRv9qkxdawL");
    (void)m->initialResponse();
    ASSERT_TRUE(m->respond("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096").ok());
    EXPECT_TRUE(m->respond("v=rmF9pqV8S7suAoZWja4dJRkFsKQ=,x=future-extension").ok());
    EXPECT_TRUE(m->serverVerified());
    // ... but a wrong signature with extensions is still wrong.
    auto f = SaslMechanism::create(QStringLiteral("SCRAM-SHA-1"), creds("user", "pencil"), "fyko+d2lbbFgONRv9qkxdawL");
    (void)f->initialResponse();
    ASSERT_TRUE(f->respond("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096").ok());
    EXPECT_FALSE(f->respond("v=AAAAAAAAAAAAAAAAAAAAAAAAAAA=,x=y").ok());
    EXPECT_FALSE(f->serverVerified());
}
