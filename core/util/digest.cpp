// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/digest.h"

#ifdef OUTPOST_HAVE_LIBCRYPTO
#include <openssl/evp.h>
#endif

namespace Core {

#ifdef OUTPOST_HAVE_LIBCRYPTO
// libcrypto's first use costs more than a small message's whole digest: it
// reads the system's OpenSSL configuration and sets up its providers (half
// a millisecond, paid by every outpost-sendmail). So the first
// kQuickLimit octets are kept, and hashed with QCryptographicHash if that
// is all there is; a body that grows past it goes to libcrypto, those
// octets first. The digest is the same either way.
constexpr qsizetype kQuickLimit = 16 * 1024;

struct Sha256::Impl
{
    QByteArray head;
    EVP_MD_CTX *ctx = nullptr;
    bool ok = true;
    ~Impl() { EVP_MD_CTX_free(ctx); }
    Impl() = default;
    Impl(const Impl &) = delete;
    Impl &operator=(const Impl &) = delete;

    void update(QByteArrayView data)
    {
        if (ok && !data.isEmpty())
            ok = EVP_DigestUpdate(ctx, data.data(), static_cast<size_t>(data.size())) == 1;
    }
};

void Sha256::addData(QByteArrayView data)
{
    if (!d->ok || data.isEmpty())
        return;
    if (!d->ctx && d->head.size() + data.size() <= kQuickLimit) {
        d->head.append(data);
        return;
    }
    if (!d->ctx) {
        d->ctx = EVP_MD_CTX_new();
        d->ok = d->ctx && EVP_DigestInit_ex(d->ctx, EVP_sha256(), nullptr) == 1;
        d->update(d->head);
        d->head = QByteArray();
    }
    d->update(data);
}

QByteArray Sha256::hexResult()
{
    if (!d->ok)
        return {}; // never equal to a recorded digest: treated as a mismatch
    d->ok = false;
    if (!d->ctx)
        return QCryptographicHash::hash(d->head, QCryptographicHash::Sha256).toHex();
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(d->ctx, md, &length) != 1)
        return {};
    return QByteArray(reinterpret_cast<const char *>(md), static_cast<qsizetype>(length)).toHex();
}

bool Sha256::usesLibcrypto()
{
    return true;
}
#else
struct Sha256::Impl
{
    QCryptographicHash hash{QCryptographicHash::Sha256};
};

void Sha256::addData(QByteArrayView data)
{
    d->hash.addData(data);
}

QByteArray Sha256::hexResult()
{
    return d->hash.result().toHex();
}

bool Sha256::usesLibcrypto()
{
    return false;
}
#endif

Sha256::Sha256()
    : d(std::make_unique<Impl>())
{
}

Sha256::~Sha256() = default;

HashingWriter::HashingWriter(QIODevice *target)
    : m_target(target)
{
    open(QIODevice::WriteOnly | QIODevice::Unbuffered);
}

qint64 HashingWriter::readData(char *data, qint64 maxSize)
{
    Q_UNUSED(data);
    Q_UNUSED(maxSize);
    return -1;
}

qint64 HashingWriter::writeData(const char *data, qint64 size)
{
    const qint64 n = m_target->write(data, size);
    if (n < 0) {
        setErrorString(m_target->errorString());
        return -1;
    }
    m_hash.addData(QByteArrayView(data, n));
    m_written += n;
    return n;
}

} // namespace Core
