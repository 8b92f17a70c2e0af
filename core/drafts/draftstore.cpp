// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/drafts/draftstore.h"

#include "core/util/durablefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>

namespace Core {

namespace {
constexpr int kFormat = 1;
constexpr qint64 kMaxDraftFile = 64 * 1024 * 1024;

// A name that stays inside the drafts folder.
bool validId(const QString &id)
{
    return !id.isEmpty() && !id.contains(u'/') && !id.contains(u'\\') && !id.startsWith(u'.');
}
} // namespace

DraftStore::DraftStore(QString root)
    : m_root(root.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/drafts")
                            : std::move(root))
{
}

QString DraftStore::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString DraftStore::pathFor(const QString &id) const
{
    return m_root + u'/' + id + QStringLiteral(".json");
}

Result<void> DraftStore::save(const QString &id, const QJsonObject &content)
{
    if (!validId(id))
        return Error(Error::Code::Internal, QStringLiteral("bad draft id"));
    if (!QDir().mkpath(m_root))
        return Error(Error::Code::WriteFailed,
                     QCoreApplication::translate("Drafts", "The draft cannot be saved: the folder %1 cannot be created.").arg(m_root));
    const QJsonObject doc{{QStringLiteral("format"), kFormat},
                          {QStringLiteral("id"), id},
                          {QStringLiteral("savedAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                          {QStringLiteral("content"), content}};
    return Durable::writeFileAtomically(pathFor(id), QJsonDocument(doc).toJson(QJsonDocument::Compact));
}

void DraftStore::remove(const QString &id)
{
    if (!validId(id))
        return;
    QFile::remove(pathFor(id));
    QDir(filesFor(id)).removeRecursively();
}

QString DraftStore::filesFor(const QString &id) const
{
    return m_root + u'/' + id + QStringLiteral(".files");
}

Result<void> DraftStore::saveFile(const QString &id, const QString &name, const QByteArray &bytes)
{
    if (!validId(id) || !validId(name))
        return Error(Error::Code::Internal, QStringLiteral("bad draft file name"));
    const QString path = filesFor(id) + u'/' + name;
    if (QFileInfo(path).size() == bytes.size())
        return {}; // named by its content: already there
    if (!QDir().mkpath(filesFor(id)))
        return Error(Error::Code::WriteFailed,
                     QCoreApplication::translate("Drafts", "The draft cannot be saved: the folder %1 cannot be created.").arg(filesFor(id)));
    return Durable::writeFileAtomically(path, bytes);
}

Result<void> DraftStore::adoptImages(const QString &id, QList<InlineImage> &images)
{
    if (!validId(id))
        return Error(Error::Code::Internal, QStringLiteral("bad draft id"));
    // Called with the outbox's lock held, on the GUI thread: each file is
    // written without waiting for the disk, then all of them and the folder
    // are synced at once (one wait instead of one per image).
    QStringList written;
    QList<QString> paths;
    for (const InlineImage &image : std::as_const(images)) {
        QFile file(image.path);
        const QString name = QFileInfo(image.path).fileName();
        if (!validId(name))
            return Error(Error::Code::Internal, QStringLiteral("bad draft file name"));
        if (file.size() > kMaxDraftFile || !file.open(QIODevice::ReadOnly)) {
            paths << image.path; // (as before: left where it is)
            continue;
        }
        const QString path = filesFor(id) + u'/' + name;
        if (QFileInfo(path).size() != file.size()) { // named by its content: else already there
            if (!QDir().mkpath(filesFor(id)))
                return Error(Error::Code::WriteFailed,
                             QCoreApplication::translate("Drafts", "The draft cannot be saved: the folder %1 cannot be created.").arg(filesFor(id)));
            if (auto r = Durable::writeFileAtomically(path, file.readAll(), Durable::Sync::Later); !r)
                return r;
            written << path;
        }
        paths << path;
    }
    if (!written.isEmpty()) {
        if (auto r = Durable::syncTogether(written, {filesFor(id), m_root}); !r)
            return r;
    }
    for (qsizetype i = 0; i < images.size(); ++i)
        images[i].path = paths.at(i);
    return {};
}

QByteArray DraftStore::readFile(const QString &id, const QString &name) const
{
    if (!validId(id) || !validId(name))
        return {};
    QFile f(filesFor(id) + u'/' + name);
    if (f.size() > kMaxDraftFile || !f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

QList<StoredDraft> DraftStore::list() const
{
    QList<StoredDraft> drafts;
    const QDir dir(m_root);
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(name));
        if (f.size() > kMaxDraftFile || !f.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject doc = QJsonDocument::fromJson(f.readAll()).object();
        if (doc.value(QStringLiteral("format")).toInt() != kFormat || !doc.value(QStringLiteral("content")).isObject()) {
            // Never deleted: moved aside where a person can still look.
            f.close();
            QDir().mkpath(m_root + QStringLiteral("/damaged"));
            QFile::rename(dir.filePath(name), m_root + QStringLiteral("/damaged/") + name);
            continue;
        }
        StoredDraft d;
        d.id = name.chopped(5);
        d.savedAt = QDateTime::fromString(doc.value(QStringLiteral("savedAt")).toString(), Qt::ISODateWithMs);
        d.content = doc.value(QStringLiteral("content")).toObject();
        drafts << d;
    }
    std::sort(drafts.begin(), drafts.end(), [](const StoredDraft &a, const StoredDraft &b) { return a.savedAt < b.savedAt; });
    return drafts;
}

} // namespace Core
