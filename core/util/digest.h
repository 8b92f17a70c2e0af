// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCryptographicHash>
#include <QIODevice>

#include <memory>

namespace Core {

/**
 * Incremental SHA-256 for message bodies. With OpenSSL's libcrypto available
 * at build time it uses that (SHA extensions/AVX2: ~10x faster than
 * QCryptographicHash's portable code, which took a quarter of a second for
 * a 25 MiB attachment); otherwise QCryptographicHash. Same digests either way.
 */
class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void addData(QByteArrayView data);
    /// Lower-case hex digest; the object cannot be fed afterwards.
    [[nodiscard]] QByteArray hexResult();

    /// Whether the fast implementation was built in (for benchmarks).
    [[nodiscard]] static bool usesLibcrypto();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

/// PBKDF2-HMAC (RFC 8018) with SHA-1 or SHA-256 for SCRAM; libcrypto when
/// built with it (about 8x faster: 4096 rounds cost ~7 ms with Qt's
/// QPasswordDigestor, on every sign-in), QPasswordDigestor otherwise.
/// (In pbkdf2.cpp, part of the full core: it needs Qt Network.)
[[nodiscard]] QByteArray pbkdf2(QCryptographicHash::Algorithm algorithm, const QByteArray &password,
                                const QByteArray &salt, int iterations, int keyLength);

/**
 * A write-only QIODevice that forwards everything to `target` and hashes
 * it on the way: the outbox learns size and checksum of a body while
 * writing it, instead of reading the file back.
 */
class HashingWriter final : public QIODevice
{
public:
    explicit HashingWriter(QIODevice *target);

    [[nodiscard]] qint64 written() const { return m_written; }
    [[nodiscard]] QByteArray hexResult() { return m_hash.hexResult(); }
    [[nodiscard]] bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 size) override;

private:
    QIODevice *m_target;
    Sha256 m_hash;
    qint64 m_written = 0;
};

} // namespace Core
