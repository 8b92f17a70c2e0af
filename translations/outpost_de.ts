<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Accounts</name>
    <message>
        <source>An account entry is damaged (%1).</source>
        <extracomment>%1 names the broken field</extracomment>
        <translation>Ein Kontoeintrag ist beschädigt (%1).</translation>
    </message>
    <message>
        <source>The account has no identifier.</source>
        <translation>Das Konto hat keine Kennung.</translation>
    </message>
    <message>
        <source>Enter the name of the outgoing mail server.</source>
        <translation>Geben Sie den Namen des Postausgangsservers ein.</translation>
    </message>
    <message>
        <source>Enter a port between 1 and 65535.</source>
        <translation>Geben Sie einen Port zwischen 1 und 65535 ein.</translation>
    </message>
    <message>
        <source>Enter the user name for the mail server.</source>
        <translation>Geben Sie den Benutzernamen für den Mailserver ein.</translation>
    </message>
    <message>
        <source>The account needs at least one address to send from.</source>
        <translation>Das Konto benötigt mindestens eine Absenderadresse.</translation>
    </message>
    <message>
        <source>your accounts</source>
        <translation>Ihren Konten</translation>
    </message>
    <message>
        <source>two accounts share one identifier</source>
        <translation>zwei Konten haben dieselbe Kennung</translation>
    </message>
    <message>
        <source>An account named “%1” already exists.</source>
        <extracomment>%1 is an account name</extracomment>
        <translation>Ein Konto mit dem Namen „%1“ ist bereits vorhanden.</translation>
    </message>
    <message>
        <source>There is no such account.</source>
        <translation>Dieses Konto gibt es nicht.</translation>
    </message>
    <message>
        <source>your trusted certificates</source>
        <translation>Ihren vertrauenswürdigen Zertifikaten</translation>
    </message>
    <message>
        <source>Your accounts cannot be locked: %1</source>
        <extracomment>%1 is the system&apos;s reason</extracomment>
        <translation>Ihre Konten können nicht gesperrt werden: %1</translation>
    </message>
    <message>
        <source>Your trusted certificates cannot be locked: %1</source>
        <extracomment>%1 is the system&apos;s reason</extracomment>
        <translation>Ihre vertrauenswürdigen Zertifikate können nicht gesperrt werden: %1</translation>
    </message>
    <message>
        <source>Your contacts cannot be locked: %1</source>
        <extracomment>%1 is the system&apos;s reason</extracomment>
        <translation>Ihre Kontakte können nicht gesperrt werden: %1</translation>
    </message>
    <message>
        <source>Enter the incoming (IMAP) server, or leave its user name empty.</source>
        <translation>Geben Sie den Posteingangsserver (IMAP) ein oder lassen Sie seinen Benutzernamen leer.</translation>
    </message>
    <message>
        <source>Enter the name of the incoming (IMAP) server, without spaces or slashes.</source>
        <translation>Geben Sie den Namen des Posteingangsservers (IMAP) ohne Leerzeichen oder Schrägstriche ein.</translation>
    </message>
    <message>
        <source>Enter an IMAP port between 1 and 65535.</source>
        <translation>Geben Sie einen IMAP-Port zwischen 1 und 65535 ein.</translation>
    </message>
    <message>
        <source>The IMAP server needs TLS or STARTTLS: the account does not allow signing in without encryption.</source>
        <translation>Der IMAP-Server braucht TLS oder STARTTLS: Das Konto erlaubt keine Anmeldung ohne Verschlüsselung.</translation>
    </message>
    <message>
        <source>An IMAP server needs a sign-in: the account signs in with neither a password nor OAuth2.</source>
        <translation>Ein IMAP-Server verlangt eine Anmeldung: Das Konto meldet sich weder mit Passwort noch mit OAuth2 an.</translation>
    </message>
    <message>
        <source>No copy is saved: the account has no incoming (IMAP) server.</source>
        <translation>Es wird keine Kopie abgelegt: Das Konto hat keinen Posteingangsserver (IMAP).</translation>
    </message>
    <message>
        <source>No copy is saved: it is turned off for this account.</source>
        <translation>Es wird keine Kopie abgelegt: Für dieses Konto ist das ausgeschaltet.</translation>
    </message>
    <message>
        <source>%1 files a copy in Sent itself: Outpost will not add another.</source>
        <extracomment>%1 is a provider: Gmail, Outlook.com or Microsoft 365</extracomment>
        <translation>%1 legt selbst eine Kopie unter „Gesendet“ ab: Outpost fügt keine weitere hinzu.</translation>
    </message>
    <message>
        <source>Outpost saves a copy in Sent although %1 files one itself: expect two.</source>
        <extracomment>%1 is a provider: Gmail, Outlook.com or Microsoft 365</extracomment>
        <translation>Outpost legt eine Kopie unter „Gesendet“ ab, obwohl %1 selbst eine ablegt: Es gibt dann zwei.</translation>
    </message>
    <message>
        <source>Outpost saves a copy in the Sent folder after each message.</source>
        <translation>Outpost legt nach jeder Nachricht eine Kopie im Ordner „Gesendet“ ab.</translation>
    </message>
</context>
<context>
    <name>AddressBook</name>
    <message>
        <source>The list of addresses you used cannot be read (%1).</source>
        <translation>Die Liste der von Ihnen verwendeten Adressen kann nicht gelesen werden (%1).</translation>
    </message>
</context>
<context>
    <name>App::SendController</name>
    <message>
        <source>Account not added</source>
        <translation>Konto nicht hinzugefügt</translation>
    </message>
    <message>
        <source>Restored a message that was not sent (saved %1).</source>
        <extracomment>%1 is a date and time</extracomment>
        <translation>Eine nicht gesendete Nachricht wurde wiederhergestellt (gespeichert am %1).</translation>
    </message>
    <message>
        <source>No account is set up yet: add one to send from (your message stays here).</source>
        <translation>Es ist noch kein Konto eingerichtet: Fügen Sie eines zum Senden hinzu (Ihre Nachricht bleibt hier erhalten).</translation>
    </message>
    <message>
        <source>The message could not be queued.</source>
        <translation>Die Nachricht konnte nicht in den Postausgang gelegt werden.</translation>
    </message>
    <message>
        <source>Not sent: the message is back for editing.</source>
        <translation>Nicht gesendet: Die Nachricht ist zum Bearbeiten zurück.</translation>
    </message>
    <message>
        <source>Outpost keeps running</source>
        <translation>Outpost läuft weiter</translation>
    </message>
    <message numerus="yes">
        <source>Outpost stays in the background to send %n waiting message(s), the next at %1. It quits by itself when nothing is due within a day; what is due later goes out the next time Outpost runs.</source>
        <extracomment>%1 is a time (today) or a date and time</extracomment>
        <translation>
            <numerusform>Outpost bleibt im Hintergrund, um %n wartende Nachricht zu senden, die nächste um %1. Es beendet sich von selbst, wenn innerhalb eines Tages nichts mehr fällig ist; was später fällig ist, geht beim nächsten Start von Outpost hinaus.</numerusform>
            <numerusform>Outpost bleibt im Hintergrund, um %n wartende Nachrichten zu senden, die nächste um %1. Es beendet sich von selbst, wenn innerhalb eines Tages nichts mehr fällig ist; was später fällig ist, geht beim nächsten Start von Outpost hinaus.</numerusform>
        </translation>
    </message>
    <message>
        <source>S&amp;ign In Again</source>
        <translation>&amp;Wieder anmelden</translation>
    </message>
    <message>
        <source>Sign In Again</source>
        <translation>Erneut anmelden</translation>
    </message>
    <message>
        <source>The provider signed you in but gave Outpost no lasting permission (no refresh token). Nothing was changed.</source>
        <translation>Der Anbieter hat Sie angemeldet, Outpost aber keine dauerhafte Erlaubnis erteilt (kein Refresh-Token). Es wurde nichts geändert.</translation>
    </message>
</context>
<context>
    <name>Autoconfig</name>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>no encryption</source>
        <translation>keine Verschlüsselung</translation>
    </message>
    <message>
        <source>your own settings</source>
        <translation>Ihre eigenen Einstellungen</translation>
    </message>
    <message>
        <source>a configuration file on this computer</source>
        <translation>eine Konfigurationsdatei auf diesem Computer</translation>
    </message>
    <message>
        <source>your provider&apos;s configuration server (HTTPS)</source>
        <translation>der Konfigurationsserver Ihres Anbieters (HTTPS)</translation>
    </message>
    <message>
        <source>Thunderbird&apos;s provider database (ISPDB)</source>
        <translation>die Anbieterdatenbank von Thunderbird (ISPDB)</translation>
    </message>
    <message>
        <source>Outpost&apos;s list of major providers</source>
        <translation>die Liste großer Anbieter in Outpost</translation>
    </message>
    <message>
        <source>the configuration server of the provider that receives your mail (MX)</source>
        <translation>der Konfigurationsserver des Anbieters, der Ihre E-Mails empfängt (MX)</translation>
    </message>
    <message>
        <source>Thunderbird&apos;s provider database, for the provider that receives your mail (MX)</source>
        <translation>die Anbieterdatenbank von Thunderbird, für den Anbieter, der Ihre E-Mails empfängt (MX)</translation>
    </message>
    <message>
        <source>Outpost&apos;s list of major providers, for the provider that receives your mail (MX)</source>
        <translation>die Liste großer Anbieter in Outpost, für den Anbieter, der Ihre E-Mails empfängt (MX)</translation>
    </message>
    <message>
        <source>a DNS service record (SRV)</source>
        <translation>ein DNS-Diensteintrag (SRV)</translation>
    </message>
    <message>
        <source>your provider&apos;s configuration server over unencrypted HTTP</source>
        <translation>der Konfigurationsserver Ihres Anbieters über unverschlüsseltes HTTP</translation>
    </message>
    <message>
        <source>a usual server name, guessed</source>
        <translation>ein üblicher Servername, geraten</translation>
    </message>
    <message>
        <source>Found in %1%2.</source>
        <translation>Quelle: %1%2.</translation>
    </message>
    <message>
        <source>Provider: %1.</source>
        <translation>Anbieter: %1.</translation>
    </message>
    <message>
        <source>The source is authenticated.</source>
        <translation>Die Quelle ist authentifiziert.</translation>
    </message>
    <message>
        <source>The DNS answer was signed (DNSSEC).</source>
        <translation>Die DNS-Antwort war signiert (DNSSEC).</translation>
    </message>
    <message>
        <source>The source is not authenticated: please confirm this server.</source>
        <translation>Die Quelle ist nicht authentifiziert: Bitte bestätigen Sie diesen Server.</translation>
    </message>
    <message>
        <source>Also named by: %1.</source>
        <translation>Auch genannt von: %1.</translation>
    </message>
    <message>
        <source>The configuration file does not list %1 among its domains.</source>
        <translation>Die Konfigurationsdatei führt %1 nicht unter ihren Domains auf.</translation>
    </message>
    <message>
        <source>Not tested.</source>
        <translation>Nicht getestet.</translation>
    </message>
    <message>
        <source>The test failed, so it is never chosen by itself: %1</source>
        <translation>Der Test ist fehlgeschlagen, daher wird dieser Server nie von selbst gewählt: %1</translation>
    </message>
    <message>
        <source>The server answered, without encryption.</source>
        <translation>Der Server hat geantwortet, ohne Verschlüsselung.</translation>
    </message>
    <message>
        <source>The server answered with %1 (%2).</source>
        <translation>Der Server hat mit %1 (%2) geantwortet.</translation>
    </message>
    <message>
        <source>Certificate valid for %1, issued by %2.</source>
        <translation>Zertifikat gültig für %1, ausgestellt von %2.</translation>
    </message>
    <message>
        <source>Sign-in methods offered: %1.</source>
        <translation>Angebotene Anmeldeverfahren: %1.</translation>
    </message>
    <message>
        <source>Signed in successfully.</source>
        <translation>Erfolgreich angemeldet.</translation>
    </message>
    <message>
        <source>TLS from the first byte is preferred over STARTTLS on the same server (RFC 8314).</source>
        <translation>TLS ab dem ersten Byte wird auf demselben Server gegenüber STARTTLS bevorzugt (RFC 8314).</translation>
    </message>
    <message>
        <source>Without encryption, this server is never chosen unless you allow insecure servers.</source>
        <translation>Ohne Verschlüsselung wird dieser Server nur gewählt, wenn Sie unsichere Server zulassen.</translation>
    </message>
    <message>
        <source>It works only from inside the provider&apos;s own network.</source>
        <translation>Er funktioniert nur innerhalb des eigenen Netzes des Anbieters.</translation>
    </message>
    <message>
        <source>the file declares a DTD, which is not allowed</source>
        <translation>die Datei deklariert eine DTD, was nicht erlaubt ist</translation>
    </message>
    <message>
        <source>the document is not a clientConfig file</source>
        <translation>das Dokument ist keine clientConfig-Datei</translation>
    </message>
    <message>
        <source>the XML is malformed (%1, line %2)</source>
        <translation>das XML ist fehlerhaft (%1, Zeile %2)</translation>
    </message>
    <message>
        <source>the document has no emailProvider</source>
        <translation>das Dokument enthält kein emailProvider-Element</translation>
    </message>
    <message>
        <source>the file lists no outgoing (SMTP) server</source>
        <translation>die Datei nennt keinen Postausgangsserver (SMTP)</translation>
    </message>
    <message>
        <source>no outgoing server in the file is usable: %1</source>
        <translation>keiner der Postausgangsserver in der Datei ist verwendbar: %1</translation>
    </message>
    <message>
        <source>The provider&apos;s configuration cannot be used: %1.</source>
        <translation>Die Konfiguration des Anbieters kann nicht verwendet werden: %1.</translation>
    </message>
    <message>
        <source>outgoing server %1</source>
        <translation>Postausgangsserver %1</translation>
    </message>
    <message>
        <source>too many servers</source>
        <translation>zu viele Server</translation>
    </message>
    <message>
        <source>it refers to a global default server</source>
        <translation>er verweist auf einen globalen Standardserver</translation>
    </message>
    <message>
        <source>unknown placeholder in host name “%1”</source>
        <translation>unbekannter Platzhalter im Hostnamen „%1“</translation>
    </message>
    <message>
        <source>invalid host name “%1”</source>
        <translation>ungültiger Hostname „%1“</translation>
    </message>
    <message>
        <source>invalid port “%1”</source>
        <translation>ungültiger Port „%1“</translation>
    </message>
    <message>
        <source>unknown socket type “%1”</source>
        <translation>unbekannter Socket-Typ „%1“</translation>
    </message>
    <message>
        <source>no known authentication method</source>
        <translation>kein bekanntes Authentifizierungsverfahren</translation>
    </message>
    <message>
        <source>unknown placeholder in user name; the user name is not used</source>
        <translation>unbekannter Platzhalter im Benutzernamen; der Benutzername wird nicht verwendet</translation>
    </message>
    <message>
        <source>The provider&apos;s configuration cannot be used: it is larger than %1 KiB.</source>
        <translation>Die Konfiguration des Anbieters kann nicht verwendet werden: sie ist größer als %1 KiB.</translation>
    </message>
    <message>
        <source>Not waiting any longer for slower, more trusted sources.</source>
        <translation>Es wird nicht länger auf langsamere, vertrauenswürdigere Quellen gewartet.</translation>
    </message>
    <message>
        <source>The configuration lookups took too long; going on with what was found.</source>
        <translation>Die Suche nach Konfigurationen hat zu lange gedauert; es geht mit dem bisher Gefundenen weiter.</translation>
    </message>
    <message>
        <source>The server tests took too long; going on with what was found.</source>
        <translation>Die Servertests haben zu lange gedauert; es geht mit dem bisher Gefundenen weiter.</translation>
    </message>
    <message>
        <source>Time is up.</source>
        <translation>Die Zeit ist abgelaufen.</translation>
    </message>
    <message>
        <source>Looking up settings for %1</source>
        <translation>Einstellungen für %1 werden gesucht</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Checking the configuration server of %1</source>
        <translation>Konfigurationsserver von %1 wird abgefragt</translation>
    </message>
    <message>
        <source>Checking Thunderbird&apos;s provider database</source>
        <translation>Anbieterdatenbank von Thunderbird wird abgefragt</translation>
    </message>
    <message>
        <source>Looking up mail servers (MX) for %1</source>
        <translation>Mailserver (MX) für %1 werden gesucht</translation>
    </message>
    <message>
        <source>Checking DNS service records (SRV)</source>
        <translation>DNS-Diensteinträge (SRV) werden abgefragt</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: no configuration (%2)</source>
        <translation>%1: keine Konfiguration (%2)</translation>
    </message>
    <message>
        <source>%1: no configuration (HTTP %2)</source>
        <translation>%1: keine Konfiguration (HTTP %2)</translation>
    </message>
    <message>
        <source>%1: refused, it was redirected away from HTTPS</source>
        <translation>%1: abgelehnt, da von HTTPS weg umgeleitet wurde</translation>
    </message>
    <message>
        <source>No mail server (MX) published for %1</source>
        <translation>Für %1 ist kein Mailserver (MX) veröffentlicht</translation>
    </message>
    <message>
        <source>Mail for %1 is received by %2, a server of the domain itself</source>
        <translation>E-Mails für %1 empfängt %2, ein Server der Domain selbst</translation>
    </message>
    <message>
        <source>Mail for %1 is received by %2 (%3)</source>
        <translation>E-Mails für %1 empfängt %2 (%3)</translation>
    </message>
    <message numerus="yes">
        <source>%1 names %n server(s)</source>
        <translation>
            <numerusform>%1 nennt %n Server</numerusform>
            <numerusform>%1 nennt %n Server</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: skipped %2</source>
        <translation>%1: übersprungen – %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 lists %n outgoing server(s)</source>
        <translation>
            <numerusform>%1 nennt %n Postausgangsserver</numerusform>
            <numerusform>%1 nennt %n Postausgangsserver</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing is published for %1; trying usual server names</source>
        <translation>Für %1 ist nichts veröffentlicht; übliche Servernamen werden ausprobiert</translation>
    </message>
    <message>
        <source>Trying %1:%2 (%3)…</source>
        <translation>%1:%2 (%3) wird ausprobiert …</translation>
    </message>
    <message>
        <source>%1:%2 answered with %3; sign-in methods: %4</source>
        <translation>%1:%2 hat geantwortet (%3); Anmeldeverfahren: %4</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Certificate valid for %1, issued by %2</source>
        <translation>Zertifikat gültig für %1, ausgestellt von %2</translation>
    </message>
    <message>
        <source>%1:%2 failed: %3</source>
        <translation>%1:%2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>Chose %1:%2 (%3)</source>
        <translation>Gewählt: %1:%2 (%3)</translation>
    </message>
    <message>
        <source>No usable server was found; enter the settings by hand.</source>
        <translation>Es wurde kein verwendbarer Server gefunden; geben Sie die Einstellungen von Hand ein.</translation>
    </message>
    <message>
        <source>Enter a complete e-mail address, such as name@example.org.</source>
        <translation>Geben Sie eine vollständige E-Mail-Adresse ein, etwa name@example.org.</translation>
    </message>
    <message>
        <source>The server did not accept the user name or password. Check them and try again.</source>
        <translation>Der Server hat den Benutzernamen oder das Passwort nicht akzeptiert. Überprüfen Sie beides und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Your provider requires an app password for mail programs. Create one in your account&apos;s security settings and enter it instead of your usual password.</source>
        <translation>Ihr Anbieter verlangt für E-Mail-Programme ein App-Passwort. Erstellen Sie eines in den Sicherheitseinstellungen Ihres Kontos und geben Sie es anstelle Ihres üblichen Passworts ein.</translation>
    </message>
    <message>
        <source>Your provider wants you to sign in on its website first, or to enable access for mail programs (SMTP) in your account settings.</source>
        <translation>Ihr Anbieter verlangt, dass Sie sich zuerst auf seiner Website anmelden oder in Ihren Kontoeinstellungen den Zugriff für E-Mail-Programme (SMTP) aktivieren.</translation>
    </message>
    <message>
        <source>This server accepts only OAuth sign-in in a browser, not a password: sign in with your browser instead.</source>
        <translation>Dieser Server akzeptiert nur die Anmeldung per OAuth im Browser, kein Passwort: Melden Sie sich stattdessen in Ihrem Browser an.</translation>
    </message>
    <message>
        <source>The server requires an encrypted connection for signing in.</source>
        <translation>Der Server verlangt für die Anmeldung eine verschlüsselte Verbindung.</translation>
    </message>
    <message>
        <source>The server could not check the password right now. Try again in a moment.</source>
        <translation>Der Server konnte das Passwort gerade nicht prüfen. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Signing in failed.</source>
        <translation>Die Anmeldung ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The test was cancelled.</source>
        <translation>Der Test wurde abgebrochen.</translation>
    </message>
    <message numerus="yes">
        <source>The server did not complete the test within %n second(s).</source>
        <translation>
            <numerusform>Der Server hat den Test nicht innerhalb von %n Sekunde abgeschlossen.</numerusform>
            <numerusform>Der Server hat den Test nicht innerhalb von %n Sekunden abgeschlossen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server offers no sign-in at all, so the password could not be checked. It is probably not a server for sending mail (submission).</source>
        <translation>Der Server bietet überhaupt keine Anmeldung an, daher konnte das Passwort nicht geprüft werden. Vermutlich ist er kein Server zum Versenden von E-Mails (Submission).</translation>
    </message>
    <message>
        <source>Sources that rest on the same data or the same MX answer count once.</source>
        <translation>Quellen, die auf denselben Daten oder derselben MX-Antwort beruhen, zählen nur einmal.</translation>
    </message>
    <message>
        <source>The server only allows sign-in methods Outpost cannot use.</source>
        <translation>Der Server erlaubt nur Anmeldeverfahren, die Outpost nicht nutzen kann.</translation>
    </message>
    <message>
        <source>You sign in to it in your browser (OAuth 2.0).</source>
        <translation>Die Anmeldung erfolgt in Ihrem Browser (OAuth 2.0).</translation>
    </message>
    <message>
        <source>IMAP server %1</source>
        <translation>IMAP-Server %1</translation>
    </message>
    <message>
        <source>Not waiting any longer for the IMAP server.</source>
        <translation>Es wird nicht länger auf den IMAP-Server gewartet.</translation>
    </message>
    <message>
        <source>Still testing the IMAP server…</source>
        <translation>Der IMAP-Server wird noch geprüft…</translation>
    </message>
    <message>
        <source>IMAP server for the Sent copy: %1:%2 (%3)</source>
        <translation>IMAP-Server für die Kopie in „Gesendet“: %1:%2 (%3)</translation>
    </message>
    <message>
        <source>No IMAP server was found; the Sent copy can be set up by hand.</source>
        <translation>Kein IMAP-Server gefunden; die Kopie in „Gesendet“ lässt sich von Hand einrichten.</translation>
    </message>
    <message>
        <source>The IMAP server tests took too long; going on without them.</source>
        <translation>Die Prüfung der IMAP-Server dauerte zu lange; es geht ohne sie weiter.</translation>
    </message>
    <message>
        <source>No IMAP server is published for %1; trying usual server names</source>
        <translation>Für %1 ist kein IMAP-Server veröffentlicht; übliche Servernamen werden versucht</translation>
    </message>
    <message>
        <source>Trying the IMAP server %1:%2 (%3)…</source>
        <translation>IMAP-Server %1:%2 (%3) wird versucht…</translation>
    </message>
    <message>
        <source>The IMAP server %1:%2 answered; sign-in methods: %3</source>
        <translation>Der IMAP-Server %1:%2 hat geantwortet; Anmeldeverfahren: %3</translation>
    </message>
    <message>
        <source>The IMAP server %1:%2 failed: %3</source>
        <translation>Der IMAP-Server %1:%2 ist gescheitert: %3</translation>
    </message>
    <message>
        <source>The IMAP server did not answer in time.</source>
        <translation>Der IMAP-Server hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>Testing the IMAP server took too long.</source>
        <translation>Die Prüfung des IMAP-Servers dauerte zu lange.</translation>
    </message>
    <message>
        <source>The server&apos;s answer is not IMAP.</source>
        <translation>Die Antwort des Servers ist kein IMAP.</translation>
    </message>
    <message>
        <source>The server does not greet like an IMAP server: %1</source>
        <translation>Der Server begrüßt nicht wie ein IMAP-Server: %1</translation>
    </message>
    <message>
        <source>The IMAP server closed the connection: %1</source>
        <translation>Der IMAP-Server hat die Verbindung beendet: %1</translation>
    </message>
    <message>
        <source>The IMAP server refused %1: %2</source>
        <translation>Der IMAP-Server hat %1 abgelehnt: %2</translation>
    </message>
    <message>
        <source>The IMAP server does not offer STARTTLS; Outpost does not sign in without encryption.</source>
        <translation>Der IMAP-Server bietet kein STARTTLS an; Outpost meldet sich nicht ohne Verschlüsselung an.</translation>
    </message>
    <message>
        <source>The certificate of %1 cannot be verified.</source>
        <translation>Das Zertifikat von %1 lässt sich nicht prüfen.</translation>
    </message>
    <message>
        <source>%1:%2: %3</source>
        <translation>%1:%2: %3</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>outpost: unknown option &apos;%1&apos;. Try &apos;outpost --help&apos;.</source>
        <translation>outpost: unbekannte Option „%1“. Versuchen Sie „outpost --help“.</translation>
    </message>
    <message>
        <source>outpost: unknown command &apos;%1&apos;. Try &apos;outpost --help&apos;.</source>
        <translation>outpost: unbekannter Befehl „%1“. Versuchen Sie „outpost --help“.</translation>
    </message>
    <message>
        <source>outpost: the outbox could not be locked.</source>
        <translation>outpost: der Postausgang konnte nicht gesperrt werden.</translation>
    </message>
    <message>
        <source>Sent: %1</source>
        <translation>Gesendet: %1</translation>
    </message>
    <message>
        <source>Queued, to be sent at %1</source>
        <translation>In der Warteschlange, Versand geplant für %1</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>In der Warteschlange</translation>
    </message>
    <message>
        <source>Being sent</source>
        <translation>Wird gesendet</translation>
    </message>
    <message>
        <source>Not sent yet (%1); next try at %2</source>
        <extracomment>%1 is the reason, %2 a time</extracomment>
        <translation>Noch nicht gesendet (%1); nächster Versuch am %2</translation>
    </message>
    <message>
        <source>Waiting for you: %1</source>
        <translation>Wartet auf Sie: %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Set aside as damaged: %1</source>
        <translation>Als beschädigt beiseitegelegt: %1</translation>
    </message>
    <message>
        <source> (see &apos;outpost %1 --help&apos;)</source>
        <translation> (siehe „outpost %1 --help“)</translation>
    </message>
    <message>
        <source>Password: </source>
        <translation>Passwort: </translation>
    </message>
    <message>
        <source>The keychain did not answer.</source>
        <translation>Der Schlüsselbund hat nicht geantwortet.</translation>
    </message>
    <message>
        <source>Account name, or an address of one of your accounts.</source>
        <translation>Kontoname oder eine Adresse eines Ihrer Konten.</translation>
    </message>
    <message>
        <source>ACCOUNT</source>
        <translation>KONTO</translation>
    </message>
    <message>
        <source>Recipient(s); repeat or separate with commas.</source>
        <translation>Empfänger; Option wiederholen oder durch Kommas trennen.</translation>
    </message>
    <message>
        <source>ADDRESS</source>
        <translation>ADRESSE</translation>
    </message>
    <message>
        <source>Copy recipient(s).</source>
        <translation>Empfänger in Kopie (CC).</translation>
    </message>
    <message>
        <source>Hidden recipient(s).</source>
        <translation>Empfänger in Blindkopie (BCC).</translation>
    </message>
    <message>
        <source>Reply-To address(es).</source>
        <translation>Antwortadresse(n) (Reply-To).</translation>
    </message>
    <message>
        <source>The subject.</source>
        <translation>Der Betreff.</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <source>The text of the message.</source>
        <translation>Der Text der Nachricht.</translation>
    </message>
    <message>
        <source>Read the text from a file (&apos;-&apos; for standard input).</source>
        <translation>Den Text aus einer Datei lesen („-“ für die Standardeingabe).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>An HTML version of the text.</source>
        <translation>Eine HTML-Fassung des Textes.</translation>
    </message>
    <message>
        <source>Attach a file; repeat for more.</source>
        <translation>Eine Datei anhängen; für weitere Dateien wiederholen.</translation>
    </message>
    <message>
        <source>Message-ID this message answers.</source>
        <translation>Message-ID der Nachricht, auf die diese antwortet.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Extra header &quot;Name: value&quot;; repeatable.</source>
        <translation>Zusätzliche Kopfzeile „Name: Wert“; wiederholbar.</translation>
    </message>
    <message>
        <source>HEADER</source>
        <translation>KOPFZEILE</translation>
    </message>
    <message>
        <source>Send at this time (ISO 8601, or HH:mm).</source>
        <translation>Zu diesem Zeitpunkt senden (ISO 8601 oder HH:mm).</translation>
    </message>
    <message>
        <source>TIME</source>
        <translation>ZEIT</translation>
    </message>
    <message>
        <source>Only queue it; a later &apos;outpost outbox flush&apos; sends.</source>
        <translation>Nur in den Postausgang legen; ein späteres „outpost outbox flush“ sendet sie.</translation>
    </message>
    <message>
        <source>Wait until the message is sent or waits for a reason.</source>
        <translation>Warten, bis die Nachricht gesendet ist oder aus einem bestimmten Grund wartet.</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos; (see &apos;outpost send --help&apos;)</source>
        <translation>unerwartetes Argument „%1“ (siehe „outpost send --help“)</translation>
    </message>
    <message>
        <source>no account is set up; add one with &apos;outpost account add&apos;</source>
        <translation>kein Konto eingerichtet; fügen Sie eines mit „outpost account add“ hinzu</translation>
    </message>
    <message>
        <source>no account &apos;%1&apos; (see &apos;outpost account list&apos;)</source>
        <translation>kein Konto „%1“ (siehe „outpost account list“)</translation>
    </message>
    <message>
        <source>no recipients: give --to, --cc or --bcc</source>
        <translation>keine Empfänger: geben Sie --to, --cc oder --bcc an</translation>
    </message>
    <message>
        <source>cannot read &apos;%1&apos;: %2</source>
        <translation>„%1“ kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>a header must look like &quot;Name: value&quot;: &apos;%1&apos;</source>
        <translation>eine Kopfzeile muss die Form „Name: Wert“ haben: „%1“</translation>
    </message>
    <message>
        <source>cannot read the time &apos;%1&apos;; use ISO 8601 or HH:mm</source>
        <translation>die Zeitangabe „%1“ ist nicht lesbar; verwenden Sie ISO 8601 oder HH:mm</translation>
    </message>
    <message>
        <source>Queued %1</source>
        <translation>In den Postausgang gelegt: %1</translation>
    </message>
    <message>
        <source>Machine-readable output.</source>
        <translation>Maschinenlesbare Ausgabe.</translation>
    </message>
    <message>
        <source>Return when every due message is sent or waits for a reason.</source>
        <translation>Erst zurückkehren, wenn jede fällige Nachricht gesendet ist oder aus einem bestimmten Grund wartet.</translation>
    </message>
    <message>
        <source>The message, as &apos;outpost outbox list&apos; shows it.</source>
        <translation>Die Nachricht, wie „outpost outbox list“ sie anzeigt.</translation>
    </message>
    <message>
        <source>unknown outbox command &apos;%1&apos; (see &apos;outpost outbox --help&apos;)</source>
        <translation>unbekannter outbox-Befehl „%1“ (siehe „outpost outbox --help“)</translation>
    </message>
    <message>
        <source>The outbox is empty.</source>
        <translation>Der Postausgang ist leer.</translation>
    </message>
    <message>
        <source>%1 sent, %2 waiting, %3 need attention, %4 failed</source>
        <extracomment>%1 sent count, %2 still waiting, %3 needing attention</extracomment>
        <translation>Gesendet: %1, wartend: %2, Eingreifen nötig: %3, fehlgeschlagen: %4</translation>
    </message>
    <message>
        <source>give exactly one message id</source>
        <translation>geben Sie genau eine Nachrichten-ID an</translation>
    </message>
    <message>
        <source>What to call the account (default: the address).</source>
        <translation>Name des Kontos (Standard: die Adresse).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>The address to send from.</source>
        <translation>Die Absenderadresse.</translation>
    </message>
    <message>
        <source>Your name as recipients see it.</source>
        <translation>Ihr Name, wie die Empfänger ihn sehen.</translation>
    </message>
    <message>
        <source>Outgoing (SMTP submission) server.</source>
        <translation>Postausgangsserver (SMTP-Submission).</translation>
    </message>
    <message>
        <source>HOST</source>
        <translation>HOST</translation>
    </message>
    <message>
        <source>Server port (default 465 for tls, 587 otherwise).</source>
        <translation>Server-Port (Standard: 465 bei tls, sonst 587).</translation>
    </message>
    <message>
        <source>PORT</source>
        <translation>PORT</translation>
    </message>
    <message>
        <source>tls, starttls (default) or none.</source>
        <translation>tls, starttls (Standard) oder none.</translation>
    </message>
    <message>
        <source>MODE</source>
        <translation>MODUS</translation>
    </message>
    <message>
        <source>User name (default: the address).</source>
        <translation>Benutzername (Standard: die Adresse).</translation>
    </message>
    <message>
        <source>USER</source>
        <translation>BENUTZER</translation>
    </message>
    <message>
        <source>METHOD</source>
        <translation>METHODE</translation>
    </message>
    <message>
        <source>Read the password from standard input (never from the command line).</source>
        <translation>Das Passwort von der Standardeingabe lesen (niemals von der Befehlszeile).</translation>
    </message>
    <message>
        <source>Allow sending the password without encryption.</source>
        <translation>Senden des Passworts ohne Verschlüsselung erlauben.</translation>
    </message>
    <message>
        <source>The account to remove.</source>
        <translation>Das zu entfernende Konto.</translation>
    </message>
    <message>
        <source>unknown account command &apos;%1&apos; (see &apos;outpost account --help&apos;)</source>
        <translation>unbekannter account-Befehl „%1“ (siehe „outpost account --help“)</translation>
    </message>
    <message>
        <source>No accounts. Add one with &apos;outpost account add&apos;.</source>
        <translation>Keine Konten. Fügen Sie eines mit „outpost account add“ hinzu.</translation>
    </message>
    <message>
        <source>give exactly one account name</source>
        <translation>geben Sie genau einen Kontonamen an</translation>
    </message>
    <message>
        <source>no account &apos;%1&apos;</source>
        <translation>kein Konto „%1“</translation>
    </message>
    <message>
        <source>give the address with --email</source>
        <translation>geben Sie die Adresse mit --email an</translation>
    </message>
    <message>
        <source>--security must be tls, starttls or none</source>
        <translation>--security muss tls, starttls oder none sein</translation>
    </message>
    <message>
        <source>--port must be a number between 1 and 65535</source>
        <translation>--port muss eine Zahl zwischen 1 und 65535 sein</translation>
    </message>
    <message>
        <source>no password given (use --password-stdin, or --auth none)</source>
        <translation>kein Passwort angegeben (verwenden Sie --password-stdin oder --auth none)</translation>
    </message>
    <message>
        <source>Added account %1</source>
        <translation>Konto %1 hinzugefügt</translation>
    </message>
    <message>
        <source>Server: %1 (%2)</source>
        <translation>Server: %1 (%2)</translation>
    </message>
    <message>
        <source>Certificate: %1, issued by %2, valid until %3
  SHA-256 %4</source>
        <translation>Zertifikat: %1, ausgestellt von %2, gültig bis %3
  SHA-256 %4</translation>
    </message>
    <message>
        <source>Encryption: %1</source>
        <translation>Verschlüsselung: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Extensions: %1</source>
        <translation>Erweiterungen: %1</translation>
    </message>
    <message>
        <source>Sign-in: %1 (offered: %2)</source>
        <translation>Anmeldung: %1 (angeboten: %2)</translation>
    </message>
    <message>
        <source>The account works.</source>
        <translation>Das Konto funktioniert.</translation>
    </message>
    <message>
        <source>The account to test.</source>
        <translation>Das zu testende Konto.</translation>
    </message>
    <message>
        <source>Let your provider&apos;s own configuration server (HTTPS only) see the address; no one else ever does.</source>
        <translation>Die Adresse dem Konfigurationsserver Ihres Anbieters (nur über HTTPS) mitteilen; sonst erfährt sie niemand.</translation>
    </message>
    <message>
        <source>Also consider servers without encryption (never chosen otherwise).</source>
        <translation>Auch Server ohne Verschlüsselung berücksichtigen (sonst nie gewählt).</translation>
    </message>
    <message>
        <source>Signing in to %1 as %2…</source>
        <translation>Anmeldung bei %1 als %2 …</translation>
    </message>
    <message>
        <source>The server did not answer.</source>
        <translation>Der Server hat nicht geantwortet.</translation>
    </message>
    <message>
        <source>The server said: %1</source>
        <translation>Antwort des Servers: %1</translation>
    </message>
    <message>
        <source>The e-mail address to find the outgoing server for.</source>
        <translation>Die E-Mail-Adresse, für die der Postausgangsserver gesucht wird.</translation>
    </message>
    <message>
        <source>Machine-readable output: every candidate with its source, probe and reasons.</source>
        <translation>Maschinenlesbare Ausgabe: jeder Kandidat mit Quelle, Test und Begründungen.</translation>
    </message>
    <message>
        <source>give exactly one address</source>
        <translation>geben Sie genau eine Adresse an</translation>
    </message>
    <message>
        <source>Chosen: %1, user name %2</source>
        <translation>Gewählt: %1, Benutzername %2</translation>
    </message>
    <message>
        <source>(the address or its local part)</source>
        <translation>(die Adresse oder ihr lokaler Teil)</translation>
    </message>
    <message>
        <source>Check this server before using it: its source is not authenticated, or it belongs to another domain (%1).</source>
        <translation>Prüfen Sie diesen Server, bevor Sie ihn verwenden: Seine Quelle ist nicht authentifiziert, oder er gehört zu einer anderen Domain (%1).</translation>
    </message>
    <message>
        <source>No usable server found; add the account with --host.</source>
        <translation>Kein verwendbarer Server gefunden; fügen Sie das Konto mit --host hinzu.</translation>
    </message>
    <message>
        <source>Accept a detected server even when its source is not authenticated.</source>
        <translation>Einen gefundenen Server auch dann akzeptieren, wenn seine Quelle nicht authentifiziert ist.</translation>
    </message>
    <message>
        <source>no usable outgoing server found for %1; give it with --host (details: &apos;outpost autoconfig %1&apos;)</source>
        <translation>kein verwendbarer Postausgangsserver für %1 gefunden; geben Sie ihn mit --host an (Details: „outpost autoconfig %1“)</translation>
    </message>
    <message>
        <source>Found %1 through %2.</source>
        <translation>%1 gefunden (Quelle: %2).</translation>
    </message>
    <message>
        <source>%1 was found through an unauthenticated source or belongs to another domain (%2); check it and add --yes to accept it</source>
        <translation>%1 stammt aus einer nicht authentifizierten Quelle oder gehört zu einer anderen Domain (%2); prüfen Sie ihn und geben Sie --yes an, um ihn zu akzeptieren</translation>
    </message>
    <message>
        <source>the account was not added: %1</source>
        <translation>das Konto wurde nicht hinzugefügt: %1</translation>
    </message>
    <message>
        <source>Signed in successfully.</source>
        <translation>Erfolgreich angemeldet.</translation>
    </message>
    <message>
        <source>The server asks for no sign-in, so the password was not checked.</source>
        <translation>Der Server verlangt keine Anmeldung, daher wurde das Passwort nicht geprüft.</translation>
    </message>
    <message>
        <source>Saved without signing in (--no-verify): the password was not checked.</source>
        <translation>Ohne Anmeldung gespeichert (--no-verify): Das Passwort wurde nicht geprüft.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; does not sign in with OAuth 2.0 (its password is changed with &apos;outpost account add&apos;)</source>
        <translation>„%1“ meldet sich nicht mit OAuth 2.0 an (sein Passwort ändert man mit „outpost account add“)</translation>
    </message>
    <message>
        <source>not signed in: %1</source>
        <translation>nicht angemeldet: %1</translation>
    </message>
    <message>
        <source>It signs in with OAuth 2.0, in your browser (%1).</source>
        <translation>Die Anmeldung erfolgt mit OAuth 2.0 in Ihrem Browser (%1).</translation>
    </message>
    <message>
        <source>password (default), oauth2 (sign in with the provider in a browser) or none.</source>
        <translation>password (Standard), oauth2 (im Browser beim Anbieter anmelden) oder none.</translation>
    </message>
    <message>
        <source>With --auth oauth2: sign in on another device with a code, where the provider offers it.</source>
        <translation>Mit --auth oauth2: auf einem anderen Gerät mit einem Code anmelden, wo der Anbieter das anbietet.</translation>
    </message>
    <message>
        <source>The OAuth 2.0 account to sign in again.</source>
        <translation>Das OAuth-2.0-Konto, das sich neu anmelden soll.</translation>
    </message>
    <message>
        <source>Sign in on another device with a code, where the provider offers it.</source>
        <translation>Auf einem anderen Gerät mit einem Code anmelden, wo der Anbieter das anbietet.</translation>
    </message>
    <message>
        <source>--auth must be password, oauth2 or none</source>
        <translation>--auth muss password, oauth2 oder none sein</translation>
    </message>
    <message>
        <source>To sign in, open %1 in a browser and enter the code %2</source>
        <extracomment>%1 is a web address, %2 a short code the person types there</extracomment>
        <translation>Zum Anmelden %1 in einem Browser öffnen und den Code %2 eingeben</translation>
    </message>
    <message>
        <source>Opening your browser to sign in with %1. If it does not open, visit:
%2</source>
        <extracomment>%1 is a provider such as &quot;Google&quot;, %2 a web address</extracomment>
        <translation>Der Browser wird zur Anmeldung bei %1 geöffnet. Falls er sich nicht öffnet, besuchen Sie:
%2</translation>
    </message>
    <message>
        <source>Warning: the sign-in could not be revoked at the provider: %1</source>
        <extracomment>%1 is the reason</extracomment>
        <translation>Warnung: Die Anmeldung konnte beim Anbieter nicht widerrufen werden: %1</translation>
    </message>
    <message>
        <source>The sign-in server did not answer.</source>
        <translation>Der Anmeldeserver hat nicht geantwortet.</translation>
    </message>
    <message numerus="yes">
        <source>Sending %n message(s) that waited for the sign-in.</source>
        <extracomment>%n is a number of messages</extracomment>
        <translation>
            <numerusform>%n Nachricht, die auf die Anmeldung gewartet hat, wird gesendet.</numerusform>
            <numerusform>%n Nachrichten, die auf die Anmeldung gewartet haben, werden gesendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Signing in was interrupted.</source>
        <translation>Die Anmeldung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Save without signing in to the server first (the password or the OAuth 2.0 sign-in is not tried there).</source>
        <translation>Speichern, ohne sich vorher am Server anzumelden (das Passwort bzw. die OAuth-2.0-Anmeldung wird dort nicht ausprobiert).</translation>
    </message>
    <message>
        <source>Saved without signing in to the mail server (--no-verify): the sign-in was not tried there.</source>
        <translation>Ohne Anmeldung am Mailserver gespeichert (--no-verify): Die Anmeldung wurde dort nicht ausprobiert.</translation>
    </message>
    <message>
        <source>Usage: outpost [OPTION]... [mailto:URL]
       outpost COMMAND [ARGS]...
Compose and send mail.

Without arguments, opens the composer. A mailto: URL opens it prefilled.

Commands:
  send                 queue a message and send it
  outbox list|flush|retry|remove|mark-sent|send-again
                       look at and act on the outbox
  account add|set|list|test|login|remove
                       manage sending accounts (add finds the server
                       from the address when --host is not given;
                       login signs in again with OAuth 2.0)
  autoconfig ADDRESS   find the outgoing server for an address, and why
  contacts import|list|export
                       the address book: import vCard or CSV files,
                       list the contacts, export them as vCard 4.0
  compose [--to A] [--cc A] [--bcc A] [--subject S] [--body T] [--attach F]
                       open a prefilled composer
  accounts             open the accounts window
Each command has --help.

Options:
  -h, --help       show this help and exit
  -v, --version    show the version and exit

Exit status follows sysexits.h: 0 success, 64 usage error, 65 bad input,
66 unreadable input file, 67 unknown recipient address, 69 not sent
(held or failed), 70 internal error, 73 cannot write, 75 not sent yet
(queued or deferred), 78 configuration error (no such account).
</source>
        <translation>Aufruf: outpost [OPTION]... [mailto:URL]
        outpost BEFEHL [ARGUMENTE]...
E-Mails verfassen und senden.

Ohne Argumente öffnet sich das Verfassen-Fenster. Eine mailto:-URL öffnet es
vorausgefüllt.

Befehle:
  send                 eine Nachricht in den Postausgang legen und senden
  outbox list|flush|retry|remove|mark-sent|send-again
                       den Postausgang ansehen und bearbeiten
  account add|set|list|test|login|remove
                       Konten zum Senden verwalten (add ermittelt den Server
                       aus der Adresse, wenn --host fehlt; login meldet
                       sich erneut mit OAuth 2.0 an)
  autoconfig ADRESSE   Postausgangsserver einer Adresse finden (mit Begründung)
  contacts import|list|export
                       das Adressbuch: vCard- oder CSV-Dateien importieren,
                       die Kontakte auflisten, als vCard 4.0 exportieren
  compose [--to A] [--cc A] [--bcc A] [--subject S] [--body T] [--attach F]
                       ein vorausgefülltes Verfassen-Fenster öffnen
  accounts             das Fenster „Konten“ öffnen
Jeder Befehl kennt --help.

Optionen:
  -h, --help       diese Hilfe anzeigen und beenden
  -v, --version    die Version anzeigen und beenden

Der Exit-Status folgt sysexits.h: 0 Erfolg, 64 Aufruffehler, 65 ungültige
Eingabe, 66 Eingabedatei nicht lesbar, 67 unbekannte Empfängeradresse,
69 nicht gesendet (zurückgehalten oder fehlgeschlagen), 70 interner Fehler,
73 Schreiben nicht möglich, 75 noch nicht gesendet (in der Warteschlange oder
zurückgestellt), 78 Konfigurationsfehler (kein solches Konto).
</translation>
    </message>
    <message>
        <source>Exit status 130: interrupted (Ctrl-C or SIGTERM while signing in; nothing is saved).
</source>
        <translation>Exit-Status 130: unterbrochen (Strg+C oder SIGTERM während der Anmeldung; nichts wird gespeichert).
</translation>
    </message>
    <message>
        <source>Copy filed in %1</source>
        <extracomment>%1 is the IMAP folder</extracomment>
        <translation>Kopie abgelegt in %1</translation>
    </message>
    <message>
        <source>Copy to be filed in Sent</source>
        <translation>Kopie wird in „Gesendet“ abgelegt</translation>
    </message>
    <message>
        <source>Copy not filed yet (%1); next try at %2</source>
        <translation>Kopie noch nicht abgelegt (%1); nächster Versuch um %2</translation>
    </message>
    <message>
        <source>No copy in Sent: %1</source>
        <translation>Keine Kopie in „Gesendet“: %1</translation>
    </message>
    <message>
        <source>Copy failed: %1 &apos;outpost outbox retry-copy --create-folder&apos; creates it.</source>
        <translation>Kopie fehlgeschlagen: %1 &apos;outpost outbox retry-copy --create-folder&apos; legt ihn an.</translation>
    </message>
    <message>
        <source>Copy failed: %1</source>
        <translation>Kopie fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a sent message in the outbox.</source>
        <translation>&apos;%1&apos; ist keine gesendete Nachricht im Postausgang.</translation>
    </message>
    <message>
        <source>The state of the copy cannot be read.</source>
        <translation>Der Stand der Kopie kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Send what is due and return, without a summary, when this message is sent or waits for a reason; deferred messages keep their time.</source>
        <translation>Sendet, was fällig ist, und kehrt ohne Zusammenfassung zurück, sobald diese Nachricht gesendet ist oder aus einem Grund wartet; zurückgestellte Nachrichten behalten ihre Zeit.</translation>
    </message>
    <message>
        <source>Create the Sent folder if the server has none.</source>
        <translation>Den Ordner „Gesendet“ anlegen, wenn der Server keinen hat.</translation>
    </message>
    <message>
        <source>The sent message, as &apos;outpost outbox list&apos; shows it.</source>
        <translation>Die gesendete Nachricht, wie &apos;outpost outbox list&apos; sie zeigt.</translation>
    </message>
    <message>
        <source>Usage: outpost outbox list [--json] | flush [--wait] | retry ID | remove ID |
                      mark-sent ID | send-again ID | retry-copy [--create-folder] ID
</source>
        <translation>Aufruf: outpost outbox list [--json] | flush [--wait] | retry ID | remove ID |
                       mark-sent ID | send-again ID | retry-copy [--create-folder] ID
</translation>
    </message>
    <message>
        <source>IMAP server for the Sent copy: %1:%2 (%3) [%4]</source>
        <translation>IMAP-Server für die Kopie in „Gesendet“: %1:%2 (%3) [%4]</translation>
    </message>
    <message>
        <source>No IMAP server found for the Sent copy.</source>
        <translation>Kein IMAP-Server für die Kopie in „Gesendet“ gefunden.</translation>
    </message>
    <message>
        <source>--save-sent must be auto, always or never</source>
        <translation>--save-sent muss auto, always oder never sein</translation>
    </message>
    <message>
        <source>--%1 needs --imap-host</source>
        <translation>--%1 braucht --imap-host</translation>
    </message>
    <message>
        <source>--imap-security must be tls or starttls</source>
        <translation>--imap-security muss tls oder starttls sein</translation>
    </message>
    <message>
        <source>--imap-port must be a number between 1 and 65535</source>
        <translation>--imap-port muss eine Zahl zwischen 1 und 65535 sein</translation>
    </message>
    <message>
        <source>Incoming (IMAP) server, used to save a copy of each sent message in Sent.</source>
        <translation>Posteingangsserver (IMAP), um von jeder gesendeten Nachricht eine Kopie unter „Gesendet“ abzulegen.</translation>
    </message>
    <message>
        <source>IMAP port (default 993 for tls, 143 for starttls).</source>
        <translation>IMAP-Port (Standard 993 für tls, 143 für starttls).</translation>
    </message>
    <message>
        <source>tls (default) or starttls for the IMAP server.</source>
        <translation>tls (Standard) oder starttls für den IMAP-Server.</translation>
    </message>
    <message>
        <source>IMAP user name (default: the one for sending).</source>
        <translation>IMAP-Benutzername (Standard: der zum Senden).</translation>
    </message>
    <message>
        <source>Save a copy of sent messages in Sent: auto (default; not where the provider files one itself), always or never.</source>
        <translation>Eine Kopie gesendeter Nachrichten unter „Gesendet“ ablegen: auto (Standard; nicht, wo der Anbieter selbst eine ablegt), always oder never.</translation>
    </message>
    <message>
        <source>IMAP %1</source>
        <translation>IMAP %1</translation>
    </message>
    <message>
        <source>IMAP %1, user %2</source>
        <translation>IMAP %1, Benutzer %2</translation>
    </message>
    <message>
        <source>Save a copy in Sent: %1. %2</source>
        <extracomment>%1 is auto, always or never; %2 says whether a copy is saved and why</extracomment>
        <translation>Kopie unter „Gesendet“: %1. %2</translation>
    </message>
    <message>
        <source>The IMAP server %1 was found through an unauthenticated source; it is not used without --yes (or give --imap-host).</source>
        <translation>Der IMAP-Server %1 wurde über eine nicht authentifizierte Quelle gefunden; ohne --yes wird er nicht verwendet (oder --imap-host angeben).</translation>
    </message>
    <message>
        <source>Copies of sent messages go to %1:%2 (IMAP).</source>
        <translation>Kopien gesendeter Nachrichten gehen an %1:%2 (IMAP).</translation>
    </message>
    <message>
        <source>An image the HTML shows as cid:ID; repeatable.</source>
        <translation>Ein Bild, das das HTML als cid:ID zeigt; wiederholbar.</translation>
    </message>
    <message>
        <source>ID=FILE</source>
        <translation>ID=DATEI</translation>
    </message>
    <message>
        <source>an inline image must look like &quot;ID=FILE&quot;: &apos;%1&apos;</source>
        <translation>ein Bild im Text muss die Form „ID=DATEI“ haben: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>give either --imap-host or --no-imap</source>
        <translation>geben Sie entweder --imap-host oder --no-imap an</translation>
    </message>
    <message>
        <source>nothing to change: give --imap-host, --no-imap or --save-sent</source>
        <translation>nichts zu ändern: geben Sie --imap-host, --no-imap oder --save-sent an</translation>
    </message>
    <message>
        <source>Changed account %1</source>
        <translation>Konto %1 geändert</translation>
    </message>
    <message>
        <source>The account to change.</source>
        <translation>Das zu ändernde Konto.</translation>
    </message>
    <message>
        <source>Remove the IMAP server: no copy in Sent.</source>
        <translation>Den IMAP-Server entfernen: keine Kopie unter „Gesendet“.</translation>
    </message>
    <message>
        <source>Usage: outpost account add --email ADDRESS [--host HOST ...] [--auth oauth2]
                           [--imap-host HOST ...] [--save-sent auto|always|never] |
                       set NAME [--imap-host HOST ... | --no-imap] [--save-sent MODE] |
                       list [--json] | test NAME [--json] | login NAME | remove NAME
</source>
        <translation>Aufruf: outpost account add --email ADRESSE [--host HOST ...] [--auth oauth2]
                           [--imap-host HOST ...] [--save-sent auto|always|never] |
                       set NAME [--imap-host HOST ... | --no-imap] [--save-sent MODE] |
                       list [--json] | test NAME [--json] | login NAME | remove NAME
</translation>
    </message>
    <message>
        <source>outpost: another Outpost holds the outbox and did not answer; it sends the messages when it can.</source>
        <translation>outpost: Ein anderes Outpost hält den Postausgang und hat nicht geantwortet; es sendet die Nachrichten, sobald es kann.</translation>
    </message>
</context>
<context>
    <name>CliContacts</name>
    <message numerus="yes">
        <source>%n new contact(s)</source>
        <translation>
            <numerusform>%n neuer Kontakt</numerusform>
            <numerusform>%n neue Kontakte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n merged into existing ones</source>
        <translation>
            <numerusform>%n mit einem vorhandenen zusammengeführt</numerusform>
            <numerusform>%n mit vorhandenen zusammengeführt</numerusform>
        </translation>
    </message>
    <message>
        <source>[%1]</source>
        <extracomment>after a contact in `outpost contacts list`; %1 is a list of groups</extracomment>
        <translation>[%1]</translation>
    </message>
    <message>
        <source>give exactly one file (see &apos;outpost contacts %1 --help&apos;)</source>
        <translation>genau eine Datei angeben (siehe „outpost contacts %1 --help“)</translation>
    </message>
    <message>
        <source>&apos;outpost contacts %1&apos; takes no file</source>
        <translation>„outpost contacts %1“ nimmt keine Datei</translation>
    </message>
    <message>
        <source>A vCard (.vcf) or CSV file exported from another address book.</source>
        <translation>Eine vCard- (.vcf) oder CSV-Datei, aus einem anderen Adressbuch exportiert.</translation>
    </message>
    <message>
        <source>Machine-readable output: every contact and what happened to it.</source>
        <translation>Maschinenlesbare Ausgabe: jeder Kontakt und was mit ihm geschah.</translation>
    </message>
    <message>
        <source>Show what would be imported; change nothing.</source>
        <translation>Zeigen, was importiert würde; nichts ändern.</translation>
    </message>
    <message>
        <source>%1 (merged into %2)</source>
        <extracomment>%1 is an imported contact, %2 the contact already in the book it joins</extracomment>
        <translation>%1 (zusammengeführt mit %2)</translation>
    </message>
    <message>
        <source>Would import from %1:</source>
        <extracomment>%1 is a file name; the sentence continues with the numbers of added and merged contacts</extracomment>
        <translation>Würde aus %1 importieren:</translation>
    </message>
    <message>
        <source>Imported from %1:</source>
        <translation>Aus %1 importiert:</translation>
    </message>
    <message>
        <source>Nothing was changed (--dry-run).</source>
        <translation>Nichts wurde geändert (--dry-run).</translation>
    </message>
    <message>
        <source>Machine-readable output: every field of every contact.</source>
        <translation>Maschinenlesbare Ausgabe: jedes Feld jedes Kontakts.</translation>
    </message>
    <message>
        <source>The vCard 4.0 file to write, or - for standard output.</source>
        <translation>Die zu schreibende vCard-4.0-Datei, oder - für die Standardausgabe.</translation>
    </message>
    <message>
        <source>Usage: outpost contacts import FILE [--json] [--dry-run]
       outpost contacts list [--json]
       outpost contacts export FILE
Import vCard or CSV files exported from other address books, list the
contacts, export them as vCard 4.0. Each command has --help.
</source>
        <translation>Aufruf: outpost contacts import DATEI [--json] [--dry-run]
        outpost contacts list [--json]
        outpost contacts export DATEI
vCard- oder CSV-Dateien aus anderen Adressbüchern importieren, die Kontakte
auflisten, sie als vCard 4.0 exportieren. Jeder Befehl kennt --help.
</translation>
    </message>
    <message>
        <source>contacts: say import, list or export (see &apos;outpost contacts --help&apos;)</source>
        <translation>contacts: import, list oder export angeben (siehe „outpost contacts --help“)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n contact(s) to %1.</source>
        <extracomment>%1 is a file name</extracomment>
        <translation>
            <numerusform>%n Kontakt nach %1 exportiert.</numerusform>
            <numerusform>%n Kontakte nach %1 exportiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Contacts</name>
    <message>
        <source>The file cannot be read: %1</source>
        <extracomment>%1 is the system&apos;s reason</extracomment>
        <translation>Die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The file is too large for an address book; nothing was imported.</source>
        <translation>Die Datei ist zu groß für ein Adressbuch; nichts wurde importiert.</translation>
    </message>
    <message>
        <source>your contacts</source>
        <translation>Ihre Kontakte</translation>
    </message>
    <message>
        <source>a contact has no identifier</source>
        <translation>ein Kontakt hat keine Kennung</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <extracomment>%1 is a line number, %2 what is wrong there</extracomment>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>The file cannot be imported; nothing was imported. %1</source>
        <translation>Die Datei kann nicht importiert werden; nichts wurde importiert. %1</translation>
    </message>
    <message>
        <source>a quoted field is never closed</source>
        <translation>ein Feld in Anführungszeichen wird nie geschlossen</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>die Datei ist leer</translation>
    </message>
    <message>
        <source>no column of names or e-mail addresses (the first line must name the columns)</source>
        <translation>keine Spalte mit Namen oder E-Mail-Adressen (die erste Zeile muss die Spalten benennen)</translation>
    </message>
    <message>
        <source>%1 fields where the first line names %2</source>
        <extracomment>%1 and %2 are numbers</extracomment>
        <translation>%1 Felder, wo die erste Zeile %2 benennt</translation>
    </message>
    <message>
        <source>“%1” is not an e-mail address</source>
        <extracomment>%1 is what the file gives as an e-mail address</extracomment>
        <translation>„%1“ ist keine E-Mail-Adresse</translation>
    </message>
    <message>
        <source>there is no contact in this file</source>
        <translation>diese Datei enthält keinen Kontakt</translation>
    </message>
    <message>
        <source>this is not a vCard property (NAME:value)</source>
        <translation>das ist keine vCard-Eigenschaft (NAME:Wert)</translation>
    </message>
    <message>
        <source>BEGIN of something other than a vCard</source>
        <translation>BEGIN von etwas anderem als einer vCard</translation>
    </message>
    <message>
        <source>a vCard begins inside another one (END:VCARD missing before)</source>
        <translation>eine vCard beginnt innerhalb einer anderen (davor fehlt END:VCARD)</translation>
    </message>
    <message>
        <source>a property outside BEGIN:VCARD and END:VCARD</source>
        <translation>eine Eigenschaft außerhalb von BEGIN:VCARD und END:VCARD</translation>
    </message>
    <message>
        <source>this vCard has no END:VCARD</source>
        <translation>diese vCard hat kein END:VCARD</translation>
    </message>
    <message>
        <source>there is no vCard in this file</source>
        <translation>diese Datei enthält keine vCard</translation>
    </message>
    <message>
        <source>broken quoted-printable encoding</source>
        <translation>fehlerhafte Quoted-Printable-Kodierung</translation>
    </message>
    <message>
        <source>text in an unknown character set (%1)</source>
        <extracomment>%1 is a character set name such as ISO-8859-2</extracomment>
        <translation>Text in einem unbekannten Zeichensatz (%1)</translation>
    </message>
    <message>
        <source>vCard version %1 is not one this reads (2.1, 3.0, 4.0)</source>
        <extracomment>%1 is a version number such as 5.0</extracomment>
        <translation>vCard-Version %1 wird nicht gelesen (nur 2.1, 3.0, 4.0)</translation>
    </message>
    <message>
        <source>this vCard has no VERSION</source>
        <translation>diese vCard hat keine VERSION</translation>
    </message>
    <message>
        <source>this vCard has neither a name nor an e-mail address</source>
        <translation>diese vCard hat weder einen Namen noch eine E-Mail-Adresse</translation>
    </message>
    <message numerus="yes">
        <source>(and %n more)</source>
        <extracomment>after a list of problems in a file, those not listed</extracomment>
        <translation>
            <numerusform>(und %n weiteres)</numerusform>
            <numerusform>(und %n weitere)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (group of %n)</source>
        <extracomment>a group of contacts in the recipient completion list; %1 is its name</extracomment>
        <translation>
            <numerusform>%1 (Gruppe mit %n Person)</numerusform>
            <numerusform>%1 (Gruppe mit %n Personen)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Core::ImapClient</name>
    <message>
        <source>The user name, password or folder name for the IMAP server contains a line break or a NUL character; nothing was sent.</source>
        <translation>Benutzername, Passwort oder Ordnername für den IMAP-Server enthalten einen Zeilenumbruch oder ein NUL-Zeichen; es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>The message&apos;s Message-ID contains a line break; it was not filed.</source>
        <translation>Die Message-ID der Nachricht enthält einen Zeilenumbruch; sie wurde nicht abgelegt.</translation>
    </message>
    <message>
        <source>The IMAP server sent a response Outpost cannot read.</source>
        <translation>Der IMAP-Server hat eine Antwort gesendet, die Outpost nicht lesen kann.</translation>
    </message>
    <message>
        <source>Filing the copy was cancelled.</source>
        <translation>Das Ablegen der Kopie wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The IMAP server asked for data Outpost did not announce.</source>
        <translation>Der IMAP-Server hat Daten angefordert, die Outpost nicht angekündigt hat.</translation>
    </message>
    <message>
        <source>The IMAP server answered a command Outpost did not send.</source>
        <translation>Der IMAP-Server hat auf einen Befehl geantwortet, den Outpost nicht gesendet hat.</translation>
    </message>
    <message>
        <source>The IMAP server closed the session: %1</source>
        <translation>Der IMAP-Server hat die Sitzung beendet: %1</translation>
    </message>
    <message>
        <source>The IMAP server %1 skipped encryption (PREAUTH), which this account requires.</source>
        <translation>Der IMAP-Server %1 hat die Verschlüsselung übersprungen (PREAUTH), die dieses Konto verlangt.</translation>
    </message>
    <message>
        <source>The IMAP server&apos;s greeting was not valid.</source>
        <translation>Die Begrüßung des IMAP-Servers war ungültig.</translation>
    </message>
    <message>
        <source>Signing in to the IMAP server is temporarily not possible: %1</source>
        <translation>Die Anmeldung beim IMAP-Server ist vorübergehend nicht möglich: %1</translation>
    </message>
    <message>
        <source>The IMAP server did not accept the user name or password: %1</source>
        <translation>Der IMAP-Server hat Benutzername oder Passwort nicht akzeptiert: %1</translation>
    </message>
    <message>
        <source>The IMAP server sent an answer out of turn.</source>
        <translation>Der IMAP-Server hat außer der Reihe geantwortet.</translation>
    </message>
    <message>
        <source>The server %1 is no IMAP4rev1 server.</source>
        <translation>Der Server %1 ist kein IMAP4rev1-Server.</translation>
    </message>
    <message>
        <source>%1 does not offer encryption (STARTTLS), which this account requires; nothing was sent.</source>
        <translation>%1 bietet keine Verschlüsselung (STARTTLS) an, die dieses Konto verlangt; es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>The IMAP server offers no sign-in method Outpost can use safely (%1).</source>
        <translation>Der IMAP-Server bietet keine Anmeldemethode an, die Outpost sicher verwenden kann (%1).</translation>
    </message>
    <message>
        <source>The connection to %1 is not encrypted, so the password was not sent.</source>
        <translation>Die Verbindung zu %1 ist nicht verschlüsselt, daher wurde das Passwort nicht gesendet.</translation>
    </message>
    <message>
        <source>The IMAP server could not prove that it knows the password.</source>
        <translation>Der IMAP-Server konnte nicht nachweisen, dass er das Passwort kennt.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist on the IMAP server.</source>
        <translation>Der Ordner %1 existiert auf dem IMAP-Server nicht.</translation>
    </message>
    <message>
        <source>The message (%1 bytes) is larger than the IMAP server accepts (%2 bytes).</source>
        <translation>Die Nachricht (%1 Bytes) ist größer, als der IMAP-Server annimmt (%2 Bytes).</translation>
    </message>
    <message>
        <source>The certificate of the IMAP server %1 has changed.</source>
        <translation>Das Zertifikat des IMAP-Servers %1 hat sich geändert.</translation>
    </message>
    <message>
        <source>The certificate of the IMAP server %1 is not trusted.</source>
        <translation>Dem Zertifikat des IMAP-Servers %1 wird nicht vertraut.</translation>
    </message>
    <message>
        <source>Encryption with the IMAP server %1 failed: %2</source>
        <translation>Die Verschlüsselung mit dem IMAP-Server %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The IMAP server %1 did not answer in time.</source>
        <translation>Der IMAP-Server %1 hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The connection to the IMAP server %1 failed: %2</source>
        <translation>Die Verbindung zum IMAP-Server %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The IMAP server refused to list its capabilities: %1</source>
        <translation>Der IMAP-Server hat sich geweigert, seine Fähigkeiten zu nennen: %1</translation>
    </message>
    <message>
        <source>The IMAP server refused to start encryption (STARTTLS): %1</source>
        <translation>Der IMAP-Server hat sich geweigert, die Verschlüsselung zu starten (STARTTLS): %1</translation>
    </message>
    <message>
        <source>The IMAP server refused to list the folders: %1</source>
        <translation>Der IMAP-Server hat sich geweigert, die Ordner aufzulisten: %1</translation>
    </message>
    <message>
        <source>The IMAP server refused to create the folder: %1</source>
        <translation>Der IMAP-Server hat sich geweigert, den Ordner anzulegen: %1</translation>
    </message>
    <message>
        <source>The IMAP server refused to open the folder: %1</source>
        <translation>Der IMAP-Server hat sich geweigert, den Ordner zu öffnen: %1</translation>
    </message>
    <message>
        <source>The IMAP server refused to search the folder: %1</source>
        <translation>Der IMAP-Server hat sich geweigert, den Ordner zu durchsuchen: %1</translation>
    </message>
    <message>
        <source>The IMAP server refused to file the message: %1</source>
        <translation>Der IMAP-Server hat sich geweigert, die Nachricht abzulegen: %1</translation>
    </message>
    <message>
        <source>The IMAP server did not accept the account&apos;s sign-in permission (OAuth 2.0): %1</source>
        <translation>Der IMAP-Server hat die Anmeldeberechtigung des Kontos (OAuth 2.0) nicht akzeptiert: %1</translation>
    </message>
</context>
<context>
    <name>Core::SentCopyStep</name>
    <message>
        <source>The account this message was sent from no longer exists.</source>
        <translation>Das Konto, von dem diese Nachricht gesendet wurde, gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>The sent message is no longer kept, so no copy can be filed.</source>
        <translation>Die gesendete Nachricht wird nicht mehr aufbewahrt, daher kann keine Kopie abgelegt werden.</translation>
    </message>
    <message>
        <source>The account does not keep copies of sent messages.</source>
        <translation>Das Konto behält keine Kopien gesendeter Nachrichten.</translation>
    </message>
    <message>
        <source>The account has no IMAP server.</source>
        <translation>Das Konto hat keinen IMAP-Server.</translation>
    </message>
    <message>
        <source>The provider files a copy in the Sent folder itself.</source>
        <translation>Der Anbieter legt selbst eine Kopie im Ordner „Gesendet“ ab.</translation>
    </message>
    <message>
        <source>There is no Sent folder (%1).</source>
        <extracomment>%1 is the folder&apos;s name</extracomment>
        <translation>Es gibt keinen Ordner „Gesendet“ (%1).</translation>
    </message>
    <message numerus="yes">
        <source>Gave up filing the copy after %n day(s): %1</source>
        <extracomment>%n is how many days Outpost kept trying, %1 the last error</extracomment>
        <translation>
            <numerusform>Ablage der Kopie nach %n Tag aufgegeben: %1</numerusform>
            <numerusform>Ablage der Kopie nach %n Tagen aufgegeben: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Drafts</name>
    <message>
        <source>The draft cannot be saved: the folder %1 cannot be created.</source>
        <translation>Der Entwurf kann nicht gespeichert werden: Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
</context>
<context>
    <name>Durable</name>
    <message>
        <source>Could not save “%1”: %2</source>
        <extracomment>%1 is a file name, %2 the system&apos;s reason (e.g. &quot;No space left on device&quot;)</extracomment>
        <translation>„%1“ konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>the file is not open</source>
        <translation>die Datei ist nicht geöffnet</translation>
    </message>
    <message>
        <source>the file could not be renamed</source>
        <translation>die Datei konnte nicht umbenannt werden</translation>
    </message>
    <message>
        <source>the folder could not be created</source>
        <translation>der Ordner konnte nicht angelegt werden</translation>
    </message>
</context>
<context>
    <name>FileLock</name>
    <message>
        <source>the lock file keeps disappearing</source>
        <translation>die Sperrdatei verschwindet immer wieder</translation>
    </message>
</context>
<context>
    <name>Gui::AccountWizard</name>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>No encryption</source>
        <translation>Keine Verschlüsselung</translation>
    </message>
    <message>
        <source>Add Account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <source>Your mail account</source>
        <translation>Ihr E-Mail-Konto</translation>
    </message>
    <message>
        <source>Outpost finds the outgoing server from your address and checks it before anything is saved.</source>
        <translation>Outpost ermittelt den Postausgangsserver anhand Ihrer Adresse und überprüft ihn, bevor etwas gespeichert wird.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>E-Mail-Adresse</translation>
    </message>
    <message>
        <source>name@example.org</source>
        <translation>name@example.org</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Let my provider&apos;s own configuration server see my address (HTTPS only)</source>
        <translation>Meine Adresse an den eigenen Konfigurationsserver meines Anbieters übermitteln (nur HTTPS)</translation>
    </message>
    <message>
        <source>Also consider servers without encryption (not recommended)</source>
        <translation>Auch Server ohne Verschlüsselung berücksichtigen (nicht empfohlen)</translation>
    </message>
    <message>
        <source>Your na&amp;me:</source>
        <translation>Ihr &amp;Name:</translation>
    </message>
    <message>
        <source>E-mail &amp;address:</source>
        <translation>E-Mail-&amp;Adresse:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Your password is sent only to the server you confirm, and only over an encrypted connection. It is kept in the system keychain.</source>
        <translation>Ihr Passwort wird nur an den Server gesendet, den Sie bestätigen, und nur über eine verschlüsselte Verbindung. Es wird im Schlüsselbund des Systems aufbewahrt.</translation>
    </message>
    <message>
        <source>Looking for your server</source>
        <translation>Ihr Server wird gesucht</translation>
    </message>
    <message>
        <source>Asking your provider, Thunderbird&apos;s provider database and DNS at the same time.</source>
        <translation>Ihr Anbieter, die Anbieterdatenbank von Thunderbird und das DNS werden gleichzeitig abgefragt.</translation>
    </message>
    <message>
        <source>Searching</source>
        <translation>Suche läuft</translation>
    </message>
    <message>
        <source>What Outpost is checking</source>
        <translation>Was Outpost gerade prüft</translation>
    </message>
    <message>
        <source>%1 s  %2</source>
        <translation>%1&#xa0;s  %2</translation>
    </message>
    <message>
        <source>Outgoing server</source>
        <translation>Postausgangsserver</translation>
    </message>
    <message>
        <source>Servers found</source>
        <translation>Gefundene Server</translation>
    </message>
    <message>
        <source>&amp;Edit Settings…</source>
        <translation>Einstellungen &amp;bearbeiten …</translation>
    </message>
    <message>
        <source>Se&amp;rver:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>No usable server was found.</source>
        <translation>Es wurde kein verwendbarer Server gefunden.</translation>
    </message>
    <message>
        <source>Enter the settings from your provider&apos;s help pages with “Edit Settings”.</source>
        <translation>Geben Sie die Einstellungen von den Hilfeseiten Ihres Anbieters über „Einstellungen bearbeiten“ ein.</translation>
    </message>
    <message>
        <source>%1, port %2, %3 — user name %4</source>
        <translation>%1, Port %2, %3 – Benutzername %4</translation>
    </message>
    <message>
        <source>I checked that %1 is my provider&apos;s server</source>
        <translation>Ich habe geprüft, dass %1 der Server meines Anbieters ist</translation>
    </message>
    <message>
        <source>%1:%2 (%3) — from %4</source>
        <translation>%1:%2 (%3) – Quelle: %4</translation>
    </message>
    <message>
        <source>Server settings</source>
        <translation>Servereinstellungen</translation>
    </message>
    <message>
        <source>Your provider&apos;s help pages list these as “SMTP” or “outgoing mail”.</source>
        <translation>Auf den Hilfeseiten Ihres Anbieters finden Sie diese unter „SMTP“ oder „Postausgang“.</translation>
    </message>
    <message>
        <source>&amp;Re-test</source>
        <translation>&amp;Erneut testen</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>&amp;Encryption:</source>
        <translation>&amp;Verschlüsselung:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>Testing %1:%2…</source>
        <translation>%1:%2 wird getestet …</translation>
    </message>
    <message>
        <source>The test failed: %1</source>
        <translation>Der Test ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The server answered without encryption.</source>
        <translation>Der Server hat ohne Verschlüsselung geantwortet.</translation>
    </message>
    <message>
        <source>The server answered with %1.</source>
        <translation>Der Server hat mit %1 geantwortet.</translation>
    </message>
    <message>
        <source>Certificate for %1, issued by %2.</source>
        <translation>Zertifikat für %1, ausgestellt von %2.</translation>
    </message>
    <message>
        <source>Sign-in methods: %1.</source>
        <translation>Anmeldeverfahren: %1.</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <source>Outpost signs in once to make sure sending will work. No message is sent.</source>
        <translation>Outpost meldet sich einmal an, um sicherzustellen, dass das Senden funktioniert. Es wird keine Nachricht gesendet.</translation>
    </message>
    <message>
        <source>&amp;Try Again</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Signing in to %1 as %2…</source>
        <translation>Anmeldung bei %1 als %2 …</translation>
    </message>
    <message>
        <source>Signed in successfully as %1.</source>
        <translation>Erfolgreich als %1 angemeldet.</translation>
    </message>
    <message>
        <source>The server said: %1</source>
        <translation>Antwort des Servers: %1</translation>
    </message>
    <message>
        <source>How you appear</source>
        <translation>So erscheinen Sie</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signatur</translation>
    </message>
    <message>
        <source>Your name as &amp;recipients see it:</source>
        <translation>Ihr Name, wie &amp;Empfänger ihn sehen:</translation>
    </message>
    <message>
        <source>Si&amp;gnature:</source>
        <translation>Si&amp;gnatur:</translation>
    </message>
    <message>
        <source>Manual &amp;Setup</source>
        <translation>Manuell &amp;einrichten</translation>
    </message>
    <message>
        <source>None: the server accepts mail without signing in</source>
        <translation>Keine: Der Server nimmt Mail ohne Anmeldung an</translation>
    </message>
    <message>
        <source>S&amp;ign-in:</source>
        <translation>An&amp;meldung:</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird aufgebaut…</translation>
    </message>
    <message>
        <source>%1 answered. Outpost will send through it without signing in.</source>
        <translation>%1 hat geantwortet. Outpost sendet darüber ohne Anmeldung.</translation>
    </message>
    <message>
        <source>%1 could not be used: %2</source>
        <translation>%1 kann nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>Account na&amp;me:</source>
        <translation>Konto&amp;name:</translation>
    </message>
    <message>
        <source>Outpost could not find your settings.</source>
        <translation>Outpost konnte Ihre Einstellungen nicht finden.</translation>
    </message>
    <message>
        <source>No server for %1 could be confirmed. Check that this computer is online, or enter the settings from your provider&apos;s help pages with “Edit Settings”.</source>
        <translation>Für %1 konnte kein Server bestätigt werden. Prüfen Sie, ob dieser Computer online ist, oder geben Sie die Einstellungen aus den Hilfeseiten Ihres Anbieters mit „Einstellungen bearbeiten“ ein.</translation>
    </message>
    <message>
        <source>%1:%2 — %3</source>
        <translation>%1:%2 — %3</translation>
    </message>
    <message>
        <source>not usable</source>
        <translation>nicht verwendbar</translation>
    </message>
    <message>
        <source>Tried:</source>
        <translation>Versucht:</translation>
    </message>
    <message>
        <source>You sign in with your provider in your browser (OAuth 2.0); Outpost never sees your password.</source>
        <translation>Sie melden sich im Browser bei Ihrem Anbieter an (OAuth 2.0); Outpost sieht Ihr Passwort nie.</translation>
    </message>
    <message>
        <source>OAuth 2.0: sign in with your provider in the browser</source>
        <translation>OAuth 2.0: im Browser beim Anbieter anmelden</translation>
    </message>
    <message>
        <source>%1 signed you in but gave Outpost no lasting permission (no refresh token), so it could not send later. Nothing was saved.</source>
        <translation>%1 hat Sie angemeldet, Outpost aber keine dauerhafte Erlaubnis erteilt (kein Refresh-Token); später könnte es nicht senden. Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>%1 signs in with OAuth 2.0 through %2.</source>
        <extracomment>%1 is a server name, %2 a provider such as &quot;Google&quot;</extracomment>
        <translation>%1 meldet sich mit OAuth 2.0 über %2 an.</translation>
    </message>
    <message>
        <source>No incoming (IMAP) server was found. Enter it to keep a copy of what you send in your Sent folder, or leave it empty.</source>
        <translation>Es wurde kein Posteingangsserver (IMAP) gefunden. Tragen Sie ihn ein, um eine Kopie des Gesendeten im Ordner „Gesendet“ abzulegen, oder lassen Sie das Feld leer.</translation>
    </message>
    <message>
        <source>Found: %1.</source>
        <extracomment>%1 is where the server was found, e.g. &quot;the provider&apos;s configuration server&quot;</extracomment>
        <translation>Gefunden: %1.</translation>
    </message>
    <message>
        <source>I checked that %1 is my provider&apos;s incoming server</source>
        <translation>Ich habe geprüft, dass %1 der Posteingangsserver meines Anbieters ist</translation>
    </message>
    <message>
        <source>Copy of sent messages</source>
        <translation>Kopie gesendeter Nachrichten</translation>
    </message>
    <message>
        <source>IMAP server</source>
        <translation>IMAP-Server</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>IMAP port</source>
        <translation>IMAP-Port</translation>
    </message>
    <message>
        <source>IMAP encryption</source>
        <translation>IMAP-Verschlüsselung</translation>
    </message>
    <message>
        <source>IMAP user name</source>
        <translation>IMAP-Benutzername</translation>
    </message>
    <message>
        <source>the same as for sending</source>
        <translation>derselbe wie beim Senden</translation>
    </message>
    <message>
        <source>Save a copy of sent messages</source>
        <translation>Kopie gesendeter Nachrichten ablegen</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Always</source>
        <translation>Immer</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Save a cop&amp;y of sent messages:</source>
        <translation>&amp;Kopie gesendeter Nachrichten ablegen:</translation>
    </message>
    <message>
        <source>IMAP ser&amp;ver:</source>
        <translation>IMAP-Ser&amp;ver:</translation>
    </message>
    <message>
        <source>IMAP por&amp;t:</source>
        <translation>IMAP-Por&amp;t:</translation>
    </message>
    <message>
        <source>IMAP user na&amp;me:</source>
        <translation>IMAP-Benutzer&amp;name:</translation>
    </message>
</context>
<context>
    <name>Gui::AccountsDialog</name>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>no encryption</source>
        <translation>keine Verschlüsselung</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen …</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten …</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Make &amp;Default</source>
        <translation>Als Stan&amp;dard festlegen</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>&amp;Verbindung testen</translation>
    </message>
    <message>
        <source>Connection test report</source>
        <translation>Bericht des Verbindungstests</translation>
    </message>
    <message>
        <source>Test Connection signs in to the server, sends nothing, and reports here what it found.</source>
        <translation>„Verbindung testen“ meldet sich beim Server an, sendet nichts und zeigt hier, was dabei festgestellt wurde.</translation>
    </message>
    <message>
        <source>%1 — %2
%3:%4, %5</source>
        <extracomment>an account in the list: %1 name, %2 address, %3 server, %4 port, %5 encryption</extracomment>
        <translation>%1 – %2
%3:%4, %5</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(Standard)</translation>
    </message>
    <message>
        <source>Edit Account</source>
        <translation>Konto bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Ser&amp;ver:</source>
        <translation>Se&amp;rver:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Encryption:</source>
        <translation>&amp;Verschlüsselung:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>Your name as &amp;recipients see it:</source>
        <translation>Ihr Name, wie &amp;Empfänger ihn sehen:</translation>
    </message>
    <message>
        <source>Si&amp;gnature:</source>
        <translation>Si&amp;gnatur:</translation>
    </message>
    <message>
        <source>Remove Account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <source>Remove the account “%1”? Its password is deleted from the keychain. Messages already in the outbox for it stay there.</source>
        <translation>Möchten Sie das Konto „%1“ entfernen? Sein Passwort wird aus dem Schlüsselbund gelöscht. Nachrichten, die für dieses Konto bereits im Postausgang liegen, bleiben dort.</translation>
    </message>
    <message>
        <source>Testing %1 (%2:%3, %4)…</source>
        <translation>%1 wird getestet (%2:%3, %4) …</translation>
    </message>
    <message>
        <source>Connected.</source>
        <translation>Verbunden.</translation>
    </message>
    <message>
        <source>Connected and signed in.</source>
        <translation>Verbunden und angemeldet.</translation>
    </message>
    <message>
        <source>Encryption: %1</source>
        <translation>Verschlüsselung: %1</translation>
    </message>
    <message>
        <source>Encryption: none — anyone on the network can read what is sent</source>
        <translation>Verschlüsselung: keine – jeder im Netzwerk kann mitlesen, was gesendet wird</translation>
    </message>
    <message>
        <source>Certificate: %1, issued by %2, valid until %3</source>
        <translation>Zertifikat: %1, ausgestellt von %2, gültig bis %3</translation>
    </message>
    <message>
        <source>SHA-256: %1</source>
        <translation>SHA-256: %1</translation>
    </message>
    <message>
        <source>Sign-in: %1 (offered: %2)</source>
        <translation>Anmeldung: %1 (angeboten: %2)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Extensions: %1</source>
        <translation>Erweiterungen: %1</translation>
    </message>
    <message>
        <source>Largest message: %1</source>
        <translation>Maximale Nachrichtengröße: %1</translation>
    </message>
    <message>
        <source>Largest message: not announced</source>
        <translation>Maximale Nachrichtengröße: nicht angegeben</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The server said: %1 %2</source>
        <translation>Antwort des Servers: %1 %2</translation>
    </message>
    <message>
        <source>Trusted the certificate %1 for %2:%3; testing again.</source>
        <translation>Dem Zertifikat %1 wird jetzt für %2:%3 vertraut; der Test wird wiederholt.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>None: the server accepts mail without signing in</source>
        <translation>Keine: Der Server nimmt Mail ohne Anmeldung an</translation>
    </message>
    <message>
        <source>OAuth 2.0</source>
        <translation>OAuth 2.0</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>S&amp;ign-in:</source>
        <translation>An&amp;meldung:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>Enter the password for signing in.</source>
        <translation>Geben Sie das Passwort für die Anmeldung ein.</translation>
    </message>
    <message>
        <source>OAuth 2.0 (%1)</source>
        <extracomment>how an account signs in; %1 is a provider such as &quot;Google&quot;</extracomment>
        <translation>OAuth 2.0 (%1)</translation>
    </message>
    <message>
        <source>Sign &amp;In Again</source>
        <translation>Erneut an&amp;melden</translation>
    </message>
    <message>
        <source>Sign in with the provider in your browser (OAuth 2.0 accounts)</source>
        <translation>Im Browser beim Anbieter anmelden (OAuth-2.0-Konten)</translation>
    </message>
    <message>
        <source>Remove the account “%1”? Its permission to send is withdrawn at the provider and deleted from the keychain. Messages already in the outbox for it stay there.</source>
        <translation>Das Konto „%1“ entfernen? Seine Berechtigung zum Senden wird beim Anbieter widerrufen und aus dem Schlüsselbund gelöscht. Nachrichten, die dafür bereits im Postausgang liegen, bleiben dort.</translation>
    </message>
    <message>
        <source>IMAP %1:%2, %3</source>
        <extracomment>the account&apos;s IMAP server for the Sent copy: %1 server, %2 port, %3 encryption</extracomment>
        <translation>IMAP %1:%2, %3</translation>
    </message>
    <message>
        <source>Testing the IMAP server for copies of sent messages (%1:%2, %3)…</source>
        <extracomment>the account&apos;s IMAP server for the Sent copy: %1 server, %2 port, %3 encryption</extracomment>
        <translation>Teste den IMAP-Server für Kopien gesendeter Nachrichten (%1:%2, %3)…</translation>
    </message>
    <message>
        <source>IMAP: signed in; copies of sent messages go to the folder “%1”.</source>
        <translation>IMAP: angemeldet; Kopien gesendeter Nachrichten kommen in den Ordner „%1“.</translation>
    </message>
    <message>
        <source>IMAP: signed in; there is no Sent folder yet (%1). Outpost asks you before it creates one.</source>
        <translation>IMAP: angemeldet; es gibt noch keinen Ordner für gesendete Nachrichten (%1). Outpost fragt Sie, bevor es einen anlegt.</translation>
    </message>
    <message>
        <source>IMAP failed: %1</source>
        <translation>IMAP fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The IMAP server said: %1</source>
        <translation>Der IMAP-Server sagte: %1</translation>
    </message>
</context>
<context>
    <name>Gui::CertificateDialog</name>
    <message>
        <source>Server Certificate Changed</source>
        <translation>Serverzertifikat geändert</translation>
    </message>
    <message>
        <source>Untrusted Server Certificate</source>
        <translation>Nicht vertrauenswürdiges Serverzertifikat</translation>
    </message>
    <message>
        <source>The certificate of %1 is not the one you trusted before. Someone may be intercepting your connection. Do not continue unless your provider told you that it changed.</source>
        <translation>Das Zertifikat von %1 ist nicht das, dem Sie zuvor vertraut haben. Möglicherweise fängt jemand Ihre Verbindung ab. Fahren Sie nur fort, wenn Ihr Anbieter Ihnen mitgeteilt hat, dass es sich geändert hat.</translation>
    </message>
    <message>
        <source>Outpost could not verify that this server is %1. Its certificate is shown below; trust it only if you know it is right (for example, your company&apos;s own server).</source>
        <translation>Outpost konnte nicht überprüfen, ob dieser Server wirklich %1 ist. Sein Zertifikat wird unten angezeigt; vertrauen Sie ihm nur, wenn Sie sicher wissen, dass es richtig ist (zum Beispiel beim eigenen Server Ihrer Firma).</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Issued to:</source>
        <translation>Ausgestellt für:</translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation>Ausgestellt von:</translation>
    </message>
    <message>
        <source>Valid:</source>
        <extracomment>validity period of a certificate: %1 start, %2 end</extracomment>
        <translation>Gültig:</translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation>vom %1 bis %2</translation>
    </message>
    <message>
        <source>Names:</source>
        <translation>Namen:</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation>SHA-256-Fingerabdruck:</translation>
    </message>
    <message>
        <source>It differs from the certificate you trusted for this server.</source>
        <translation>Es unterscheidet sich von dem Zertifikat, dem Sie für diesen Server vertraut haben.</translation>
    </message>
    <message>
        <source>Problem:</source>
        <translation>Problem:</translation>
    </message>
    <message>
        <source>My provider confirmed this new fingerprint</source>
        <translation>Mein Anbieter hat diesen neuen Fingerabdruck bestätigt</translation>
    </message>
    <message>
        <source>&amp;Trust This Certificate for This Server</source>
        <translation>&amp;Diesem Zertifikat für diesen Server vertrauen</translation>
    </message>
</context>
<context>
    <name>Gui::ComposerWindow</name>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>Send the message (Ctrl+Return)</source>
        <translation>Die Nachricht senden (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Compose</source>
        <translation>Verfassen</translation>
    </message>
    <message>
        <source>No account configured</source>
        <translation>Kein Konto eingerichtet</translation>
    </message>
    <message>
        <source>name@example.org, another@example.org</source>
        <translation>name@example.org, andere@example.org</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;An:</translation>
    </message>
    <message>
        <source>&amp;Cc:</source>
        <translation>&amp;Cc:</translation>
    </message>
    <message>
        <source>&amp;Bcc:</source>
        <translation>&amp;Bcc:</translation>
    </message>
    <message>
        <source>S&amp;ubject:</source>
        <translation>Be&amp;treff:</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>New Message — Outpost</source>
        <extracomment>Window title of the composer; %1 is the message subject</extracomment>
        <translation>Neue Nachricht – Outpost</translation>
    </message>
    <message>
        <source>%1 — Outpost</source>
        <translation>%1 – Outpost</translation>
    </message>
    <message>
        <source>&amp;Outbox</source>
        <translation>&amp;Postausgang</translation>
    </message>
    <message>
        <source>Show the messages that are queued, waiting or need attention</source>
        <translation>Nachrichten anzeigen, die eingereiht sind, warten oder Ihr Eingreifen erfordern</translation>
    </message>
    <message>
        <source>Add &amp;Account…</source>
        <translation>&amp;Konto hinzufügen …</translation>
    </message>
    <message>
        <source>Set up an account to send from</source>
        <translation>Ein Konto zum Senden einrichten</translation>
    </message>
    <message>
        <source>Attac&amp;h…</source>
        <translation>A&amp;nhängen …</translation>
    </message>
    <message>
        <source>Attach files (Ctrl+Shift+A), or drop them on this window</source>
        <translation>Dateien anhängen (Strg+Umschalt+A) oder auf dieses Fenster ziehen</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Anhänge</translation>
    </message>
    <message>
        <source>Press Delete to remove the selected attachment</source>
        <translation>Drücken Sie Entf, um den ausgewählten Anhang zu entfernen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>An attachment in the list: %1 is the file name, %2 its size (&quot;1.2 MB&quot;)</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Not attached (not a readable file): %1</source>
        <extracomment>%1 lists file names</extracomment>
        <translation>Nicht angehängt (keine lesbare Datei): %1</translation>
    </message>
    <message numerus="yes">
        <source>%n attachment(s), %1 in total</source>
        <translation>
            <numerusform>%n Anhang, insgesamt %1</numerusform>
            <numerusform>%n Anhänge, insgesamt %1</numerusform>
        </translation>
    </message>
    <message>
        <source>larger than your server accepts (%1): it will be refused</source>
        <extracomment>%1 is the server&apos;s message size limit (&quot;25 MB&quot;)</extracomment>
        <translation>größer, als Ihr Server annimmt (%1): Die Nachricht wird abgelehnt</translation>
    </message>
    <message>
        <source>Attach Files</source>
        <translation>Dateien anhängen</translation>
    </message>
    <message>
        <source>attach|attached|attachment|attaching|enclosed</source>
        <extracomment>Words that mean &quot;I attached something&quot;, separated by |, matched at the start of words in the message text (not in quoted lines). Add your language&apos;s words; keep the English ones.</extracomment>
        <translation>anhang|anhäng|angehängt|anbei|beigefügt|angefügt</translation>
    </message>
    <message>
        <source>Send without an attachment?</source>
        <translation>Ohne Anhang senden?</translation>
    </message>
    <message>
        <source>The message mentions an attachment, but nothing is attached.</source>
        <translation>Die Nachricht erwähnt einen Anhang, aber es ist nichts angehängt.</translation>
    </message>
    <message>
        <source>&amp;Attach Files…</source>
        <translation>&amp;Dateien anhängen …</translation>
    </message>
    <message>
        <source>&amp;Send Anyway</source>
        <translation>&amp;Trotzdem senden</translation>
    </message>
    <message>
        <source>Keep this message?</source>
        <translation>Diese Nachricht behalten?</translation>
    </message>
    <message>
        <source>The message has not been sent. Save it as a draft, to be offered again when Outpost starts?</source>
        <translation>Die Nachricht wurde nicht gesendet. Möchten Sie sie als Entwurf speichern, damit sie Ihnen beim nächsten Start von Outpost wieder angeboten wird?</translation>
    </message>
    <message>
        <source>Accou&amp;nts…</source>
        <translation>K&amp;onten …</translation>
    </message>
    <message>
        <source>Edit, test or remove your accounts</source>
        <translation>Ihre Konten bearbeiten, testen oder entfernen</translation>
    </message>
    <message>
        <source>Queuing the message…</source>
        <translation>Die Nachricht wird in den Postausgang gelegt …</translation>
    </message>
    <message>
        <source>Send &amp;Later…</source>
        <translation>Später sen&amp;den …</translation>
    </message>
    <message>
        <source>Choose when the message is sent (Ctrl+Shift+Return)</source>
        <translation>Festlegen, wann die Nachricht gesendet wird (Strg+Umschalt+Eingabe)</translation>
    </message>
    <message>
        <source>Save &amp;Draft</source>
        <translation>Ent&amp;wurf speichern</translation>
    </message>
    <message>
        <source>Draft saved. It is offered again when Outpost starts.</source>
        <translation>Entwurf gespeichert. Er wird Ihnen beim nächsten Start von Outpost wieder angeboten.</translation>
    </message>
    <message>
        <source>Rich Te&amp;xt</source>
        <translation>For&amp;matierung</translation>
    </message>
    <message>
        <source>Format the text (sent with a plain-text copy for every reader)</source>
        <translation>Den Text formatieren (wird mit einer Nur-Text-Fassung für alle Leser gesendet)</translation>
    </message>
    <message>
        <source>Message text (formatted)</source>
        <translation>Nachrichtentext (formatiert)</translation>
    </message>
    <message>
        <source>Send Later</source>
        <translation>Später senden</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>In den &amp;Postausgang legen</translation>
    </message>
    <message>
        <source>Send &amp;at:</source>
        <translation>Senden &amp;um:</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>Bea&amp;rbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Ausschneiden</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>E&amp;infügen</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>A&amp;nsicht</translation>
    </message>
    <message>
        <source>&amp;Insert</source>
        <translation>E&amp;infügen</translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation>F&amp;ormat</translation>
    </message>
    <message>
        <source>O&amp;ptions</source>
        <translation>E&amp;xtras</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Outpost</source>
        <translation>Ü&amp;ber Outpost</translation>
    </message>
    <message>
        <source>About Outpost</source>
        <translation>Über Outpost</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Outpost&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;A mail composer: it gets your message to your provider, now or when the network is back, and tells you what happened.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Outpost&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Ein Mail-Programm zum Schreiben: Es bringt Ihre Nachricht zu Ihrem Anbieter, sofort oder sobald das Netz zurück ist, und sagt Ihnen, was geschehen ist.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>Nachrichtentext</translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s)</source>
        <translation>
            <numerusform>%n Empfänger</numerusform>
            <numerusform>%n Empfänger</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove the formatting?</source>
        <translation>Formatierung entfernen?</translation>
    </message>
    <message>
        <source>Plain text keeps the words; bold, italics, lists, links and colours are removed. Turning rich text on again brings them back as long as the text has not changed.</source>
        <translation>Reiner Text behält die Wörter; Fett, Kursiv, Listen, Links und Farben werden entfernt. Wird formatierter Text wieder eingeschaltet, kommen sie zurück, solange der Text unverändert ist.</translation>
    </message>
    <message>
        <source>&amp;Remove Formatting</source>
        <translation>Formatierung &amp;entfernen</translation>
    </message>
    <message>
        <source>Send without a subject?</source>
        <translation>Ohne Betreff senden?</translation>
    </message>
    <message>
        <source>The message has no subject. Recipients may overlook it or take it for spam.</source>
        <translation>Die Nachricht hat keinen Betreff. Empfänger könnten sie übersehen oder für Spam halten.</translation>
    </message>
    <message>
        <source>&amp;Add a Subject</source>
        <translation>Betreff &amp;hinzufügen</translation>
    </message>
    <message>
        <source>The message has changed since you saved it. Save the changes to the draft?</source>
        <translation>Die Nachricht wurde seit dem Speichern geändert. Änderungen im Entwurf speichern?</translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>That time has passed. Choose a time in the future.</source>
        <translation>Dieser Zeitpunkt ist vorbei. Wählen Sie einen Zeitpunkt in der Zukunft.</translation>
    </message>
    <message>
        <source>Send with spelling mistakes?</source>
        <translation>Mit Rechtschreibfehlern senden?</translation>
    </message>
    <message numerus="yes">
        <source>%n word(s) may be misspelled: %1</source>
        <extracomment>%1 lists the first few words</extracomment>
        <translation>
            <numerusform>%n Wort ist vielleicht falsch geschrieben: %1</numerusform>
            <numerusform>%n Wörter sind vielleicht falsch geschrieben: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Überprüfen</translation>
    </message>
    <message>
        <source>&amp;Contacts…</source>
        <translation>&amp;Kontakte …</translation>
    </message>
    <message>
        <source>With its images the message is larger than your server accepts (%1): it will be refused.</source>
        <translation>Mit seinen Bildern ist die Nachricht größer, als Ihr Server annimmt (%1): Sie wird abgelehnt.</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) could not be recovered and appear as their names in the text: %1</source>
        <translation>
            <numerusform>%n Bild konnte nicht wiederhergestellt werden und steht als sein Name im Text: %1</numerusform>
            <numerusform>%n Bilder konnten nicht wiederhergestellt werden und stehen als ihre Namen im Text: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gui::ContactPicker</name>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>Name, nickname, address or group</source>
        <translation>Name, Spitzname, Adresse oder Gruppe</translation>
    </message>
    <message>
        <source>Search contacts</source>
        <translation>Kontakte durchsuchen</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>All contacts</source>
        <translation>Alle Kontakte</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Gruppe:</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <extracomment>adds the selected contacts to the To field</extracomment>
        <translation>&amp;An</translation>
    </message>
    <message>
        <source>&amp;Cc</source>
        <extracomment>adds the selected contacts to the Cc field</extracomment>
        <translation>&amp;Cc</translation>
    </message>
    <message>
        <source>&amp;Bcc</source>
        <extracomment>adds the selected contacts to the Bcc field</extracomment>
        <translation>&amp;Bcc</translation>
    </message>
    <message>
        <source>Add to To</source>
        <translation>Zu „An“ hinzufügen</translation>
    </message>
    <message>
        <source>Add to Cc</source>
        <translation>Zu „Cc“ hinzufügen</translation>
    </message>
    <message>
        <source>Add to Bcc</source>
        <translation>Zu „Bcc“ hinzufügen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>Gui::FormatBar</name>
    <message>
        <source>Red</source>
        <translation>Rot</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>Orange</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Grün</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>Blau</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>Lila</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>Grau</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Fett</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>Kursiv</translation>
    </message>
    <message>
        <source>Underline</source>
        <translation>Unterstrichen</translation>
    </message>
    <message>
        <source>Strikethrough</source>
        <translation>Durchgestrichen</translation>
    </message>
    <message>
        <source>Bulleted List</source>
        <translation>Aufzählung</translation>
    </message>
    <message>
        <source>Numbered List</source>
        <translation>Nummerierte Liste</translation>
    </message>
    <message>
        <source>Outdent</source>
        <translation>Einzug verkleinern</translation>
    </message>
    <message>
        <source>Indent</source>
        <translation>Einzug vergrößern</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Zitat</translation>
    </message>
    <message>
        <source>Link…</source>
        <translation>Link…</translation>
    </message>
    <message>
        <source>Remove Formatting</source>
        <translation>Formatierung entfernen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Text &amp;Colour</source>
        <translation>Text&amp;farbe</translation>
    </message>
    <message>
        <source>&amp;Default</source>
        <translation>&amp;Standard</translation>
    </message>
    <message>
        <source>Text colour</source>
        <translation>Textfarbe</translation>
    </message>
    <message>
        <source>Text Colour</source>
        <translation>Textfarbe</translation>
    </message>
    <message>
        <source>Text &amp;Size</source>
        <translation>Text&amp;größe</translation>
    </message>
    <message>
        <source>S&amp;maller</source>
        <translation>&amp;Kleiner</translation>
    </message>
    <message>
        <source>&amp;Larger</source>
        <translation>&amp;Größer</translation>
    </message>
    <message>
        <source>&amp;Small</source>
        <translation>K&amp;lein</translation>
    </message>
    <message>
        <source>&amp;Normal</source>
        <translation>&amp;Normal</translation>
    </message>
    <message>
        <source>L&amp;arge</source>
        <translation>Gro&amp;ß</translation>
    </message>
    <message>
        <source>&amp;Huge</source>
        <translation>&amp;Riesig</translation>
    </message>
    <message>
        <source>Text size (smaller Ctrl+&lt;, larger Ctrl+&gt;)</source>
        <translation>Textgröße (kleiner Strg+&lt;, größer Strg+&gt;)</translation>
    </message>
    <message>
        <source>Text Size</source>
        <translation>Textgröße</translation>
    </message>
</context>
<context>
    <name>Gui::InlineImageEditor</name>
    <message>
        <source>The image “%1” cannot be put into the text; attach it instead.</source>
        <extracomment>%1 is a file name</extracomment>
        <translation>Das Bild „%1“ kann nicht in den Text eingefügt werden; hängen Sie es stattdessen an.</translation>
    </message>
    <message>
        <source>image%1.%2</source>
        <extracomment>The file name of a pasted picture; %1 is a number, %2 the extension (png)</extracomment>
        <translation>Bild%1.%2</translation>
    </message>
    <message>
        <source>“%1” is not an image that can be shown in the text.</source>
        <extracomment>%1 is a file name</extracomment>
        <translation>„%1“ ist kein Bild, das im Text gezeigt werden kann.</translation>
    </message>
    <message>
        <source>The image “%1” is large (%2): it is sent as it is, which may be slow or refused by the recipient&apos;s server.</source>
        <extracomment>%1 is a file name, %2 its size (&quot;12 MB&quot;)</extracomment>
        <translation>Das Bild „%1“ ist groß (%2): Es wird unverändert gesendet; das kann lange dauern, oder der Server des Empfängers lehnt es ab.</translation>
    </message>
</context>
<context>
    <name>Gui::LinkDialog</name>
    <message>
        <source>Edit Link</source>
        <translation>Link bearbeiten</translation>
    </message>
    <message>
        <source>Insert Link</source>
        <translation>Link einfügen</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>https://example.org</source>
        <translation>https://example.org</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Text:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>&amp;Remove Link</source>
        <translation>Link &amp;entfernen</translation>
    </message>
    <message>
        <source>A link goes to a web page (https://…), a mail address or a phone number (tel:…).</source>
        <translation>Ein Link führt zu einer Webseite (https://…), einer E-Mail-Adresse oder einer Telefonnummer (tel:…).</translation>
    </message>
</context>
<context>
    <name>Gui::Notifier</name>
    <message>
        <source>Outpost</source>
        <translation>Outpost</translation>
    </message>
    <message>
        <source>&amp;New Message</source>
        <translation>&amp;Neue Nachricht</translation>
    </message>
    <message>
        <source>&amp;Outbox</source>
        <translation>&amp;Postausgang</translation>
    </message>
    <message>
        <source>&amp;Quit Outpost</source>
        <translation>Outpost &amp;beenden</translation>
    </message>
    <message>
        <source>Show &amp;Outbox</source>
        <translation>&amp;Postausgang anzeigen</translation>
    </message>
</context>
<context>
    <name>Gui::OAuthSignIn</name>
    <message>
        <source>Sign-in page</source>
        <translation>Anmeldeseite</translation>
    </message>
    <message>
        <source>Cop&amp;y Link</source>
        <translation>Link &amp;kopieren</translation>
    </message>
    <message>
        <source>Sign &amp;in with %1 in your browser</source>
        <extracomment>%1 is a provider such as &quot;Google&quot;</extracomment>
        <translation>Mit %1 im Browser &amp;anmelden</translation>
    </message>
    <message>
        <source>Your browser opens %1&apos;s sign-in page. Outpost never sees your password there; it keeps only the permission to send, in the system keychain.</source>
        <translation>Ihr Browser öffnet die Anmeldeseite von %1. Outpost sieht Ihr Passwort dort nie; es bewahrt nur die Erlaubnis zum Senden auf, im Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <source>Sign in with %1 in the browser window that opened, and allow Outpost to send mail. If no browser opened, open this link:</source>
        <extracomment>%1 is a provider such as &quot;Google&quot;</extracomment>
        <translation>Melden Sie sich im geöffneten Browserfenster bei %1 an und erlauben Sie Outpost, E-Mails zu senden. Falls sich kein Browser geöffnet hat, öffnen Sie diesen Link:</translation>
    </message>
    <message>
        <source>The sign-in was cancelled. Nothing was saved.</source>
        <translation>Die Anmeldung wurde abgebrochen. Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>The sign-in did not succeed.</source>
        <translation>Die Anmeldung ist nicht gelungen.</translation>
    </message>
    <message>
        <source>Signed in with %1. Signing in to %2 as %3…</source>
        <extracomment>%1 is a server name, %2 a user name</extracomment>
        <translation>Bei %1 angemeldet. Anmeldung bei %2 als %3 …</translation>
    </message>
    <message>
        <source>%1 asks for no sign-in, so the permission could not be checked. Choose “None” as the sign-in method instead. Nothing was saved.</source>
        <translation>%1 verlangt keine Anmeldung, daher konnte die Berechtigung nicht geprüft werden. Wählen Sie stattdessen „Keine“ als Anmeldeart. Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>Signed in successfully as %1 with %2.</source>
        <translation>Erfolgreich als %1 mit %2 angemeldet.</translation>
    </message>
    <message>
        <source>%1 did not accept the sign-in: %2</source>
        <translation>%1 hat die Anmeldung nicht angenommen: %2</translation>
    </message>
    <message>
        <source>The server said: %1</source>
        <translation>Der Server meldete: %1</translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation>Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>Cancel Si&amp;gn-in</source>
        <translation>Anmeldung a&amp;bbrechen</translation>
    </message>
</context>
<context>
    <name>Gui::OAuthSignInDialog</name>
    <message>
        <source>Sign In Again — %1</source>
        <extracomment>%1 is an account name</extracomment>
        <translation>Erneut anmelden — %1</translation>
    </message>
    <message>
        <source>The permission to send from %1 has expired or was withdrawn. Its messages wait in the outbox until you sign in again.</source>
        <translation>Die Berechtigung, von %1 zu senden, ist abgelaufen oder wurde widerrufen. Die Nachrichten warten im Postausgang, bis Sie sich erneut anmelden.</translation>
    </message>
</context>
<context>
    <name>Gui::OutboxModel</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>In der Warteschlange</translation>
    </message>
    <message>
        <source>Sending %1 %</source>
        <translation>Wird gesendet: %1&#xa0;%</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Wird gesendet</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>May have been sent</source>
        <translation>Möglicherweise gesendet</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Eingreifen nötig</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Beschädigt</translation>
    </message>
    <message>
        <source>Sent %1</source>
        <translation>Gesendet am %1</translation>
    </message>
    <message>
        <source>Will be sent at %1</source>
        <translation>Wird am %1 gesendet</translation>
    </message>
    <message>
        <source>%1 — next try at %2</source>
        <extracomment>%1 is the reason, %2 a time</extracomment>
        <translation>%1 – nächster Versuch am %2</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to be sent</source>
        <translation>
            <numerusform>%n Nachricht wartet auf den Versand</numerusform>
            <numerusform>%n Nachrichten warten auf den Versand</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n need(s) your attention</source>
        <translation>
            <numerusform>%n Nachricht erfordert Ihr Eingreifen</numerusform>
            <numerusform>%n Nachrichten erfordern Ihr Eingreifen</numerusform>
        </translation>
    </message>
    <message>
        <source>copy in %1</source>
        <extracomment>%1 is the IMAP folder</extracomment>
        <translation>Kopie in %1</translation>
    </message>
    <message>
        <source>copy to be filed in Sent</source>
        <translation>Kopie wird in „Gesendet“ abgelegt</translation>
    </message>
    <message>
        <source>copy not filed yet: %1</source>
        <translation>Kopie noch nicht abgelegt: %1</translation>
    </message>
    <message>
        <source>no copy in Sent: %1</source>
        <translation>keine Kopie in „Gesendet“: %1</translation>
    </message>
</context>
<context>
    <name>Gui::OutboxWindow</name>
    <message>
        <source>Outbox — Outpost</source>
        <translation>Postausgang – Outpost</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
    <message>
        <source>Send &amp;Now</source>
        <translation>&amp;Jetzt senden</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>&amp;Mark as Sent</source>
        <translation>Als gesendet &amp;markieren</translation>
    </message>
    <message>
        <source>Send &amp;Again</source>
        <translation>&amp;Nochmals senden</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Send this message again; its recipients may get it twice.</source>
        <translation>Diese Nachricht nochmals senden; die Empfänger erhalten sie möglicherweise doppelt.</translation>
    </message>
    <message>
        <source>Nothing waiting.</source>
        <translation>Keine wartenden Nachrichten.</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>Take the message out of the outbox and open it in a composer</source>
        <translation>Die Nachricht aus dem Postausgang nehmen und in einem Verfassen-Fenster öffnen</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>S&amp;ign In Again</source>
        <translation>&amp;Wieder anmelden</translation>
    </message>
    <message>
        <source>Sign in with the provider in your browser; the messages waiting for it go out</source>
        <translation>Im Browser beim Anbieter anmelden; die darauf wartenden Nachrichten werden gesendet</translation>
    </message>
    <message>
        <source>&amp;Keep sent messages:</source>
        <translation>&amp;Gesendete Nachrichten behalten:</translation>
    </message>
    <message>
        <source>After this time the text and attachments of sent messages are deleted; the record that they were sent stays.</source>
        <translation>Nach dieser Zeit werden Text und Anhänge gesendeter Nachrichten gelöscht; der Eintrag, dass sie gesendet wurden, bleibt.</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>For ever</source>
        <translation>Für immer</translation>
    </message>
    <message>
        <source>Retry &amp;Copy</source>
        <translation>&amp;Kopie erneut versuchen</translation>
    </message>
    <message>
        <source>File the copy of the sent message in the Sent folder again; the message is not sent again.</source>
        <translation>Die Kopie der gesendeten Nachricht erneut im Ordner „Gesendet“ ablegen; die Nachricht wird nicht noch einmal gesendet.</translation>
    </message>
    <message>
        <source>Create Folder and Retry &amp;Copy</source>
        <translation>Ordner anlegen und &amp;Kopie erneut versuchen</translation>
    </message>
    <message>
        <source>Review Certificate and Retry &amp;Copy…</source>
        <translation>Zertifikat prüfen und &amp;Kopie erneut versuchen…</translation>
    </message>
</context>
<context>
    <name>Gui::SendToast</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Outpost</source>
        <translation>Outpost</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message numerus="yes">
        <source>“%1” is queued and will be sent in %n second(s).</source>
        <extracomment>%1 is a subject; the number of seconds before sending starts</extracomment>
        <translation>
            <numerusform>„%1“ liegt im Postausgang und wird in %n Sekunde gesendet.</numerusform>
            <numerusform>„%1“ liegt im Postausgang und wird in %n Sekunden gesendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” is queued.</source>
        <translation>„%1“ liegt im Postausgang.</translation>
    </message>
    <message>
        <source>Sending “%1”… %2 %</source>
        <extracomment>%1 is a subject, %2 a percentage</extracomment>
        <translation>„%1“ wird gesendet … %2&#xa0;%</translation>
    </message>
    <message>
        <source>“%1” was sent.</source>
        <translation>„%1“ wurde gesendet.</translation>
    </message>
    <message>
        <source>“%1” is not sent yet: %2 Outpost keeps trying.</source>
        <extracomment>%1 is a subject, %2 the reason</extracomment>
        <translation>„%1“ wurde noch nicht gesendet: %2 Outpost versucht es weiter.</translation>
    </message>
    <message>
        <source>“%1” was not sent: %2</source>
        <translation>„%1“ wurde nicht gesendet: %2</translation>
    </message>
    <message>
        <source>“%1” will be sent at %2. The outbox has it until then.</source>
        <extracomment>%1 is a subject, %2 a date and time</extracomment>
        <translation>„%1“ wird am %2 gesendet. Bis dahin liegt die Nachricht im Postausgang.</translation>
    </message>
    <message>
        <source>Take the message back (Ctrl+Z)</source>
        <translation>Nachricht zurückholen (Strg+Z)</translation>
    </message>
</context>
<context>
    <name>Gui::SentCopyBox</name>
    <message>
        <source>Incoming server (IMAP) for the Sent copy</source>
        <translation>Posteingangsserver (IMAP) für die Kopie unter „Gesendet“</translation>
    </message>
    <message>
        <source>IMAP server</source>
        <translation>IMAP-Server</translation>
    </message>
    <message>
        <source>none: no copy in Sent</source>
        <translation>keiner: keine Kopie unter „Gesendet“</translation>
    </message>
    <message>
        <source>IMAP port</source>
        <translation>IMAP-Port</translation>
    </message>
    <message>
        <source>IMAP encryption</source>
        <translation>IMAP-Verschlüsselung</translation>
    </message>
    <message>
        <source>IMAP user name</source>
        <translation>IMAP-Benutzername</translation>
    </message>
    <message>
        <source>same as sending</source>
        <translation>wie beim Senden</translation>
    </message>
    <message>
        <source>Save a copy of sent messages</source>
        <translation>Kopie gesendeter Nachrichten ablegen</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Always</source>
        <translation>Immer</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>I&amp;MAP server:</source>
        <translation>&amp;IMAP-Server:</translation>
    </message>
    <message>
        <source>IMAP p&amp;ort:</source>
        <translation>IMAP-P&amp;ort:</translation>
    </message>
    <message>
        <source>IMAP user n&amp;ame:</source>
        <translation>IMAP-Benu&amp;tzername:</translation>
    </message>
    <message>
        <source>Save a cop&amp;y of sent messages:</source>
        <translation>&amp;Kopie gesendeter Nachrichten:</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>no encryption</source>
        <translation>keine Verschlüsselung</translation>
    </message>
</context>
<context>
    <name>Gui::SignatureEditor</name>
    <message>
        <source>Signature</source>
        <translation>Signatur</translation>
    </message>
</context>
<context>
    <name>Gui::SpellController</name>
    <message>
        <source>Spelling &amp;Language</source>
        <translation>&amp;Sprache der Rechtschreibung</translation>
    </message>
    <message>
        <source>Check Spelling While &amp;Typing</source>
        <translation>Rechtschreibung beim &amp;Tippen prüfen</translation>
    </message>
    <message>
        <source>Check Spelling &amp;Before Sending</source>
        <translation>Rechtschreibung &amp;vor dem Senden prüfen</translation>
    </message>
    <message>
        <source>No Dictionaries Installed</source>
        <translation>Keine Wörterbücher installiert</translation>
    </message>
    <message>
        <source>No dictionary</source>
        <translation>Kein Wörterbuch</translation>
    </message>
    <message>
        <source>Spelling language: %1</source>
        <extracomment>Accessible name of the status bar&apos;s language button; %1 is the language (&quot;Deutsch&quot;)</extracomment>
        <translation>Sprache der Rechtschreibung: %1</translation>
    </message>
    <message>
        <source>No dictionary is installed for spell checking.</source>
        <translation>Für die Rechtschreibprüfung ist kein Wörterbuch installiert.</translation>
    </message>
    <message>
        <source>Spell checking while typing is off.</source>
        <translation>Die Rechtschreibprüfung beim Tippen ist ausgeschaltet.</translation>
    </message>
    <message>
        <source>Checking spelling…</source>
        <translation>Rechtschreibung wird geprüft …</translation>
    </message>
    <message>
        <source>No misspelled words.</source>
        <translation>Keine falsch geschriebenen Wörter.</translation>
    </message>
    <message numerus="yes">
        <source>%n misspelled word(s).</source>
        <translation>
            <numerusform>%n falsch geschriebenes Wort.</numerusform>
            <numerusform>%n falsch geschriebene Wörter.</numerusform>
        </translation>
    </message>
    <message>
        <source>Spelling language. %1</source>
        <extracomment>Tool tip of the spelling language in the status bar; %1 says how the check stands</extracomment>
        <translation>Sprache der Rechtschreibung. %1</translation>
    </message>
</context>
<context>
    <name>Gui::SpellHighlighter</name>
    <message>
        <source>No Suggestions</source>
        <translation>Keine Vorschläge</translation>
    </message>
    <message>
        <source>Add to &amp;Dictionary</source>
        <translation>Zum &amp;Wörterbuch hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Ignore</source>
        <extracomment>Accepts the word&apos;s spelling in this message only</extracomment>
        <translation>&amp;Ignorieren</translation>
    </message>
</context>
<context>
    <name>Keychain</name>
    <message>
        <source>No password is saved for this account.</source>
        <translation>Für dieses Konto ist kein Passwort gespeichert.</translation>
    </message>
    <message>
        <source>Access to the password store was denied (%1).</source>
        <translation>Der Zugriff auf den Passwortspeicher wurde verweigert (%1).</translation>
    </message>
    <message>
        <source>The system password store (keychain) is not available: %1. Outpost keeps passwords only there, never in a file. Start your desktop&apos;s password store (on Linux a Secret Service such as GNOME Keyring, KWallet or KeePassXC), or enter the password each time you send.</source>
        <extracomment>%1 is the keychain library&apos;s own message</extracomment>
        <translation>Der Passwortspeicher des Systems (Schlüsselbund) ist nicht verfügbar: %1. Outpost bewahrt Passwörter nur dort auf, niemals in einer Datei. Starten Sie den Passwortspeicher Ihrer Arbeitsumgebung (unter Linux einen Secret Service wie GNOME Keyring, KWallet oder KeePassXC) oder geben Sie das Passwort bei jedem Senden ein.</translation>
    </message>
    <message>
        <source>The system password store did not answer in time. If it asks to be unlocked, unlock it, then try again.</source>
        <translation>Der Passwortspeicher des Systems hat nicht rechtzeitig geantwortet. Falls er entsperrt werden möchte, entsperren Sie ihn und versuchen Sie es dann erneut.</translation>
    </message>
</context>
<context>
    <name>MessageHtml</name>
    <message>
        <source>[image: %1]</source>
        <extracomment>How an image in the text shows in the plain-text copy; %1 is its file name</extracomment>
        <translation>[Bild: %1]</translation>
    </message>
</context>
<context>
    <name>Mime</name>
    <message>
        <source>“%1” is not a valid e-mail address.</source>
        <extracomment>%1 is what the user typed as an e-mail address</extracomment>
        <translation>„%1“ ist keine gültige E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>The field contains a line break or a NUL character, which a message header cannot carry.</source>
        <translation>Das Feld enthält einen Zeilenumbruch oder ein NUL-Zeichen; beides ist im Kopf einer Nachricht nicht zulässig.</translation>
    </message>
    <message>
        <source>The field contains a control character, which a message header cannot carry.</source>
        <translation>Das Feld enthält ein Steuerzeichen, das im Kopf einer Nachricht nicht zulässig ist.</translation>
    </message>
    <message>
        <source>The attachment “%1” cannot be read.</source>
        <extracomment>%1 is a file name</extracomment>
        <translation>Der Anhang „%1“ kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Choose the address to send from.</source>
        <translation>Wählen Sie die Absenderadresse.</translation>
    </message>
    <message>
        <source>Add at least one recipient.</source>
        <translation>Fügen Sie mindestens einen Empfänger hinzu.</translation>
    </message>
    <message>
        <source>“%1” is not a valid message identifier.</source>
        <extracomment>%1 is a message identifier such as &lt;abc@example.org&gt;</extracomment>
        <translation>„%1“ ist keine gültige Nachrichtenkennung.</translation>
    </message>
    <message>
        <source>“%1” is not a valid header name.</source>
        <extracomment>%1 is a header name the user supplied</extracomment>
        <translation>„%1“ ist kein gültiger Kopfzeilenname.</translation>
    </message>
    <message>
        <source>The header “%1” is set by Outpost and cannot be added.</source>
        <translation>Die Kopfzeile „%1“ wird von Outpost gesetzt und kann nicht hinzugefügt werden.</translation>
    </message>
    <message>
        <source>An attachment has no file name.</source>
        <translation>Ein Anhang hat keinen Dateinamen.</translation>
    </message>
    <message>
        <source>“%1” is not a valid content type.</source>
        <extracomment>%1 is a MIME type such as image/png</extracomment>
        <translation>„%1“ ist kein gültiger Inhaltstyp.</translation>
    </message>
    <message>
        <source>The message could not be written.</source>
        <translation>Die Nachricht konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>The message could not be written: %1</source>
        <extracomment>%1 is the system&apos;s reason, e.g. &quot;No space left on device&quot;</extracomment>
        <translation>Die Nachricht konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Outpost produced a malformed message (%1); nothing was sent.</source>
        <translation>Outpost hat eine fehlerhafte Nachricht erzeugt (%1); es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>The message could not be built: %1</source>
        <translation>Die Nachricht konnte nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>The message&apos;s header is not valid: %1.</source>
        <extracomment>%1 explains what is wrong</extracomment>
        <translation>Der Kopf der Nachricht ist ungültig: %1.</translation>
    </message>
    <message>
        <source>The message is empty.</source>
        <translation>Die Nachricht ist leer.</translation>
    </message>
    <message>
        <source>This is not a mailto: link.</source>
        <translation>Dies ist kein mailto:-Link.</translation>
    </message>
    <message>
        <source>Images in the text need the formatted (HTML) text.</source>
        <translation>Bilder im Text brauchen den formatierten (HTML-)Text.</translation>
    </message>
    <message>
        <source>“%1” is not a valid or unique image identifier.</source>
        <extracomment>%1 is an identifier such as abc@example.org</extracomment>
        <translation>„%1“ ist keine gültige oder eindeutige Bildkennung.</translation>
    </message>
</context>
<context>
    <name>Notifications</name>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>%1 (%2 %3 %4)</source>
        <extracomment>%1 the explanation, %2 reply code, %3 enhanced code, %4 the server&apos;s text</extracomment>
        <translation>%1 (%2 %3 %4)</translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <translation>Noch nicht gesendet</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>“%1” was sent after %2.</source>
        <translation>„%1“ wurde nach %2 gesendet.</translation>
    </message>
    <message>
        <source>Gave up sending</source>
        <translation>Senden aufgegeben</translation>
    </message>
    <message>
        <source>“%1” could not be sent: %2</source>
        <translation>„%1“ konnte nicht gesendet werden: %2</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
    </message>
    <message>
        <source>“%1” was refused: %2</source>
        <translation>„%1“ wurde abgelehnt: %2</translation>
    </message>
    <message>
        <source>Your message needs attention</source>
        <translation>Ihre Nachricht erfordert Ihr Eingreifen</translation>
    </message>
    <message>
        <source>May have been sent</source>
        <translation>Möglicherweise gesendet</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Anmeldung fehlgeschlagen</translation>
    </message>
    <message>
        <source>A recipient was refused</source>
        <translation>Ein Empfänger wurde abgelehnt</translation>
    </message>
    <message>
        <source>“%1”: %2</source>
        <translation>„%1“: %2</translation>
    </message>
    <message>
        <source>A queued message was damaged</source>
        <translation>Eine Nachricht im Postausgang war beschädigt</translation>
    </message>
    <message>
        <source>A queued message could not be read and was set aside; it will not be sent.</source>
        <translation>Eine Nachricht im Postausgang konnte nicht gelesen werden und wurde beiseitegelegt; sie wird nicht gesendet.</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <extracomment>A duration, used in &quot;“%1” has been waiting for %2&quot; and &quot;“%1” was sent after %2.&quot;</extracomment>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <extracomment>A duration, used in &quot;“%1” has been waiting for %2&quot; and &quot;“%1” was sent after %2.&quot;</extracomment>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <extracomment>A duration, used in &quot;“%1” has been waiting for %2&quot; and &quot;“%1” was sent after %2.&quot;</extracomment>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” has been waiting for %2: %3 Outpost keeps trying.</source>
        <extracomment>%1 is a subject, %2 a duration such as &quot;45 minutes&quot;, %3 the reason</extracomment>
        <translation>„%1“ wartet seit %2: %3 Outpost versucht es weiter.</translation>
    </message>
    <message>
        <source>Sent, but no copy in the Sent folder</source>
        <translation>Gesendet, aber keine Kopie im Ordner „Gesendet“</translation>
    </message>
    <message>
        <source>“%1” was sent. %2 The Outbox window can try again.</source>
        <extracomment>%1 is the message&apos;s subject, %2 why its copy could not be filed</extracomment>
        <translation>„%1“ wurde gesendet. %2 Im Postausgang können Sie es erneut versuchen.</translation>
    </message>
</context>
<context>
    <name>OAuth</name>
    <message>
        <source>Signed in — Outpost</source>
        <translation>Angemeldet — Outpost</translation>
    </message>
    <message>
        <source>Not signed in — Outpost</source>
        <translation>Nicht angemeldet — Outpost</translation>
    </message>
    <message>
        <source>You are signed in.</source>
        <translation>Sie sind angemeldet.</translation>
    </message>
    <message>
        <source>The sign-in did not work.</source>
        <translation>Die Anmeldung hat nicht geklappt.</translation>
    </message>
    <message>
        <source>You can close this window and go back to Outpost.</source>
        <translation>Sie können dieses Fenster schließen und zu Outpost zurückkehren.</translation>
    </message>
    <message>
        <source>The sign-in was not completed in time. Nothing was saved; please try again.</source>
        <translation>Die Anmeldung wurde nicht rechtzeitig abgeschlossen. Es wurde nichts gespeichert; bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The provider&apos;s sign-in addresses are not usable (they must use https).</source>
        <translation>Die Anmeldeadressen des Anbieters sind nicht verwendbar (sie müssen https verwenden).</translation>
    </message>
    <message>
        <source>Outpost could not wait for the browser&apos;s answer: %1</source>
        <extracomment>%1 is the system&apos;s explanation</extracomment>
        <translation>Outpost konnte nicht auf die Antwort des Browsers warten: %1</translation>
    </message>
    <message>
        <source>The sign-in was cancelled. Nothing was saved.</source>
        <translation>Die Anmeldung wurde abgebrochen. Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>The sign-in server did not accept the authorization (%1). Nothing was saved; please try again.</source>
        <extracomment>%1 is the server&apos;s own words</extracomment>
        <translation>Der Anmeldeserver hat die Autorisierung nicht angenommen (%1). Es wurde nichts gespeichert; bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The sign-in server gave no refresh token, so Outpost could not stay signed in.</source>
        <translation>Der Anmeldeserver hat kein Aktualisierungstoken geliefert, daher kann Outpost nicht angemeldet bleiben.</translation>
    </message>
    <message>
        <source>Outpost can now send mail with this account.</source>
        <translation>Outpost kann jetzt mit diesem Konto E-Mails senden.</translation>
    </message>
    <message>
        <source>%1 does not offer signing in without a browser on this computer.</source>
        <extracomment>%1 is a provider&apos;s name</extracomment>
        <translation>%1 bietet keine Anmeldung ohne Browser auf diesem Computer an.</translation>
    </message>
    <message>
        <source>The sign-in server&apos;s answer was not a valid device authorization.</source>
        <translation>Die Antwort des Anmeldeservers war keine gültige Geräteautorisierung.</translation>
    </message>
    <message>
        <source>Access was not granted: the sign-in was refused or cancelled at the provider.</source>
        <translation>Der Zugriff wurde nicht gewährt: Die Anmeldung wurde beim Anbieter abgelehnt oder abgebrochen.</translation>
    </message>
    <message>
        <source>The code expired before the sign-in was completed. Nothing was saved; please try again.</source>
        <translation>Der Code ist abgelaufen, bevor die Anmeldung abgeschlossen war. Es wurde nichts gespeichert; bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The provider refused the sign-in (%1). %2</source>
        <extracomment>%1 is an OAuth error code such as &quot;invalid_scope&quot;, %2 the provider&apos;s explanation</extracomment>
        <translation>Der Anbieter hat die Anmeldung abgelehnt (%1). %2</translation>
    </message>
    <message>
        <source>The provider&apos;s answer contained no authorization code.</source>
        <translation>Die Antwort des Anbieters enthielt keinen Autorisierungscode.</translation>
    </message>
    <message>
        <source>The OAuth provider file %1 was not used: %2</source>
        <extracomment>%1 is a file path, %2 what is wrong with it</extracomment>
        <translation>Die OAuth-Anbieterdatei %1 wurde nicht verwendet: %2</translation>
    </message>
    <message>
        <source>This build of Outpost has no OAuth client id for %1. Build it with -D%2=YOUR_ID, or put your client id in %3 as {&quot;issuer&quot;: &quot;%4&quot;, &quot;client_id&quot;: &quot;YOUR_ID&quot;}.</source>
        <extracomment>%1 is a provider (&quot;Google&quot;), %2 a CMake option, %3 a file path, %4 the provider&apos;s issuer</extracomment>
        <translation>Diese Outpost-Version hat keine OAuth-Client-ID für %1. Bauen Sie sie mit -D%2=IHRE_ID, oder legen Sie Ihre Client-ID in %3 ab als {&quot;issuer&quot;: &quot;%4&quot;, &quot;client_id&quot;: &quot;IHRE_ID&quot;}.</translation>
    </message>
    <message>
        <source>Outpost has no OAuth client id for %1. Register Outpost with the provider and put the client id in %2 as {&quot;issuer&quot;: &quot;%3&quot;, &quot;client_id&quot;: &quot;YOUR_ID&quot;}.</source>
        <extracomment>%1 is a provider, %2 a file path, %3 the provider&apos;s issuer</extracomment>
        <translation>Outpost hat keine OAuth-Client-ID für %1. Registrieren Sie Outpost beim Anbieter und legen Sie die Client-ID in %2 ab als {&quot;issuer&quot;: &quot;%3&quot;, &quot;client_id&quot;: &quot;IHRE_ID&quot;}.</translation>
    </message>
    <message>
        <source>Microsoft (personal account)</source>
        <translation>Microsoft (privates Konto)</translation>
    </message>
    <message>
        <source>Microsoft (work or school account)</source>
        <translation>Microsoft (Geschäfts- oder Schulkonto)</translation>
    </message>
    <message>
        <source>it is larger than 64 KiB.</source>
        <translation>sie ist größer als 64 KiB.</translation>
    </message>
    <message>
        <source>it is not a JSON object (%1).</source>
        <extracomment>%1 is the JSON parser&apos;s explanation</extracomment>
        <translation>sie ist kein JSON-Objekt (%1).</translation>
    </message>
    <message>
        <source>the key &quot;%1&quot; is unknown.</source>
        <extracomment>%1 is a JSON key</extracomment>
        <translation>der Schlüssel „%1“ ist unbekannt.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is missing or not valid.</source>
        <extracomment>%1 is a JSON key such as &quot;token_endpoint&quot;</extracomment>
        <translation>„%1“ fehlt oder ist ungültig.</translation>
    </message>
    <message>
        <source>The provider&apos;s OAuth description (%1) lacks an endpoint or a scope.</source>
        <extracomment>%1 is a provider&apos;s issuer name</extracomment>
        <translation>Der OAuth-Beschreibung des Anbieters (%1) fehlt ein Endpunkt oder ein Scope.</translation>
    </message>
    <message>
        <source>The sign-in server is not available right now (HTTP %1).</source>
        <extracomment>%1 is an HTTP status code such as 503</extracomment>
        <translation>Der Anmeldeserver ist gerade nicht erreichbar (HTTP %1).</translation>
    </message>
    <message>
        <source>The sign-in server answered with an error Outpost could not read (HTTP %1).</source>
        <extracomment>%1 is an HTTP status code</extracomment>
        <translation>Der Anmeldeserver hat mit einem Fehler geantwortet, den Outpost nicht lesen konnte (HTTP %1).</translation>
    </message>
    <message>
        <source>The sign-in is no longer valid (%1). Sign in again.</source>
        <extracomment>%1 is the server&apos;s own words</extracomment>
        <translation>Die Anmeldung ist nicht mehr gültig (%1). Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>The sign-in server does not accept Outpost&apos;s client id (%1). Check the client id configured for this provider.</source>
        <translation>Der Anmeldeserver akzeptiert die Client-ID von Outpost nicht (%1). Prüfen Sie die für diesen Anbieter eingerichtete Client-ID.</translation>
    </message>
    <message>
        <source>The sign-in server refused the request: %1</source>
        <extracomment>%1 is the server&apos;s own words</extracomment>
        <translation>Der Anmeldeserver hat die Anfrage abgelehnt: %1</translation>
    </message>
    <message>
        <source>The sign-in server&apos;s answer was not a valid token response.</source>
        <translation>Die Antwort des Anmeldeservers war keine gültige Token-Antwort.</translation>
    </message>
    <message>
        <source>Sign in again: the sign-in of %1 has expired or was revoked (outpost account login &quot;%1&quot;, or edit the account).</source>
        <extracomment>%1 is an account name. &quot;Sign in again&quot; is also what the outbox shows.</extracomment>
        <translation>Erneut anmelden: Die Anmeldung von %1 ist abgelaufen oder wurde widerrufen (outpost account login &quot;%1&quot;, oder das Konto bearbeiten).</translation>
    </message>
    <message>
        <source>The sign-in server&apos;s address %1 is not usable (it must use https).</source>
        <extracomment>%1 is a URL</extracomment>
        <translation>Die Adresse %1 des Anmeldeservers ist nicht verwendbar (sie muss https verwenden).</translation>
    </message>
    <message>
        <source>The sign-in server&apos;s answer was too large.</source>
        <translation>Die Antwort des Anmeldeservers war zu groß.</translation>
    </message>
    <message>
        <source>The sign-in server did not answer in time.</source>
        <translation>Der Anmeldeserver hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation>Die Anmeldung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Could not reach the sign-in server %1: %2</source>
        <extracomment>%1 is a host name, %2 the network library&apos;s explanation</extracomment>
        <translation>Der Anmeldeserver %1 war nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>The sign-in server did not revoke the token (HTTP %1).</source>
        <extracomment>%1 is an HTTP status code</extracomment>
        <translation>Der Anmeldeserver hat das Token nicht widerrufen (HTTP %1).</translation>
    </message>
    <message>
        <source>%1 (The sign-in server said: %2)</source>
        <extracomment>%1 is the &quot;Sign in again&quot; sentence, %2 the sign-in server&apos;s own words</extracomment>
        <translation>%1 (Der Anmeldeserver sagte: %2)</translation>
    </message>
    <message>
        <source>Another Outpost is still renewing the sign-in of %1; trying again later.</source>
        <extracomment>%1 is an account name</extracomment>
        <translation>Ein anderes Outpost erneuert noch die Anmeldung von %1; es wird später erneut versucht.</translation>
    </message>
    <message>
        <source>This answer does not belong to Outpost&apos;s sign-in and was ignored.</source>
        <translation>Diese Antwort gehört nicht zur Anmeldung von Outpost und wurde ignoriert.</translation>
    </message>
    <message>
        <source>Outpost refused an answer with a wrong state: it did not come from this sign-in.</source>
        <translation>Outpost hat eine Antwort mit falschem „state“ abgelehnt: Sie stammte nicht von dieser Anmeldung.</translation>
    </message>
    <message>
        <source>Outpost knows no OAuth 2.0 provider for %1. Describe it in a file in %2 (keys: issuer, authorization_endpoint, token_endpoint, scopes, client_id, hosts), or choose another way to sign in.</source>
        <extracomment>%1 is a server name, %2 a folder</extracomment>
        <translation>Outpost kennt keinen OAuth-2.0-Anbieter für %1. Beschreiben Sie ihn in einer Datei in %2 (Schlüssel: issuer, authorization_endpoint, token_endpoint, scopes, client_id, hosts) oder wählen Sie eine andere Anmeldeart.</translation>
    </message>
    <message>
        <source>The settings found say to sign in to %1 with %2, but %1 is not one of %2&apos;s servers. Outpost will not send a %2 sign-in there.</source>
        <extracomment>%1 is a mail server&apos;s name, %2 a provider&apos;s name such as Google</extracomment>
        <translation>Die gefundenen Einstellungen sagen, bei %1 mit %2 anzumelden, aber %1 ist keiner der Server von %2. Outpost sendet dorthin keine Anmeldung von %2.</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>The account this message was queued for no longer exists.</source>
        <translation>Das Konto, für das diese Nachricht eingereiht wurde, existiert nicht mehr.</translation>
    </message>
    <message>
        <source>There is no such message in the outbox.</source>
        <translation>Diese Nachricht gibt es im Postausgang nicht.</translation>
    </message>
    <message>
        <source>The outbox folder “%1” cannot be created.</source>
        <extracomment>%1 is a folder</extracomment>
        <translation>Der Postausgangsordner „%1“ kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The outbox folder cannot be created.</source>
        <translation>Der Postausgangsordner kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The outbox cannot be written, so no message could be queued safely: %1</source>
        <translation>In den Postausgang kann nicht geschrieben werden, daher konnte keine Nachricht sicher eingereiht werden: %1</translation>
    </message>
    <message>
        <source>The outbox cannot be written.</source>
        <translation>In den Postausgang kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>The outbox cannot be locked: %1</source>
        <extracomment>%1 is the system&apos;s reason</extracomment>
        <translation>Der Postausgang kann nicht gesperrt werden: %1</translation>
    </message>
    <message>
        <source>its state file is missing</source>
        <translation>ihre Statusdatei fehlt</translation>
    </message>
    <message>
        <source>its state file is not valid JSON</source>
        <translation>ihre Statusdatei ist kein gültiges JSON</translation>
    </message>
    <message>
        <source>its state file is incomplete or of an unknown format</source>
        <translation>ihre Statusdatei ist unvollständig oder hat ein unbekanntes Format</translation>
    </message>
    <message>
        <source>its state file belongs to another message</source>
        <translation>ihre Statusdatei gehört zu einer anderen Nachricht</translation>
    </message>
    <message>
        <source>its message file is missing or has the wrong size</source>
        <translation>ihre Nachrichtendatei fehlt oder hat die falsche Größe</translation>
    </message>
    <message>
        <source>Outpost stopped while this message was being sent. It may have been delivered.</source>
        <translation>Outpost wurde beendet, während diese Nachricht gesendet wurde. Möglicherweise wurde sie bereits zugestellt.</translation>
    </message>
    <message>
        <source>its message file does not match its checksum</source>
        <translation>ihre Nachrichtendatei stimmt nicht mit ihrer Prüfsumme überein</translation>
    </message>
    <message>
        <source>This message may already have been delivered. Choose “Send again” to send it anyway, or “Mark as sent”.</source>
        <translation>Diese Nachricht wurde möglicherweise bereits zugestellt. Wählen Sie „Nochmals senden“, um sie trotzdem zu senden, oder „Als gesendet markieren“.</translation>
    </message>
    <message>
        <source>Marked as sent by you</source>
        <translation>Von Ihnen als gesendet markiert</translation>
    </message>
    <message>
        <source>The message is being sent right now and cannot be removed.</source>
        <translation>Die Nachricht wird gerade gesendet und kann nicht entfernt werden.</translation>
    </message>
    <message>
        <source>The message is no longer waiting and cannot be taken back.</source>
        <translation>Die Nachricht wartet nicht mehr und kann nicht zurückgeholt werden.</translation>
    </message>
    <message>
        <source>The message is already due and cannot be taken back.</source>
        <translation>Die Nachricht ist bereits fällig und kann nicht zurückgeholt werden.</translation>
    </message>
    <message>
        <source>This message has no draft to go back to.</source>
        <translation>Für diese Nachricht gibt es keinen Entwurf, zu dem zurückgekehrt werden kann.</translation>
    </message>
    <message numerus="yes">
        <source>Gave up after trying for %n day(s): %1</source>
        <extracomment>%n is how many days Outpost kept trying, %1 the last error</extracomment>
        <translation>
            <numerusform>Nach %n Tag vergeblicher Versuche aufgegeben: %1</numerusform>
            <numerusform>Nach %n Tagen vergeblicher Versuche aufgegeben: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Only a message that is waiting, held or failed can be edited.</source>
        <translation>Nur eine Nachricht, die wartet, zurückgehalten wird oder fehlgeschlagen ist, kann bearbeitet werden.</translation>
    </message>
    <message>
        <source>This message may already have been delivered: mark it as sent, or send it again.</source>
        <translation>Diese Nachricht wurde möglicherweise bereits zugestellt: Markieren Sie sie als gesendet, oder senden Sie sie nochmals.</translation>
    </message>
    <message>
        <source>The state of the copy in the Sent folder cannot be recorded.</source>
        <translation>Der Stand der Kopie im Ordner „Gesendet“ kann nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>No sent message %1 in the outbox.</source>
        <translation>Keine gesendete Nachricht %1 im Postausgang.</translation>
    </message>
    <message>
        <source>The copy is already in the Sent folder.</source>
        <translation>Die Kopie liegt bereits im Ordner „Gesendet“.</translation>
    </message>
    <message>
        <source>No copy is filed for this message: %1</source>
        <translation>Für diese Nachricht wird keine Kopie abgelegt: %1</translation>
    </message>
    <message>
        <source>The image %1 cannot be read.</source>
        <translation>Das Bild %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The image %1 is larger than 64 MiB: too large to keep with the message.</source>
        <extracomment>%1 is the image&apos;s file name</extracomment>
        <translation>Das Bild %1 ist größer als 64 MiB: zu groß, um es mit der Nachricht aufzubewahren.</translation>
    </message>
</context>
<context>
    <name>PersonalDictionary</name>
    <message>
        <source>“%1” cannot be added to the dictionary.</source>
        <translation>„%1“ kann nicht ins Wörterbuch aufgenommen werden.</translation>
    </message>
    <message>
        <source>The personal dictionary could not be locked: %1</source>
        <translation>Das persönliche Wörterbuch konnte nicht gesperrt werden: %1</translation>
    </message>
</context>
<context>
    <name>Sendmail</name>
    <message>
        <source>Usage: outpost-sendmail [-t] [-i] [-f ADDRESS] [-F NAME] [-odq] [RECIPIENT]...
Reads a message from standard input and sends it with your Outpost account.
</source>
        <translation>Aufruf: outpost-sendmail [-t] [-i] [-f ADRESSE] [-F NAME] [-odq] [EMPFÄNGER]...
Liest eine Nachricht von der Standardeingabe und sendet sie mit Ihrem Outpost-Konto.
</translation>
    </message>
    <message>
        <source>-f needs an address</source>
        <translation>-f braucht eine Adresse</translation>
    </message>
    <message>
        <source>-F needs a name</source>
        <translation>-F braucht einen Namen</translation>
    </message>
    <message>
        <source>the mode %1 is not supported; only sending (-bm) is</source>
        <translation>der Modus %1 wird nicht unterstützt, nur Senden (-bm)</translation>
    </message>
    <message>
        <source>unknown option %1</source>
        <translation>unbekannte Option %1</translation>
    </message>
    <message>
        <source>-f %1 is not a valid email address</source>
        <extracomment>%1 is what was given after -f</extracomment>
        <translation>-f %1 ist keine gültige E-Mail-Adresse</translation>
    </message>
    <message>
        <source>the From header is not a valid address</source>
        <translation>die From-Kopfzeile ist keine gültige Adresse</translation>
    </message>
    <message>
        <source>no Outpost account is set up; add one with &apos;outpost account add&apos;</source>
        <translation>es ist kein Outpost-Konto eingerichtet; fügen Sie eines mit „outpost account add“ hinzu</translation>
    </message>
    <message>
        <source>no recipients: name them as arguments or use -t</source>
        <translation>keine Empfänger: nennen Sie sie als Argumente oder verwenden Sie -t</translation>
    </message>
    <message>
        <source>%1 could not send the message (%2); it waits in the outbox for the next send.</source>
        <extracomment>%1 is the program&apos;s name, %2 why it could not send</extracomment>
        <translation>%1 konnte die Nachricht nicht senden (%2); sie wartet im Postausgang auf den nächsten Versand.</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>nicht gefunden</translation>
    </message>
    <message>
        <source>it exited with status %1</source>
        <extracomment>why `outpost` did not send; %1 is a number</extracomment>
        <translation>es endete mit dem Status %1</translation>
    </message>
    <message>
        <source>The sending stopped before it finished; the message may already have been delivered and will not be sent again unless you decide to in the outbox.</source>
        <translation>Das Senden brach ab, bevor es fertig war; die Nachricht wurde vielleicht schon zugestellt und wird erst wieder gesendet, wenn Sie es im Postausgang entscheiden.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>The file with %1 could not be used (%2). It was kept as “%3”; nothing in it was deleted.</source>
        <extracomment>%1 is e.g. &quot;your accounts&quot;, %2 the reason, %3 a file name</extracomment>
        <translation>Die Datei mit %1 konnte nicht verwendet werden (%2). Sie wurde als „%3“ aufbewahrt; nichts darin wurde gelöscht.</translation>
    </message>
    <message>
        <source>The file with %1 could not be used (%2), and it could not be set aside; it was left as it is.</source>
        <translation>Die Datei mit %1 konnte nicht verwendet werden (%2) und auch nicht beiseitegelegt werden; sie wurde unverändert gelassen.</translation>
    </message>
    <message>
        <source>The file with %1 could not be read: %2</source>
        <extracomment>%1 is e.g. &quot;your accounts&quot;, %2 the system&apos;s reason</extracomment>
        <translation>Die Datei mit %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>it is far too large</source>
        <translation>sie ist viel zu groß</translation>
    </message>
    <message>
        <source>it is not valid JSON: %1</source>
        <translation>sie enthält kein gültiges JSON: %1</translation>
    </message>
    <message>
        <source>it has the unknown format version %1</source>
        <extracomment>%1 is a number</extracomment>
        <translation>sie hat die unbekannte Formatversion %1</translation>
    </message>
    <message>
        <source>no upgrade from format version %1</source>
        <translation>keine Aktualisierung von Formatversion %1 möglich</translation>
    </message>
</context>
<context>
    <name>Smtp</name>
    <message>
        <source>The mail server&apos;s authentication challenge was not valid.</source>
        <translation>Die Authentifizierungs-Challenge des Mailservers war ungültig.</translation>
    </message>
    <message>
        <source>The mail server rejected the login (%1).</source>
        <translation>Der Mailserver hat die Anmeldung abgelehnt (%1).</translation>
    </message>
    <message>
        <source>The mail server could not prove that it knows the password; the connection may have been intercepted.</source>
        <translation>Der Mailserver konnte nicht nachweisen, dass er das Passwort kennt; die Verbindung wurde möglicherweise abgefangen.</translation>
    </message>
    <message>
        <source>Sending was cancelled after the message was transmitted; it may have been delivered.</source>
        <translation>Das Senden wurde abgebrochen, nachdem die Nachricht übertragen war; sie wurde möglicherweise zugestellt.</translation>
    </message>
    <message>
        <source>Sending was cancelled.</source>
        <translation>Das Senden wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The certificate of %1 has changed since you trusted it. This can mean that someone is intercepting the connection.</source>
        <translation>Das Zertifikat von %1 hat sich geändert, seit Sie ihm vertraut haben. Das kann bedeuten, dass jemand die Verbindung abfängt.</translation>
    </message>
    <message>
        <source>The certificate of %1 could not be verified: %2</source>
        <extracomment>%1 is a host name, %2 the reasons given by the TLS library</extracomment>
        <translation>Das Zertifikat von %1 konnte nicht überprüft werden: %2</translation>
    </message>
    <message>
        <source>A secure connection to %1 could not be established: %2</source>
        <translation>Es konnte keine sichere Verbindung zu %1 hergestellt werden: %2</translation>
    </message>
    <message>
        <source>The connection was lost after the message was transmitted, before the server confirmed it. It may or may not have been delivered.</source>
        <translation>Die Verbindung wurde nach der Übertragung der Nachricht unterbrochen, bevor der Server sie bestätigt hat. Ob sie zugestellt wurde, ist ungewiss.</translation>
    </message>
    <message>
        <source>Could not talk to %1: %2</source>
        <extracomment>%1 is a host name, %2 the system&apos;s reason</extracomment>
        <translation>Keine Verbindung zu %1 möglich: %2</translation>
    </message>
    <message>
        <source>The server did not confirm the message in time. It may or may not have been delivered.</source>
        <translation>Der Server hat die Nachricht nicht rechtzeitig bestätigt. Ob sie zugestellt wurde, ist ungewiss.</translation>
    </message>
    <message>
        <source>The mail server stopped responding (%1).</source>
        <extracomment>%1 is a protocol phase such as &quot;Greeting&quot; or &quot;SendingData&quot;</extracomment>
        <translation>Der Mailserver antwortet nicht mehr (%1).</translation>
    </message>
    <message>
        <source>The mail server temporarily refused %1: %2</source>
        <extracomment>%1 says what was refused (&quot;the sender&quot;, &quot;the message&quot;, ...), %2 is the server&apos;s own words</extracomment>
        <translation>Der Mailserver hat %1 vorübergehend abgelehnt: %2</translation>
    </message>
    <message>
        <source>The mail server refused %1: %2</source>
        <translation>Der Mailserver hat %1 abgelehnt: %2</translation>
    </message>
    <message>
        <source>The mail server is closing the connection: %1</source>
        <translation>Der Mailserver beendet die Verbindung: %1</translation>
    </message>
    <message>
        <source>the connection</source>
        <translation>die Verbindung</translation>
    </message>
    <message>
        <source>the greeting (EHLO)</source>
        <translation>die Begrüßung (EHLO)</translation>
    </message>
    <message>
        <source>the greeting (HELO)</source>
        <translation>die Begrüßung (HELO)</translation>
    </message>
    <message>
        <source>The mail server refused to start encryption (STARTTLS): %1</source>
        <translation>Der Mailserver hat das Einschalten der Verschlüsselung (STARTTLS) abgelehnt: %1</translation>
    </message>
    <message>
        <source>the message</source>
        <translation>die Nachricht</translation>
    </message>
    <message>
        <source>The mail server sent an unexpected reply: %1</source>
        <translation>Der Mailserver hat eine unerwartete Antwort gesendet: %1</translation>
    </message>
    <message>
        <source>%1 does not offer encryption (STARTTLS), which this account requires. Nothing was sent.</source>
        <translation>%1 bietet keine Verschlüsselung (STARTTLS) an, die für dieses Konto aber erforderlich ist. Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>The connection to %1 is not encrypted, so the password was not sent.</source>
        <translation>Die Verbindung zu %1 ist nicht verschlüsselt, daher wurde das Passwort nicht gesendet.</translation>
    </message>
    <message>
        <source>The mail server offers no sign-in method Outpost can use safely (%1).</source>
        <extracomment>%1 is a list such as &quot;GSSAPI, NTLM&quot;</extracomment>
        <translation>Der Mailserver bietet kein Anmeldeverfahren an, das Outpost sicher verwenden kann (%1).</translation>
    </message>
    <message>
        <source>Signing in is temporarily not possible: %1</source>
        <translation>Die Anmeldung ist vorübergehend nicht möglich: %1</translation>
    </message>
    <message>
        <source>The mail server did not accept the user name or password: %1</source>
        <extracomment>%1 is the server&apos;s own words</extracomment>
        <translation>Der Mailserver hat den Benutzernamen oder das Passwort nicht akzeptiert: %1</translation>
    </message>
    <message>
        <source>The message&apos;s sender or recipient addresses are not valid.</source>
        <translation>Die Absender- oder Empfängeradressen der Nachricht sind ungültig.</translation>
    </message>
    <message>
        <source>The message has an address with non-ASCII characters before the @, and %1 does not support such addresses (SMTPUTF8).</source>
        <translation>Die Nachricht enthält eine Adresse mit Nicht-ASCII-Zeichen vor dem @, und %1 unterstützt solche Adressen nicht (SMTPUTF8).</translation>
    </message>
    <message>
        <source>The message contains 8-bit data, which %1 does not accept (8BITMIME).</source>
        <translation>Die Nachricht enthält 8-Bit-Daten, die %1 nicht annimmt (8BITMIME).</translation>
    </message>
    <message>
        <source>The queued message file cannot be read: %1</source>
        <translation>Die Nachrichtendatei im Postausgang kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The message is %1, larger than the %2 the mail server accepts.</source>
        <extracomment>%1 and %2 are sizes such as &quot;12.5 MB&quot;</extracomment>
        <translation>Die Nachricht ist %1 groß und damit größer als die %2, die der Mailserver annimmt.</translation>
    </message>
    <message>
        <source>the sender address</source>
        <translation>die Absenderadresse</translation>
    </message>
    <message>
        <source>all recipients</source>
        <translation>alle Empfänger</translation>
    </message>
    <message>
        <source>the recipient %1</source>
        <translation>den Empfänger %1</translation>
    </message>
    <message>
        <source>The queued message file could not be read: %1</source>
        <translation>Die Nachrichtendatei im Postausgang konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Sending was stopped because its progress could not be recorded on disk.</source>
        <translation>Das Senden wurde angehalten, weil der Fortschritt nicht auf dem Datenträger gespeichert werden konnte.</translation>
    </message>
    <message>
        <source>The mail server sent a malformed reply (%1).</source>
        <extracomment>%1 explains what was wrong, in technical terms</extracomment>
        <translation>Der Mailserver hat eine fehlerhafte Antwort gesendet (%1).</translation>
    </message>
    <message>
        <source>The queued message changed on disk after it was queued; it was not sent.</source>
        <translation>Die Nachricht im Postausgang wurde nach dem Einreihen auf dem Datenträger verändert; sie wurde nicht gesendet.</translation>
    </message>
    <message numerus="yes">
        <source>The message was delivered to %n recipient(s), but not to the others: %1</source>
        <extracomment>%n is how many recipients already have the message, %1 why the others do not</extracomment>
        <translation>
            <numerusform>Die Nachricht wurde an %n Empfänger zugestellt, an die übrigen nicht: %1</numerusform>
            <numerusform>Die Nachricht wurde an %n Empfänger zugestellt, an die übrigen nicht: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The mail server asked for a weak form of the password (%1 iterations of SCRAM, at least %2 are needed); Outpost did not sign in.</source>
        <extracomment>%1 is the server&apos;s iteration count, %2 the minimum (4096)</extracomment>
        <translation>Der Mailserver verlangte eine schwache Form des Passworts (%1 SCRAM-Iterationen, mindestens %2 sind nötig); Outpost hat sich nicht angemeldet.</translation>
    </message>
    <message>
        <source>The password contains characters that cannot be used for signing in (SASLprep, RFC 4013).</source>
        <translation>Das Passwort enthält Zeichen, die für die Anmeldung nicht verwendet werden können (SASLprep, RFC 4013).</translation>
    </message>
    <message>
        <source>The mail server did not accept the account&apos;s sign-in permission (OAuth 2.0): %1</source>
        <extracomment>%1 is the server&apos;s own words; no password is involved in an OAuth sign-in</extracomment>
        <translation>Der Mailserver hat die Anmeldeberechtigung des Kontos (OAuth 2.0) nicht akzeptiert: %1</translation>
    </message>
</context>
</TS>
