// SPDX-License-Identifier: GPL-3.0-or-later
// nodemailer's smtp-server (npm, pinned and installed by smtpserver_server.py)
// as a real SMTP peer for integration tests, on 127.0.0.1.
//
//   node smtp_server.js --outdir DIR --log FILE [--cert PEM --key PEM]
//                       [--implicit-tls] [--user U --password P] [--no-auth]
//
// With a certificate and without --implicit-tls it offers STARTTLS and
// requires it before AUTH; with --no-auth there is no AUTH (and no TLS).
// Refuses recipients whose local part starts with "nobody". Writes each
// message to DIR/N.eml (the octets received) and its envelope to DIR/N.json,
// like aiosmtpd_server.py, logs every command (AUTH redacted by the server)
// and every error to FILE, prints "READY <port>", and stops when stdin ends.
'use strict'
const fs = require('fs')
const path = require('path')
const util = require('util')
const { SMTPServer } = require('smtp-server')

const args = process.argv.slice(2)
const opt = (name, fallback) => {
    const i = args.indexOf(name)
    return i >= 0 ? args[i + 1] : fallback
}
const flag = (name) => args.includes(name)

const outdir = opt('--outdir')
const log = fs.openSync(opt('--log'), 'a')
const write = (level) => (obj, fmt, ...rest) => {
    const text = typeof obj === 'string' ? util.format(obj, fmt ?? '', ...rest) : util.format(fmt, ...rest)
    fs.writeSync(log, `${new Date().toISOString()} ${level} ${text}\n`)
}
const logger = { trace: write('TRACE'), debug: write('DEBUG'), info: write('INFO'),
                 warn: write('WARN'), error: write('ERROR'), fatal: write('FATAL') }

const noAuth = flag('--no-auth')
const tls = !noAuth && opt('--cert')
let count = 0
const server = new SMTPServer({
    name: 'smtp-server.test',
    secure: flag('--implicit-tls'),
    key: tls ? fs.readFileSync(opt('--key')) : undefined,
    cert: tls ? fs.readFileSync(opt('--cert')) : undefined,
    disabledCommands: noAuth ? ['AUTH', 'STARTTLS'] : (tls ? [] : ['STARTTLS']),
    authOptional: noAuth,
    authMethods: ['PLAIN', 'LOGIN'],
    size: 32 * 1024 * 1024,
    logger,
    onAuth(auth, session, callback) {
        if (auth.username === opt('--user', 'user') && auth.password === opt('--password', 'secret'))
            return callback(null, { user: auth.username })
        return callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }))
    },
    onRcptTo(address, session, callback) {
        if (/^nobody/i.test(address.address))
            return callback(Object.assign(new Error('No such user here'), { responseCode: 550 }))
        callback()
    },
    onData(stream, session, callback) {
        const chunks = []
        stream.on('data', (c) => chunks.push(c))
        stream.on('end', () => {
            if (stream.sizeExceeded)
                return callback(Object.assign(new Error('Message too large'), { responseCode: 552 }))
            const body = Buffer.concat(chunks)
            const n = ++count
            const end = body.indexOf('\r\n\r\n')
            const head = (end < 0 ? body : body.subarray(0, end)).toString('latin1')
            const mid = /^Message-ID:\s*(.*)$/im.exec(head)
            fs.writeFileSync(path.join(outdir, n + '.eml'), body)
            fs.writeFileSync(path.join(outdir, n + '.json'), JSON.stringify({
                message_id: mid ? mid[1].trim() : '',
                mail_from: session.envelope.mailFrom.address,
                rcpt_tos: session.envelope.rcptTo.map((r) => r.address),
                session: session.id,
                tls: !!session.secure,
                authenticated: !!session.user,
            }))
            callback(null, 'queued as ' + n)
        })
    },
})
server.on('error', (err) => logger.error({}, 'server error: %s', err.message))
server.listen(0, '127.0.0.1', () => {
    process.stdout.write('READY ' + server.server.address().port + '\n')
})
process.stdin.resume()
process.stdin.on('end', () => server.close(() => process.exit(0)))
