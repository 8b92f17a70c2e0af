#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A small private internet for the discovery tests (issue 9).

    autoconfig_world.py COMMAND [ARGS...]

Builds a network namespace with its own /etc/hosts and resolv.conf, starts
inside it dnsmasq (A, MX, SRV for the *.test domains), an HTTPS + HTTP server
(provider autoconfig files and an ISPDB mirror, certificates from a test CA),
real aiosmtpd servers on 465/587, a server whose STARTTLS is broken, a
plaintext-only server, tarpits that accept and never answer, and real
Dovecot IMAP servers (dovecot_imap.py: 993 and 143, 143 with STARTTLS only,
143 without STARTTLS) — then runs
COMMAND inside the namespace with:

    OUTPOST_EXTRA_CA_FILE   the test CA (PEM)
    OUTPOST_ISPDB_URL       https://ispdb.test/v1.1/
    AUTOCONFIG_WORLD_DIR    web.log (one JSON line per HTTP request),
                            smtp-auth.log (one JSON line per AUTH attempt),
                            dnsmasq.log

and tears everything down. The big OAuth providers are there under their
real names (smtp.gmail.com with passwords and OAuth, smtp-mail.outlook.com and
smtp.office365.com with OAuth only, their ISPDB files with <oAuth2> blocks),
with domains of one's own behind Microsoft 365 (m365.test) and Google
Workspace (workspace.test) MX hosts; some ISPDB answers always come late
(WEB_DELAYS), so a ranking that depends on the order of arrival fails. Needs root (ip netns), dnsmasq, openssl and
Debian's python3-aiosmtpd and dovecot-imapd; fails loudly when something is missing.
Run with /usr/bin/python3 (Debian's modules).
"""
import json
import os
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time

NET = "10.77.0."
HOSTS = {
    # web: autoconfig files, .well-known, ISPDB mirror
    2: ["ispdb.test", "autoconfig.provider.test", "provider.test", "autoconfig.srvdrop.test",
        "autoconfig.srvlate.test"],
    3: ["smtp.provider.test", "smtp.srvdrop.test", "smtp.srvlate.test"],
    4: ["mail.ispdbonly.test"],
    5: ["smtp.hoster.test"],
    6: ["mail.srvonly.test"],
    7: ["smtp.guessme.test"],
    8: ["smtp.brokentls.test"],
    9: ["alt.brokentls.test"],
    10: ["smtp.plain.test"],
    11: ["smtp.slow.test"],
    # The big OAuth providers, as far as the discovery tests need them: the
    # real names (with --local in dnsmasq, nothing leaves the namespace).
    12: ["smtp.gmail.com"],
    13: ["smtp-mail.outlook.com"],
    14: ["smtp.office365.com"],
    # IMAP for the Sent copy (issue 20): private Dovecots (dovecot_imap.py).
    # 15: 993 and 143 with STARTTLS; 16: 143 with STARTTLS only; 17: 143
    # without STARTTLS, which discovery must never offer.
    15: ["imap.guessme.test", "imap.provider.test", "imap.srvonly.test", "imap.ispdbonly.test", "imap.gmail.com",
         "imap.srvdrop.test", "mail.srvlate.test"],
    16: ["mail.starttlsonly.test"],
    17: ["imap.notls.test", "imap.srvlate.test"],
    # accepts connections and never says a word
    251: ["autoconfig.slow.test", "slow.test", "autoconfig.timeout.test", "timeout.test",
          "smtp.timeout.test", "mail.timeout.test", "imap.slowimap.test"],
}
DNS_IP = NET + "1"
DNS_TARPIT_IP = NET + "250"
# Answers the IMAP SRV queries of srvlate.test, half a second late.
DNS_LATE_IP = NET + "249"
DNS_LATE_DELAY = 0.5
DNS_LATE_SRV = {"_imaps._tcp.srvlate.test": ("mail.srvlate.test", 993)}
USER_PASSWORD = "correct horse battery staple"

PROVIDER_XML = """<?xml version="1.0"?>
<clientConfig version="1.1">
  <emailProvider id="provider.test">
    <domain>provider.test</domain>
    <displayName>Provider Test Mail</displayName>
    <incomingServer type="imap"><hostname>imap.provider.test</hostname><port>993</port>
      <socketType>SSL</socketType><authentication>password-cleartext</authentication>
      <username>%EMAILADDRESS%</username></incomingServer>
    <outgoingServer type="smtp">
      <hostname>smtp.%EMAILDOMAIN%</hostname><port>587</port><socketType>STARTTLS</socketType>
      <authentication>password-cleartext</authentication><username>%EMAILADDRESS%</username>
    </outgoingServer>
    <outgoingServer type="smtp">
      <hostname>smtp.provider.test</hostname><port>465</port><socketType>SSL</socketType>
      <authentication>password-cleartext</authentication><username>%EMAILADDRESS%</username>
    </outgoingServer>
    <futureElement>ignored</futureElement>
  </emailProvider>
</clientConfig>
"""


def ispdb(domain, servers, username="%EMAILADDRESS%", imap=()):
    out = ['<?xml version="1.0"?>\n<clientConfig version="1.1"><emailProvider id="%s">' % domain,
           "<domain>%s</domain><displayName>%s (ISPDB)</displayName>" % (domain, domain)]
    for host, port, sock in imap:
        out.append("<incomingServer type=\"imap\"><hostname>%s</hostname><port>%d</port>"
                   "<socketType>%s</socketType><authentication>password-cleartext</authentication>"
                   "<username>%s</username></incomingServer>" % (host, port, sock, username))
    for host, port, sock in servers:
        out.append("<outgoingServer type=\"smtp\"><hostname>%s</hostname><port>%d</port>"
                   "<socketType>%s</socketType><authentication>password-cleartext</authentication>"
                   "<username>%s</username></outgoingServer>" % (host, port, sock, username))
    out.append("</emailProvider></clientConfig>\n")
    return "".join(out)


# The <oAuth2> blocks as the ISPDB publishes them for these providers.
MICROSOFT_OAUTH2 = ("login.microsoftonline.com", "https://outlook.office.com/SMTP.Send offline_access",
                    "https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
                    "https://login.microsoftonline.com/common/oauth2/v2.0/token")
GOOGLE_OAUTH2 = ("accounts.google.com", "https://mail.google.com/",
                 "https://accounts.google.com/o/oauth2/auth", "https://www.googleapis.com/oauth2/v3/token")


def oauth_provider(provider_id, domains, name, servers, oauth2):
    """An ISPDB file of a provider that signs in with OAuth 2.0 (and a password)."""
    out = ['<?xml version="1.0"?>\n<clientConfig version="1.1"><emailProvider id="%s">' % provider_id]
    out += ["<domain>%s</domain>" % d for d in domains]
    out.append("<displayName>%s</displayName>" % name)
    for host, port, sock in servers:
        out.append("<outgoingServer type=\"smtp\"><hostname>%s</hostname><port>%d</port>"
                   "<socketType>%s</socketType><authentication>OAuth2</authentication>"
                   "<authentication>password-cleartext</authentication>"
                   "<username>%%EMAILADDRESS%%</username></outgoingServer>" % (host, port, sock))
    out.append("</emailProvider><oAuth2><issuer>%s</issuer><scope>%s</scope><authURL>%s</authURL>"
               "<tokenURL>%s</tokenURL></oAuth2></clientConfig>\n" % oauth2)
    return "".join(out)


OUTLOOK_COM = oauth_provider("outlook.com", ["outlook.com", "hotmail.com"], "Outlook.com (Microsoft)",
                             [("smtp-mail.outlook.com", 587, "STARTTLS")], MICROSOFT_OAUTH2)
OFFICE365 = oauth_provider("office365.com", ["office365.com", "mail.protection.outlook.com"], "Microsoft 365",
                           [("smtp.office365.com", 587, "STARTTLS")], MICROSOFT_OAUTH2)
GMAIL = oauth_provider("googlemail.com", ["gmail.com", "googlemail.com", "google.com"], "Google Mail",
                       [("smtp.gmail.com", 465, "SSL")], GOOGLE_OAUTH2)

WEB = {
    ("autoconfig.provider.test", "/mail/config-v1.1.xml"): PROVIDER_XML,
    # Its IMAP SRV queries are dropped (dnsmasq's --server lines): the file answers at once.
    ("autoconfig.srvdrop.test", "/mail/config-v1.1.xml"): PROVIDER_XML.replace("provider.test", "srvdrop.test"),
    # Its IMAP server has no STARTTLS (fails); the one its SRV record names,
    # half a second after the file, answers.
    ("autoconfig.srvlate.test", "/mail/config-v1.1.xml"): PROVIDER_XML.replace("provider.test", "srvlate.test").replace(
        "<port>993</port>\n      <socketType>SSL</socketType>",
        "<port>143</port>\n      <socketType>STARTTLS</socketType>"),
    ("provider.test", "/.well-known/autoconfig/mail/config-v1.1.xml"): PROVIDER_XML,
    ("ispdb.test", "/v1.1/ispdbonly.test"): ispdb("ispdbonly.test", [("mail.ispdbonly.test", 587, "STARTTLS")],
                                                  "%EMAILLOCALPART%", imap=[("imap.ispdbonly.test", 143, "STARTTLS")]),
    # The IMAP server named here never answers: the SMTP side must not wait for it.
    ("ispdb.test", "/v1.1/slowimap.test"): ispdb("slowimap.test", [("smtp.hoster.test", 465, "SSL")],
                                                 imap=[("imap.slowimap.test", 993, "SSL")]),
    ("ispdb.test", "/v1.1/hoster.test"): ispdb("hoster.test", [("smtp.hoster.test", 465, "SSL")]),
    ("ispdb.test", "/v1.1/brokentls.test"): ispdb("brokentls.test", [("smtp.brokentls.test", 587, "STARTTLS"),
                                                                      ("alt.brokentls.test", 465, "SSL")]),
    ("ispdb.test", "/v1.1/slow.test"): ispdb("slow.test", [("smtp.slow.test", 465, "SSL")]),
    ("ispdb.test", "/v1.1/outlook.com"): OUTLOOK_COM,
    ("ispdb.test", "/v1.1/office365.com"): OFFICE365,
    ("ispdb.test", "/v1.1/mail.protection.outlook.com"): OFFICE365,
    ("ispdb.test", "/v1.1/gmail.com"): GMAIL,
    ("ispdb.test", "/v1.1/google.com"): GMAIL,
}
WEB_HANGS = {("ispdb.test", "/v1.1/timeout.test")}
# Answers that come late, always: the answer for the more specific MX domain
# (Microsoft 365 behind mail.protection.outlook.com) arrives after the one for
# the consumer service, so the order of arrival never decides the ranking.
WEB_DELAYS = {
    ("ispdb.test", "/v1.1/mail.protection.outlook.com"): 1.0,
    ("ispdb.test", "/v1.1/google.com"): 0.5,
}


def run(*cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def need(tool):
    if shutil.which(tool) is None:
        sys.exit("autoconfig_world: %s is missing (scripts/install-deps.sh test)" % tool)


def make_certs(d):
    names = sorted({n for names in HOSTS.values() for n in names})
    ca_key, ca = os.path.join(d, "ca.key"), os.path.join(d, "ca.pem")
    key, csr, crt = os.path.join(d, "server.key"), os.path.join(d, "server.csr"), os.path.join(d, "server.pem")
    q = dict(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-keyout", ca_key, "-out", ca, "-days", "2", "-subj", "/CN=Outpost Autoconfig Test CA",
        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign", **q)
    run("openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-keyout", key, "-out", csr, "-subj", "/CN=test servers", **q)
    ext = os.path.join(d, "ext.cnf")
    with open(ext, "w") as f:
        f.write("subjectAltName=" + ",".join("DNS:" + n for n in names) + "\n")
        f.write("extendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n")
    run("openssl", "x509", "-req", "-in", csr, "-CA", ca, "-CAkey", ca_key, "-CAcreateserial",
        "-out", crt, "-days", "2", "-extfile", ext, **q)
    return ca, crt, key


# --- the servers (run inside the namespace) ----------------------------------

def serve(workdir):
    import logging
    logging.disable(logging.CRITICAL)  # aborted probes are expected, not news
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, LoginPassword

    crt, key = os.path.join(workdir, "server.pem"), os.path.join(workdir, "server.key")
    log_lock = threading.Lock()

    def log(name, record):
        with log_lock, open(os.path.join(workdir, name), "a") as f:
            f.write(json.dumps(record) + "\n")

    class Web(BaseHTTPRequestHandler):
        def do_GET(self):
            host = (self.headers.get("Host") or "").split(":")[0]
            path, _, query = self.path.partition("?")
            log("web.log", {"scheme": self.server.scheme, "host": host, "path": path, "query": query,
                            "headers": dict(self.headers)})
            if (host, path) in WEB_HANGS:
                time.sleep(60)
                return
            time.sleep(WEB_DELAYS.get((host, path), 0))
            body = WEB.get((host, path))
            if body is None or self.server.scheme == "http":
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            data = body.encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/xml")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    servers = []
    for port, scheme in ((443, "https"), (80, "http")):
        httpd = ThreadingHTTPServer((NET + "2", port), Web)
        httpd.daemon_threads = True
        httpd.scheme = scheme
        if scheme == "https":
            ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            ctx.load_cert_chain(crt, key)
            httpd.socket = ctx.wrap_socket(httpd.socket, server_side=True)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        servers.append(httpd)

    class Sink:
        async def handle_DATA(self, server, session, envelope):
            return "250 2.0.0 OK"

    class OAuthSink(Sink):
        """Offers XOAUTH2 and OAUTHBEARER; discovery must never use them, so
        every attempt is logged and refused."""

        def __init__(self, ip, port):
            self.ip, self.port = ip, port

        async def refuse(self, server, mechanism):
            log("smtp-auth.log", {"ip": self.ip, "port": self.port, "mechanism": mechanism, "login": None,
                                  "password_ok": False, "ok": False})
            return AuthResult(success=False, handled=False)

        async def auth_XOAUTH2(self, server, args):
            return await self.refuse(server, "XOAUTH2")

        async def auth_OAUTHBEARER(self, server, args):
            return await self.refuse(server, "OAUTHBEARER")

    def authenticator_for(ip, port):
        def authenticator(server, session, envelope, mechanism, auth_data):
            is_pw = isinstance(auth_data, LoginPassword)
            login = auth_data.login.decode(errors="replace") if is_pw else None
            password_ok = is_pw and auth_data.password == USER_PASSWORD.encode()
            # mail.ispdbonly.test wants the local part, every other server the address.
            login_ok = login is not None and (("@" not in login) if ip == NET + "4" else ("@" in login))
            ok = password_ok and login_ok
            log("smtp-auth.log", {"ip": ip, "port": port, "mechanism": mechanism, "login": login,
                                  "password_ok": bool(password_ok), "ok": bool(ok)})
            return AuthResult(success=bool(ok), handled=False)
        return authenticator

    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(crt, key)
    controllers = []

    def smtp(n, port, mode, oauth=None):
        """oauth: None (passwords only), "also" (passwords and OAuth) or "only"."""
        ip = NET + str(n)
        common = dict(hostname=ip, port=port, decode_data=False, server_hostname=HOSTS[n][0],
                      ident="autoconfig world", authenticator=authenticator_for(ip, port))
        if oauth == "only":
            common["auth_exclude_mechanism"] = ["PLAIN", "LOGIN"]
        handler = OAuthSink(ip, port) if oauth else Sink()
        if mode == "tls":
            c = Controller(handler, ssl_context=tls, auth_require_tls=False, auth_required=True, **common)
        elif mode == "starttls":
            c = Controller(handler, tls_context=tls, require_starttls=True, auth_require_tls=True,
                           auth_required=True, **common)
        else:
            c = Controller(handler, auth_require_tls=False, auth_required=True, **common)
        c.start()
        controllers.append(c)

    smtp(3, 465, "tls")
    smtp(3, 587, "starttls")
    smtp(4, 587, "starttls")
    smtp(5, 465, "tls")
    smtp(6, 465, "tls")
    smtp(7, 587, "starttls")
    smtp(9, 465, "tls")
    smtp(10, 587, "plain")
    smtp(11, 465, "tls")
    smtp(12, 465, "tls", oauth="also")
    smtp(12, 587, "starttls", oauth="also")
    smtp(13, 587, "starttls", oauth="only")
    smtp(14, 587, "starttls", oauth="only")

    def listener(ip, port, handler):
        s = socket.socket()
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind((ip, port))
        s.listen(64)

        def loop():
            while True:
                conn, _ = s.accept()
                threading.Thread(target=handler, args=(conn,), daemon=True).start()
        threading.Thread(target=loop, daemon=True).start()

    def broken_starttls(conn):
        # Offers STARTTLS, agrees, then speaks no TLS at all.
        f = conn.makefile("rb")
        conn.sendall(b"220 smtp.brokentls.test ESMTP\r\n")
        for line in f:
            cmd = line.strip().upper()
            if cmd.startswith(b"EHLO"):
                conn.sendall(b"250-smtp.brokentls.test\r\n250-STARTTLS\r\n250 AUTH PLAIN LOGIN\r\n")
            elif cmd == b"STARTTLS":
                conn.sendall(b"220 2.0.0 Ready to start TLS\r\n")
                time.sleep(0.2)
                conn.sendall(b"this is not a TLS server hello\r\n" * 4)
                break
            elif cmd == b"QUIT":
                conn.sendall(b"221 bye\r\n")
                break
            else:
                conn.sendall(b"502 5.5.1 no\r\n")
        conn.close()

    held = []

    def tarpit(conn):
        held.append(conn)  # never answer, never close

    listener(NET + "8", 587, broken_starttls)
    for port in (25, 80, 143, 443, 465, 587, 993):
        listener(NET + "251", port, tarpit)

    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    udp.bind((DNS_TARPIT_IP, 53))

    def dns_tarpit():
        while True:
            udp.recvfrom(4096)
    threading.Thread(target=dns_tarpit, daemon=True).start()

    late = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    late.bind((DNS_LATE_IP, 53))

    def dns_late():
        while True:
            query, peer = late.recvfrom(4096)
            threading.Timer(DNS_LATE_DELAY, lambda q=query, p=peer: late.sendto(late_srv_answer(q), p)).start()
    threading.Thread(target=dns_late, daemon=True).start()

    imap_servers = start_imap(workdir, crt, key)

    def on_term(signum, frame):
        # The world's end closes stdin and signals at once: without this,
        # the signal ended this process before it stopped its Dovecots, and
        # every run left three masters behind. Told, not waited for (each
        # takes about a second to end its children).
        for s in imap_servers:
            s.terminate()
        os._exit(0)
    signal.signal(signal.SIGTERM, on_term)

    print("READY", flush=True)
    try:
        sys.stdin.read()
    finally:
        for s in imap_servers:
            s.terminate()
        for c in controllers:
            c.stop()
        for s in imap_servers:
            s.stop()


def late_srv_answer(query):
    """The answer to one DNS query (RFC 1035 §4.1): the SRV record of
    DNS_LATE_SRV for its name, else no record."""
    qid, question = query[:2], query[12:]
    labels, i = [], 0
    while i < len(question) and question[i]:
        labels.append(question[i + 1:question[i] + i + 1].decode("ascii", "replace"))
        i += question[i] + 1
    question = question[:i + 5]  # name, its end, type and class
    record = DNS_LATE_SRV.get(".".join(labels).lower())
    answer = b""
    if record:
        target = b"".join(bytes([len(p)]) + p.encode() for p in record[0].split(".")) + b"\0"
        data = (0).to_bytes(2, "big") + (1).to_bytes(2, "big") + record[1].to_bytes(2, "big") + target
        answer = (b"\xc0\x0c" + (33).to_bytes(2, "big") + (1).to_bytes(2, "big") + (60).to_bytes(4, "big")
                  + len(data).to_bytes(2, "big") + data)
    flags = b"\x81\x80"  # a response, recursion desired and available, no error
    counts = (1).to_bytes(2, "big") + (1 if record else 0).to_bytes(2, "big") + b"\0\0\0\0"
    return qid + flags + counts + question + answer


def start_imap(workdir, crt, key):
    """Real Dovecot IMAP servers on the usual ports of the hosts 15-17."""
    from dovecot_imap import DovecotImap, DovecotError
    servers = []
    # Dovecot's unprivileged processes read below the world's directory.
    os.chmod(workdir, 0o755)
    try:
        for n, profile, imaps in ((15, "special", True), (16, "strict", False), (17, "nospecial", False)):
            server = DovecotImap(os.path.join(workdir, "imap-%d" % n), profile, crt, key)
            server.address, server.imap_port, server.imaps_port = NET + str(n), 143, (993 if imaps else None)
            servers.append(server.start())
    except DovecotError as e:
        for server in servers:
            server.stop()
        sys.exit("autoconfig_world: %s" % e)
    return servers


# --- the namespace ------------------------------------------------------------

def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "--serve":
        serve(sys.argv[2])
        return
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    if os.geteuid() != 0:
        sys.exit("autoconfig_world: needs root for 'ip netns' (CI runs as root)")
    for tool in ("ip", "dnsmasq", "openssl"):
        need(tool)
    try:
        import aiosmtpd  # noqa: F401
    except ImportError:
        sys.exit("autoconfig_world: python3-aiosmtpd is missing (run with /usr/bin/python3)")

    ns = "outpost-ac-%d" % os.getpid()
    workdir = tempfile.mkdtemp(prefix="autoconfig-world-")
    etc = "/etc/netns/" + ns
    procs = []
    code = 1
    try:
        ca, _, _ = make_certs(workdir)
        run("ip", "netns", "add", ns)
        nsx = ["ip", "netns", "exec", ns]
        run(*nsx, "ip", "link", "set", "lo", "up")
        # Every host of this little internet is an address on the namespace's loopback.
        for n in [1, 249, 250] + sorted(HOSTS):
            run(*nsx, "ip", "addr", "add", NET + str(n) + "/32", "dev", "lo")
        os.makedirs(etc, exist_ok=True)
        hosts = os.path.join(workdir, "hosts")
        with open(hosts, "w") as f:
            f.write("127.0.0.1 localhost\n")
            for n, names in sorted(HOSTS.items()):
                f.write("%s%d %s\n" % (NET, n, " ".join(names)))
        shutil.copy(hosts, os.path.join(etc, "hosts"))
        with open(os.path.join(etc, "resolv.conf"), "w") as f:
            f.write("nameserver %s\noptions timeout:2 attempts:1\n" % DNS_IP)
        dnslog = os.path.join(workdir, "dnsmasq.log")
        procs.append(subprocess.Popen(nsx + [
            "dnsmasq", "--keep-in-foreground", "--no-resolv", "--no-hosts", "--user=root",
            "--listen-address=" + DNS_IP, "--bind-interfaces", "--port=53",
            "--addn-hosts=" + hosts, "--local=/test/",
            "--local=/gmail.com/", "--local=/google.com/", "--local=/outlook.com/", "--local=/office365.com/",
            "--server=/timeout.test/" + DNS_TARPIT_IP,
            # A resolver that drops the IMAP SRV queries of srvdrop.test.
            "--server=/_imaps._tcp.srvdrop.test/" + DNS_TARPIT_IP,
            "--server=/_imap._tcp.srvdrop.test/" + DNS_TARPIT_IP,
            # One that answers them late.
            "--server=/_imaps._tcp.srvlate.test/" + DNS_LATE_IP,
            "--server=/_imap._tcp.srvlate.test/" + DNS_LATE_IP,
            "--mx-host=provider.test,mx.provider.test,10",
            "--mx-host=hosted.test,mx1.mail.hoster.test,10",
            "--mx-host=hosted.test,mx2.mail.hoster.test,20",
            # Microsoft 365 and Google Workspace for a domain of one's own; the
            # providers' own domains receive their own mail.
            "--mx-host=m365.test,m365-test.mail.protection.outlook.com,0",
            "--mx-host=workspace.test,aspmx.l.google.com,1",
            "--mx-host=workspace.test,alt1.aspmx.l.google.com,5",
            "--mx-host=outlook.com,outlook-com.olc.protection.outlook.com,5",
            "--mx-host=gmail.com,gmail-smtp-in.l.google.com,5",
            "--srv-host=_submissions._tcp.srvonly.test,mail.srvonly.test,465,0,1",
            "--srv-host=_submission._tcp.srvonly.test",
            # IMAP (RFC 6186): implicit TLS offered, STARTTLS not ("."); and a
            # domain whose only IMAP record is STARTTLS.
            "--srv-host=_imaps._tcp.srvonly.test,imap.srvonly.test,993,0,1",
            "--srv-host=_imap._tcp.srvonly.test",
            "--srv-host=_imap._tcp.imapsrv.test,mail.starttlsonly.test,143,0,1",
            "--log-queries", "--log-facility=" + dnslog, "--pid-file=" + os.path.join(workdir, "dnsmasq.pid")]))
        server = subprocess.Popen(nsx + ["/usr/bin/python3", os.path.abspath(__file__), "--serve", workdir],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        procs.append(server)
        line = server.stdout.readline().strip()
        if line != "READY":
            sys.exit("autoconfig_world: servers did not start (%r)" % line)
        # dnsmasq is up when it answers.
        for _ in range(100):
            r = subprocess.run(nsx + ["python3", "-c", "import socket; socket.getaddrinfo('ispdb.test', 443)"],
                               capture_output=True)
            if r.returncode == 0 and os.path.exists(dnslog):
                break
            time.sleep(0.05)
        env = dict(os.environ, OUTPOST_EXTRA_CA_FILE=ca, OUTPOST_ISPDB_URL="https://ispdb.test/v1.1/",
                   AUTOCONFIG_WORLD_DIR=workdir, AUTOCONFIG_WORLD_PASSWORD=USER_PASSWORD)
        code = subprocess.run(nsx + sys.argv[1:], env=env).returncode
    finally:
        for p in reversed(procs):
            if p.stdin:
                try:
                    p.stdin.close()
                except OSError:
                    pass
            p.send_signal(signal.SIGTERM)
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
        subprocess.run(["ip", "netns", "delete", ns], stderr=subprocess.DEVNULL)
        shutil.rmtree(etc, ignore_errors=True)
        if os.environ.get("AUTOCONFIG_WORLD_KEEP"):
            print("autoconfig_world: kept " + workdir, file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    sys.exit(code)


if __name__ == "__main__":
    main()
