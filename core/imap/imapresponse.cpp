// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/imap/imapresponse.h"

#include <algorithm>

namespace Core {

namespace {

constexpr qsizetype kMaxServerText = 1000; // what serverText() keeps for people

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// RFC 3501 §9 ATOM-CHAR, widened: '\' (flags), '%' '*' (LIST wildcards in
// echoes), ']' and 8-bit octets are accepted; what ends an atom is a space,
// a parenthesis, a quote, a brace or a control character.
bool isAtomChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7f)
        return false;
    return c != '(' && c != ')' && c != '"' && c != '{';
}

/// A cursor over one framed response. Every read checks the end.
class Reader
{
public:
    explicit Reader(const QByteArray &data)
        : m_data(data)
    {
    }

    [[nodiscard]] bool atEnd() const { return m_pos >= m_data.size(); }
    [[nodiscard]] char peek() const { return atEnd() ? '\0' : m_data.at(m_pos); }
    void skip() { ++m_pos; }
    [[nodiscard]] QByteArray rest() const { return m_data.mid(m_pos); }
    void skipSpaces()
    {
        while (peek() == ' ')
            ++m_pos;
    }

    [[nodiscard]] QByteArray atom()
    {
        const qsizetype start = m_pos;
        while (!atEnd() && isAtomChar(peek())) {
            if (peek() == '[') {
                // A section such as BODY[HEADER.FIELDS (DATE)] is one atom.
                const qsizetype close = m_data.indexOf(']', m_pos);
                if (close < 0)
                    return {};
                m_pos = close + 1;
                continue;
            }
            ++m_pos;
        }
        return m_data.mid(start, m_pos - start);
    }

    /// One value at the cursor; false when malformed.
    bool value(ImapValue *out, int depth, QString *why)
    {
        if (depth > ImapResponseParser::kMaxDepth) {
            *why = QStringLiteral("lists nested too deeply");
            return false;
        }
        const char c = peek();
        if (c == '(')
            return list(out, depth, why);
        if (c == '"')
            return quoted(out, why);
        if (c == '{' || (c == '~' && m_pos + 1 < m_data.size() && m_data.at(m_pos + 1) == '{'))
            return literal(out, why);
        const QByteArray a = atom();
        if (a.isEmpty()) {
            *why = QStringLiteral("unexpected character in the response");
            return false;
        }
        if (a.compare("NIL", Qt::CaseInsensitive) == 0) {
            out->type = ImapValue::Type::Nil;
        } else {
            out->type = ImapValue::Type::Atom;
            out->text = a;
        }
        return true;
    }

    /// Values separated by spaces up to `end` (')' or the end of the data).
    bool values(std::vector<ImapValue> *out, int depth, char end, QString *why)
    {
        for (;;) {
            skipSpaces();
            if (end == ')' && peek() == ')')
                return true;
            if (atEnd()) {
                if (end == '\0')
                    return true;
                *why = QStringLiteral("unterminated list");
                return false;
            }
            ImapValue v;
            if (!value(&v, depth, why))
                return false;
            out->push_back(std::move(v));
            const char next = peek();
            if (next != ' ' && next != ')' && !atEnd()) {
                *why = QStringLiteral("values not separated by a space");
                return false;
            }
        }
    }

private:
    bool list(ImapValue *out, int depth, QString *why)
    {
        skip(); // '('
        out->type = ImapValue::Type::List;
        if (!values(&out->items, depth + 1, ')', why))
            return false;
        skip(); // ')'
        return true;
    }

    bool quoted(ImapValue *out, QString *why)
    {
        skip(); // '"'
        QByteArray text;
        while (!atEnd()) {
            char c = peek();
            skip();
            if (c == '"') {
                out->type = ImapValue::Type::String;
                out->text = text;
                return true;
            }
            if (c == '\r' || c == '\n') {
                *why = QStringLiteral("line break inside a quoted string");
                return false;
            }
            if (c == '\\') {
                if (atEnd())
                    break;
                c = peek();
                skip();
            }
            text += c;
        }
        *why = QStringLiteral("unterminated quoted string");
        return false;
    }

    bool literal(ImapValue *out, QString *why)
    {
        if (peek() == '~') // literal8 (RFC 3516)
            skip();
        skip(); // '{'
        qint64 length = 0;
        qsizetype digits = 0;
        while (isDigit(peek())) {
            length = length * 10 + (peek() - '0');
            skip();
            if (++digits > 10 || length > ImapResponseParser::kMaxLiteralLength) {
                *why = QStringLiteral("literal too long");
                return false;
            }
        }
        if (digits == 0 || peek() != '}') {
            *why = QStringLiteral("malformed literal");
            return false;
        }
        skip();
        if (peek() == '\r')
            skip();
        if (peek() != '\n') {
            *why = QStringLiteral("malformed literal");
            return false;
        }
        skip();
        if (m_pos + length > m_data.size()) {
            *why = QStringLiteral("literal shorter than announced");
            return false;
        }
        out->type = ImapValue::Type::String;
        out->text = m_data.mid(m_pos, static_cast<qsizetype>(length));
        m_pos += static_cast<qsizetype>(length);
        return true;
    }

    const QByteArray &m_data;
    qsizetype m_pos = 0;
};

std::optional<ImapResponse::Status> statusOf(const QByteArray &word)
{
    const QByteArray upper = word.toUpper();
    if (upper == "OK")
        return ImapResponse::Status::Ok;
    if (upper == "NO")
        return ImapResponse::Status::No;
    if (upper == "BAD")
        return ImapResponse::Status::Bad;
    if (upper == "PREAUTH")
        return ImapResponse::Status::PreAuth;
    if (upper == "BYE")
        return ImapResponse::Status::Bye;
    return std::nullopt;
}

// resp-text = ["[" resp-text-code "]" SP] text (RFC 3501 §9)
bool readRespText(Reader &reader, ImapResponse *response, QString *why)
{
    reader.skipSpaces();
    QByteArray rest = reader.rest();
    if (rest.startsWith('[')) {
        const qsizetype close = rest.indexOf(']');
        if (close < 0) {
            *why = QStringLiteral("unterminated response code");
            return false;
        }
        const QByteArray inside = rest.mid(1, close - 1);
        const qsizetype space = inside.indexOf(' ');
        response->code = (space < 0 ? inside : inside.left(space)).toUpper();
        response->codeArguments = space < 0 ? QByteArray() : inside.mid(space + 1);
        rest = rest.mid(close + 1);
        if (rest.startsWith(' '))
            rest.remove(0, 1);
    }
    response->text = rest;
    return true;
}

// Untagged data the client reads must parse; anything else it ignores, so a
// server's extension with odd syntax does not end the session.
bool mustParse(const QByteArray &name)
{
    static const QList<QByteArray> known = {"CAPABILITY", "LIST",  "LSUB",   "NAMESPACE", "SEARCH",
                                            "ESEARCH",    "FLAGS", "STATUS", "ENABLED"};
    return known.contains(name);
}

} // namespace

bool ImapValue::isAtom(const char *upper) const
{
    return type == Type::Atom && text.compare(upper, Qt::CaseInsensitive) == 0;
}

QString ImapResponse::serverText() const
{
    QByteArray all = text;
    if (!code.isEmpty())
        all = '[' + code
            + (codeArguments.isEmpty() ? QByteArray() : QByteArray(' ' + codeArguments)) + "] "
            + text;
    all = all.trimmed().left(kMaxServerText);
    QString out = QString::fromUtf8(all);
    // Controls would let a server rearrange what a log or a dialog shows.
    for (QChar &c : out)
        if (c.category() == QChar::Other_Control)
            c = QLatin1Char(' ');
    return out;
}

std::optional<ImapResponse> ImapResponseParser::parse(const QByteArray &data, QString *why)
{
    Reader reader(data);
    ImapResponse r;
    if (reader.peek() == '+') {
        reader.skip();
        if (reader.peek() == ' ')
            reader.skip();
        r.kind = ImapResponse::Kind::Continuation;
        r.text = reader.rest();
        return r;
    }
    if (reader.peek() == '*') {
        reader.skip();
        if (reader.peek() != ' ') {
            *why = QStringLiteral("no space after '*'");
            return std::nullopt;
        }
        reader.skip();
        r.kind = ImapResponse::Kind::Untagged;
        QByteArray word = reader.atom();
        if (!word.isEmpty() && std::all_of(word.cbegin(), word.cend(), isDigit)) {
            bool ok = false;
            r.number = word.toLongLong(&ok);
            if (!ok || word.size() > 10) {
                *why = QStringLiteral("number out of range");
                return std::nullopt;
            }
            reader.skipSpaces();
            word = reader.atom();
        }
        if (word.isEmpty()) {
            *why = QStringLiteral("untagged response without a name");
            return std::nullopt;
        }
        if (auto status = statusOf(word); status && r.number < 0) {
            r.status = *status;
            if (!readRespText(reader, &r, why))
                return std::nullopt;
            return r;
        }
        r.name = word.toUpper();
        const QByteArray rest = reader.rest();
        QString valuesWhy;
        if (!reader.values(&r.values, 0, '\0', &valuesWhy)) {
            if (mustParse(r.name)) {
                *why = valuesWhy;
                return std::nullopt;
            }
            r.values.clear();
            r.text = rest;
        }
        return r;
    }
    r.kind = ImapResponse::Kind::Tagged;
    r.tag = reader.atom();
    if (r.tag.isEmpty() || r.tag.contains('[') || reader.peek() != ' ') {
        *why = QStringLiteral("malformed tag");
        return std::nullopt;
    }
    reader.skip();
    const auto status = statusOf(reader.atom());
    if (!status || *status == ImapResponse::Status::PreAuth
        || *status == ImapResponse::Status::Bye) {
        *why = QStringLiteral("tagged response without OK, NO or BAD");
        return std::nullopt;
    }
    r.status = *status;
    if (!readRespText(reader, &r, why))
        return std::nullopt;
    return r;
}

std::nullopt_t ImapResponseParser::fail(const QString &why)
{
    m_failure = why;
    m_buffer.clear();
    m_current.clear();
    return std::nullopt;
}

void ImapResponseParser::reset()
{
    m_buffer.clear();
    m_current.clear();
    m_literalLeft = 0;
    m_failure.clear();
}

std::optional<QList<ImapResponse>> ImapResponseParser::feed(const QByteArray &data)
{
    if (failed())
        return std::nullopt;
    m_buffer += data;
    QList<ImapResponse> out;
    for (;;) {
        if (m_literalLeft > 0) {
            const qsizetype take = std::min(m_literalLeft, m_buffer.size());
            m_current += m_buffer.left(take);
            m_buffer.remove(0, take);
            m_literalLeft -= take;
            if (m_literalLeft > 0)
                break;
            continue;
        }
        const qsizetype lf = m_buffer.indexOf('\n');
        if (lf < 0) {
            if (m_buffer.size() > kMaxLineLength)
                return fail(QStringLiteral("line too long"));
            break;
        }
        if (lf > kMaxLineLength)
            return fail(QStringLiteral("line too long"));
        QByteArray line = m_buffer.left(lf);
        m_buffer.remove(0, lf + 1);
        if (line.endsWith('\r'))
            line.chop(1);
        if (m_current.size() + line.size() > kMaxResponseLength)
            return fail(QStringLiteral("response too long"));
        // A line ending in {N} announces N octets of literal (RFC 3501 §4.3).
        if (line.endsWith('}')) {
            const qsizetype open = line.lastIndexOf('{');
            const QByteArray digits
                = open < 0 ? QByteArray() : line.mid(open + 1, line.size() - open - 2);
            if (!digits.isEmpty() && digits.size() <= 10
                && std::all_of(digits.cbegin(), digits.cend(), isDigit)) {
                const qint64 length = digits.toLongLong();
                if (length > kMaxLiteralLength
                    || m_current.size() + line.size() + length > kMaxResponseLength)
                    return fail(QStringLiteral("literal too long"));
                m_current += line + "\r\n";
                m_literalLeft = static_cast<qsizetype>(length);
                continue;
            }
        }
        m_current += line;
        QString why;
        auto response = parse(m_current, &why);
        m_current.clear();
        if (!response)
            return fail(why);
        out.append(std::move(*response));
    }
    return out;
}

} // namespace Core
