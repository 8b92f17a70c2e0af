// SPDX-License-Identifier: GPL-3.0-or-later
// A hostile server's SCRAM challenges (server-first, server-final) and other
// SASL challenges: never a crash, never an unbounded computation.
#include "core/smtp/sasl.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const qsizetype split = input.indexOf('\n');
    const QByteArray first = split < 0 ? input : input.left(split);
    const QByteArray second = split < 0 ? QByteArray() : input.mid(split + 1);
    // Inputs that ask for more than 64 PBKDF2 rounds only measure hashing
    // speed (the 100 000-round cap has its own unit test); skip them so the
    // time goes to the parsing.
    const qsizetype i = first.indexOf("i=");
    if (i >= 0) {
        bool ok = false;
        const long rounds = first.mid(i + 2, first.indexOf(',', i) < 0 ? -1 : first.indexOf(',', i) - i - 2).toLong(&ok);
        if (!ok || rounds > 64)
            return 0;
    }
    Core::SaslCredentials c;
    c.username = QStringLiteral("user");
    c.password = QStringLiteral("pencil");
    for (const char *mech : {"SCRAM-SHA-256", "SCRAM-SHA-1", "CRAM-MD5", "LOGIN", "XOAUTH2", "OAUTHBEARER"}) {
        auto m = Core::SaslMechanism::create(QString::fromLatin1(mech), c, "fyko+d2lbbFgONRv9qkxdawL");
        (void)m->initialResponse();
        if (auto r = m->respond(first); r)
            (void)m->respond(second);
        (void)m->serverVerified();
    }
    return 0;
}
