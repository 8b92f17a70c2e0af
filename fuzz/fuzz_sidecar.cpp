// SPDX-License-Identifier: GPL-3.0-or-later
// The outbox sidecar (state.json), as a crash or a bad disk may leave it:
// refused or read, never a crash; what is read round-trips.
#include "core/outbox/outboxentry.h"

#include <QJsonDocument>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QJsonDocument doc = QJsonDocument::fromJson(
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size)));
    auto entry = Core::OutboxEntry::fromJson(doc.object());
    if (!entry)
        return 0;
    auto again = Core::OutboxEntry::fromJson(entry->toJson());
    if (!again || again->id != entry->id || again->envelope.recipients != entry->envelope.recipients)
        std::abort();
    return 0;
}
