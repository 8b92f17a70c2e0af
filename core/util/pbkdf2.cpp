// SPDX-License-Identifier: GPL-3.0-or-later
// pbkdf2() (declared in digest.h) apart from the digests: its fallback,
// QPasswordDigestor, is part of Qt Network, which the small core library
// (the outbox, for outpost-sendmail) must not need.
#include "core/util/digest.h"

#include <QPasswordDigestor>

#ifdef OUTPOST_HAVE_LIBCRYPTO
#include <openssl/evp.h>
#endif

namespace Core {

QByteArray pbkdf2(QCryptographicHash::Algorithm algorithm, const QByteArray &password, const QByteArray &salt,
                  int iterations, int keyLength)
{
#ifdef OUTPOST_HAVE_LIBCRYPTO
    const EVP_MD *md = algorithm == QCryptographicHash::Sha1 ? EVP_sha1()
        : algorithm == QCryptographicHash::Sha256           ? EVP_sha256()
                                                            : nullptr;
    if (md && iterations > 0 && keyLength > 0) {
        QByteArray key(keyLength, Qt::Uninitialized);
        if (PKCS5_PBKDF2_HMAC(password.constData(), static_cast<int>(password.size()),
                              reinterpret_cast<const unsigned char *>(salt.constData()),
                              static_cast<int>(salt.size()), iterations, md, keyLength,
                              reinterpret_cast<unsigned char *>(key.data()))
            == 1)
            return key;
    }
#endif
    return QPasswordDigestor::deriveKeyPbkdf2(algorithm, password, salt, iterations, static_cast<quint64>(keyLength));
}

} // namespace Core
