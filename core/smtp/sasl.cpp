// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/smtp/sasl.h"
#include "core/smtp/saslprep.h"
#include "core/util/digest.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

namespace Core {

namespace {

Error badChallenge()
{
    return Error(Error::Code::AuthenticationFailed,
                 QCoreApplication::translate("Smtp", "The mail server's authentication challenge was not valid."));
}

// RFC 4616
class PlainMechanism final : public SaslMechanism
{
public:
    explicit PlainMechanism(SaslCredentials c) : m_c(std::move(c)) {}
    QString name() const override { return QStringLiteral("PLAIN"); }
    std::optional<QByteArray> initialResponse() override
    {
        return QByteArray('\0' + m_c.username.toUtf8() + '\0' + m_c.password.toUtf8());
    }
    Result<QByteArray> respond(const QByteArray &) override { return badChallenge(); }

private:
    SaslCredentials m_c;
};

// draft-murchison-sasl-login: username, then password, whatever the prompts say.
class LoginMechanism final : public SaslMechanism
{
public:
    explicit LoginMechanism(SaslCredentials c) : m_c(std::move(c)) {}
    QString name() const override { return QStringLiteral("LOGIN"); }
    std::optional<QByteArray> initialResponse() override { return std::nullopt; }
    Result<QByteArray> respond(const QByteArray &) override
    {
        switch (m_step++) {
        case 0:
            return m_c.username.toUtf8();
        case 1:
            return m_c.password.toUtf8();
        default:
            return badChallenge();
        }
    }

private:
    SaslCredentials m_c;
    int m_step = 0;
};

// RFC 2195
class CramMd5Mechanism final : public SaslMechanism
{
public:
    explicit CramMd5Mechanism(SaslCredentials c) : m_c(std::move(c)) {}
    QString name() const override { return QStringLiteral("CRAM-MD5"); }
    std::optional<QByteArray> initialResponse() override { return std::nullopt; }
    Result<QByteArray> respond(const QByteArray &challenge) override
    {
        if (m_done || challenge.isEmpty())
            return badChallenge();
        m_done = true;
        const QByteArray digest = QMessageAuthenticationCode::hash(
            challenge, m_c.password.toUtf8(), QCryptographicHash::Md5);
        return QByteArray(m_c.username.toUtf8() + ' ' + digest.toHex());
    }

private:
    SaslCredentials m_c;
    bool m_done = false;
};

// RFC 5802 (SCRAM-SHA-1) and RFC 7677 (SCRAM-SHA-256), without channel binding.
// The password is prepared with SASLprep; the user name is sent as given.
class ScramMechanism final : public SaslMechanism
{
public:
    static constexpr int kMinIterations = 4096;

    ScramMechanism(SaslCredentials c, QCryptographicHash::Algorithm algorithm, QByteArray nonce)
        : m_c(std::move(c))
        , m_algorithm(algorithm)
        , m_clientNonce(std::move(nonce))
    {
        if (m_clientNonce.isEmpty()) {
            QByteArray raw(24, Qt::Uninitialized);
            QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), 6);
            m_clientNonce = raw.toBase64(QByteArray::OmitTrailingEquals);
        }
    }

    QString name() const override
    {
        return m_algorithm == QCryptographicHash::Sha1 ? QStringLiteral("SCRAM-SHA-1")
                                                       : QStringLiteral("SCRAM-SHA-256");
    }

    std::optional<QByteArray> initialResponse() override
    {
        m_clientFirstBare = "n=" + saslName(m_c.username) + ",r=" + m_clientNonce;
        return "n,," + m_clientFirstBare;
    }

    Result<QByteArray> respond(const QByteArray &challenge) override
    {
        if (m_step == 0) {
            ++m_step;
            return clientFinal(challenge);
        }
        if (m_step == 1) {
            ++m_step;
            // server-final-message = (server-error / verifier) ["," extensions]
            // (RFC 5802 §7): extensions we do not know are ignored.
            const QByteArray first = challenge.split(',').constFirst();
            if (first.startsWith("e="))
                return Error(Error::Code::AuthenticationFailed,
                             QCoreApplication::translate("Smtp", "The mail server rejected the login (%1).")
                                 .arg(QString::fromUtf8(first.mid(2))));
            if (!first.startsWith("v=") || QByteArray::fromBase64(first.mid(2)) != m_serverSignature)
                return Error(Error::Code::AuthenticationFailed,
                             QCoreApplication::translate("Smtp", "The mail server could not prove that it knows the password; "
                                    "the connection may have been intercepted."));
            m_verified = true;
            return QByteArray();
        }
        return badChallenge();
    }

    bool serverVerified() const override { return m_verified; }

private:
    static QByteArray saslName(const QString &user)
    {
        QByteArray n = user.toUtf8();
        n.replace("=", "=3D").replace(",", "=2C");
        return n;
    }

    QByteArray hmac(const QByteArray &key, const QByteArray &data) const
    {
        return QMessageAuthenticationCode::hash(data, key, m_algorithm);
    }

    Result<QByteArray> clientFinal(const QByteArray &serverFirst)
    {
        QByteArray nonce;
        QByteArray salt;
        int iterations = 0;
        for (const QByteArray &attr : serverFirst.split(',')) {
            if (attr.startsWith("r="))
                nonce = attr.mid(2);
            else if (attr.startsWith("s="))
                salt = QByteArray::fromBase64(attr.mid(2));
            else if (attr.startsWith("i="))
                iterations = attr.mid(2).toInt();
            else if (attr.startsWith("m="))
                return badChallenge(); // mandatory extension we do not know
        }
        // The server's nonce must extend ours; the iteration count is bounded
        // so a hostile server cannot make us spin (100 000 rounds take tens
        // of milliseconds; servers use 4096 to 15 000).
        if (!nonce.startsWith(m_clientNonce) || nonce.size() == m_clientNonce.size()
            || salt.isEmpty() || iterations < 1 || iterations > 100'000)
            return badChallenge();
        // Fewer rounds make the proof cheap to attack offline for whoever
        // sees the exchange (RFC 7677 §4, RFC 5802 §5.1: at least 4096).
        if (iterations < kMinIterations)
            return Error(Error::Code::AuthenticationFailed,
                         //: %1 is the server's iteration count, %2 the minimum (4096)
                         QCoreApplication::translate("Smtp", "The mail server asked for a weak form of the password "
                                                             "(%1 iterations of SCRAM, at least %2 are needed); "
                                                             "Outpost did not sign in.")
                             .arg(iterations)
                             .arg(kMinIterations));
        // RFC 5802 §2.2: Hi(Normalize(password), ...), Normalize being SASLprep.
        const Result<QString> password = saslPrep(m_c.password);
        if (!password)
            return password.error();

        const int keyLength = m_algorithm == QCryptographicHash::Sha1 ? 20 : 32;
        const QByteArray salted = pbkdf2(m_algorithm, password.value().toUtf8(), salt, iterations, keyLength);
        const QByteArray clientKey = hmac(salted, "Client Key");
        const QByteArray storedKey = QCryptographicHash::hash(clientKey, m_algorithm);
        const QByteArray withoutProof = "c=biws,r=" + nonce;
        const QByteArray authMessage = m_clientFirstBare + ',' + serverFirst + ',' + withoutProof;
        const QByteArray signature = hmac(storedKey, authMessage);
        QByteArray proof = clientKey;
        for (qsizetype i = 0; i < proof.size(); ++i)
            proof[i] = static_cast<char>(proof[i] ^ signature[i]);
        m_serverSignature = hmac(hmac(salted, "Server Key"), authMessage);
        return QByteArray(withoutProof + ",p=" + proof.toBase64());
    }

    SaslCredentials m_c;
    QCryptographicHash::Algorithm m_algorithm;
    QByteArray m_clientNonce;
    QByteArray m_clientFirstBare;
    QByteArray m_serverSignature;
    int m_step = 0;
    bool m_verified = false;
};

// Google/Microsoft XOAUTH2 and RFC 7628 OAUTHBEARER. On failure the server
// sends a 334 with a JSON error; the client answers with an empty (XOAUTH2)
// or %x01 (OAUTHBEARER) response and the server then replies 535.
class OAuthMechanism final : public SaslMechanism
{
public:
    OAuthMechanism(SaslCredentials c, bool bearer) : m_c(std::move(c)), m_bearer(bearer) {}
    QString name() const override
    {
        return m_bearer ? QStringLiteral("OAUTHBEARER") : QStringLiteral("XOAUTH2");
    }
    std::optional<QByteArray> initialResponse() override
    {
        const QByteArray token = m_c.oauthToken.toUtf8();
        if (!m_bearer)
            return "user=" + m_c.username.toUtf8() + "\x01" "auth=Bearer " + token + "\x01\x01";
        QByteArray user = m_c.username.toUtf8();
        user.replace("=", "=3D").replace(",", "=2C");
        QByteArray out = "n,a=" + user + ",\x01";
        if (!m_c.host.isEmpty())
            out += "host=" + m_c.host.toUtf8() + "\x01";
        if (m_c.port > 0)
            out += "port=" + QByteArray::number(m_c.port) + "\x01";
        return out + "auth=Bearer " + token + "\x01\x01";
    }
    Result<QByteArray> respond(const QByteArray &) override
    {
        if (m_answeredError)
            return badChallenge();
        m_answeredError = true;
        return m_bearer ? QByteArray("\x01") : QByteArray();
    }

private:
    SaslCredentials m_c;
    bool m_bearer;
    bool m_answeredError = false;
};

} // namespace

QStringList SaslMechanism::preferenceOrder(const SaslCredentials &credentials, bool tlsActive,
                                           bool allowCleartext)
{
    if (!credentials.oauthToken.isEmpty())
        return {QStringLiteral("OAUTHBEARER"), QStringLiteral("XOAUTH2")};
    QStringList order = {QStringLiteral("SCRAM-SHA-256"), QStringLiteral("SCRAM-SHA-1")};
    const bool cleartextOk = tlsActive || allowCleartext;
    if (tlsActive) {
        // Inside TLS the password is protected anyway, and PLAIN lets the
        // server store a strong hash, which CRAM-MD5 does not.
        order << QStringLiteral("PLAIN") << QStringLiteral("LOGIN") << QStringLiteral("CRAM-MD5");
    } else {
        order << QStringLiteral("CRAM-MD5");
        if (cleartextOk)
            order << QStringLiteral("PLAIN") << QStringLiteral("LOGIN");
    }
    return order;
}

QString SaslMechanism::choose(const QStringList &offered, const SaslCredentials &credentials,
                              bool tlsActive, bool allowCleartext)
{
    for (const QString &mech : preferenceOrder(credentials, tlsActive, allowCleartext)) {
        if (offered.contains(mech))
            return mech;
    }
    return {};
}

std::unique_ptr<SaslMechanism> SaslMechanism::create(const QString &name,
                                                     const SaslCredentials &credentials,
                                                     const QByteArray &clientNonce)
{
    const QString upper = name.toUpper();
    if (upper == QLatin1String("PLAIN"))
        return std::make_unique<PlainMechanism>(credentials);
    if (upper == QLatin1String("LOGIN"))
        return std::make_unique<LoginMechanism>(credentials);
    if (upper == QLatin1String("CRAM-MD5"))
        return std::make_unique<CramMd5Mechanism>(credentials);
    if (upper == QLatin1String("SCRAM-SHA-1"))
        return std::make_unique<ScramMechanism>(credentials, QCryptographicHash::Sha1, clientNonce);
    if (upper == QLatin1String("SCRAM-SHA-256"))
        return std::make_unique<ScramMechanism>(credentials, QCryptographicHash::Sha256, clientNonce);
    if (upper == QLatin1String("XOAUTH2"))
        return std::make_unique<OAuthMechanism>(credentials, false);
    if (upper == QLatin1String("OAUTHBEARER"))
        return std::make_unique<OAuthMechanism>(credentials, true);
    return nullptr;
}

} // namespace Core
