<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Accounts</name>
    <message>
        <source>An account entry is damaged (%1).</source>
        <extracomment>%1 names the broken field</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account has no identifier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the name of the outgoing mail server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a port between 1 and 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the user name for the mail server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account needs at least one address to send from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>two accounts share one identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An account named “%1” already exists.</source>
        <extracomment>%1 is an account name</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your trusted certificates</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Usage: outpost [OPTION]... [mailto:URL]
       outpost COMMAND [ARGS]...
Compose and send mail.

Without arguments, opens the composer. A mailto: URL opens it prefilled.

Commands:
  send                 queue a message and send it
  outbox list|flush|retry|remove|mark-sent|send-again
                       look at and act on the outbox
  account add|list|remove
                       manage sending accounts
Each command has --help.

Options:
  -h, --help       show this help and exit
  -v, --version    show the version and exit

Exit status follows sysexits.h: 0 success, 64 usage error, 65 bad input,
66 unreadable input file, 67 unknown recipient address, 69 not sent
(held or failed), 70 internal error, 73 cannot write, 75 not sent yet
(queued or deferred), 78 configuration error (no such account).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outpost: unknown option &apos;%1&apos;. Try &apos;outpost --help&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outpost: unknown command &apos;%1&apos;. Try &apos;outpost --help&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outpost: the outbox could not be locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued, to be sent at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Being sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent yet (%1); next try at %2</source>
        <extracomment>%1 is the reason, %2 a time</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for you: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set aside as damaged: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (see &apos;outpost %1 --help&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain did not answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account name, or an address of one of your accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ACCOUNT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient(s); repeat or separate with commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ADDRESS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy recipient(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden recipient(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply-To address(es).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The subject.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text of the message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the text from a file (&apos;-&apos; for standard input).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An HTML version of the text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach a file; repeat for more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message-ID this message answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra header &quot;Name: value&quot;; repeatable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HEADER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send at this time (ISO 8601, or HH:mm).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TIME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only queue it; a later &apos;outpost outbox flush&apos; sends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait until the message is sent or waits for a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos; (see &apos;outpost send --help&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no account is set up; add one with &apos;outpost account add&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no account &apos;%1&apos; (see &apos;outpost account list&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no recipients: give --to, --cc or --bcc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a header must look like &quot;Name: value&quot;: &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the time &apos;%1&apos;; use ISO 8601 or HH:mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Machine-readable output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return when every due message is sent or waits for a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message, as &apos;outpost outbox list&apos; shows it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: outpost outbox list [--json] | flush [--wait] | retry ID | remove ID |
                      mark-sent ID | send-again ID
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown outbox command &apos;%1&apos; (see &apos;outpost outbox --help&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The outbox is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent, %2 waiting, %3 need attention, %4 failed</source>
        <extracomment>%1 sent count, %2 still waiting, %3 needing attention</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give exactly one message id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to call the account (default: the address).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address to send from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name as recipients see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outgoing (SMTP submission) server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HOST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server port (default 465 for tls, 587 otherwise).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PORT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tls, starttls (default) or none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MODE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name (default: the address).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>password (default) or none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>METHOD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the password from standard input (never from the command line).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow sending the password without encryption.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account to remove.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: outpost account add --email ADDRESS --host HOST [...] | list [--json] | remove NAME
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown account command &apos;%1&apos; (see &apos;outpost account --help&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No accounts. Add one with &apos;outpost account add&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give exactly one account name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no account &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give the address with --email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give the server with --host (automatic detection comes with the setup wizard)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--security must be tls, starttls or none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--port must be a number between 1 and 65535</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--auth must be password or none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no password given (use --password-stdin, or --auth none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added account %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Durable</name>
    <message>
        <source>Could not save “%1”: %2</source>
        <extracomment>%1 is a file name, %2 the system&apos;s reason (e.g. &quot;No space left on device&quot;)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is not open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file could not be renamed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder could not be created</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::ComposerWindow</name>
    <message>
        <source>&amp;Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the message (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@example.org, another@example.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cc:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bcc:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ubject:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Message — Outpost</source>
        <extracomment>Window title of the composer; %1 is the message subject</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Outpost</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Keychain</name>
    <message>
        <source>No password is saved for this account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access to the password store was denied (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system password store (keychain) is not available: %1. Outpost keeps passwords only there, never in a file. Start your desktop&apos;s password store (on Linux a Secret Service such as GNOME Keyring, KWallet or KeePassXC), or enter the password each time you send.</source>
        <extracomment>%1 is the keychain library&apos;s own message</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mime</name>
    <message>
        <source>“%1” is not a valid e-mail address.</source>
        <extracomment>%1 is what the user typed as an e-mail address</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The field contains a line break or a NUL character, which a message header cannot carry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The field contains a control character, which a message header cannot carry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attachment “%1” cannot be read.</source>
        <extracomment>%1 is a file name</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the address to send from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add at least one recipient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a valid message identifier.</source>
        <extracomment>%1 is a message identifier such as &lt;abc@example.org&gt;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a valid header name.</source>
        <extracomment>%1 is a header name the user supplied</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The header “%1” is set by Outpost and cannot be added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An attachment has no file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a valid content type.</source>
        <extracomment>%1 is a MIME type such as image/png</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message could not be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message could not be written: %1</source>
        <extracomment>%1 is the system&apos;s reason, e.g. &quot;No space left on device&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outpost produced a malformed message (%1); nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message could not be built: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Notifications</name>
    <message>
        <source>(no subject)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 %3 %4)</source>
        <extracomment>%1 the explanation, %2 reply code, %3 enhanced code, %4 the server&apos;s text</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <extracomment>%1 is a subject, %2 a duration such as &quot;45 minutes&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has been waiting for %2: %3. Outpost keeps trying.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was sent after %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gave up sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” could not be sent: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was refused: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your message needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May have been sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A recipient was refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A queued message was damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A queued message could not be read and was set aside; it will not be sent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>The account this message was queued for no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in with OAuth is not available yet for this account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gave up after trying for %1 days: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such message in the outbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The outbox folder “%1” cannot be created.</source>
        <extracomment>%1 is a folder</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The outbox folder cannot be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The outbox cannot be written, so no message could be queued safely: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The outbox cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its state file is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its state file is not valid JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its state file is incomplete or of an unknown format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its state file belongs to another message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its message file is missing or has the wrong size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outpost stopped while this message was being sent. It may have been delivered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its message file does not match its checksum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This message may already have been delivered. Choose “Send again” to send it anyway, or “Mark as sent”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked as sent by you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message is being sent right now and cannot be removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message is no longer waiting and cannot be taken back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message is already due and cannot be taken back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This message has no draft to go back to.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>The file with %1 could not be used (%2). It was kept as “%3”; nothing in it was deleted.</source>
        <extracomment>%1 is e.g. &quot;your accounts&quot;, %2 the reason, %3 a file name</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file with %1 could not be used (%2), and it could not be set aside; it was left as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file with %1 could not be read: %2</source>
        <extracomment>%1 is e.g. &quot;your accounts&quot;, %2 the system&apos;s reason</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is far too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not valid JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has the unknown format version %1</source>
        <extracomment>%1 is a number</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no upgrade from format version %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Smtp</name>
    <message>
        <source>The mail server&apos;s authentication challenge was not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server rejected the login (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server could not prove that it knows the password; the connection may have been intercepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending was cancelled after the message was transmitted; it may have been delivered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate of %1 has changed since you trusted it. This can mean that someone is intercepting the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate of %1 could not be verified: %2</source>
        <extracomment>%1 is a host name, %2 the reasons given by the TLS library</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A secure connection to %1 could not be established: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection was lost after the message was transmitted, before the server confirmed it. It may or may not have been delivered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not talk to %1: %2</source>
        <extracomment>%1 is a host name, %2 the system&apos;s reason</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not confirm the message in time. It may or may not have been delivered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server stopped responding (%1).</source>
        <extracomment>%1 is a protocol phase such as &quot;Greeting&quot; or &quot;SendingData&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server temporarily refused %1: %2</source>
        <extracomment>%1 says what was refused (&quot;the sender&quot;, &quot;the message&quot;, ...), %2 is the server&apos;s own words</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server refused %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server is closing the connection: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the greeting (EHLO)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the greeting (HELO)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server refused to start encryption (STARTTLS): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server sent an unexpected reply: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not offer encryption (STARTTLS), which this account requires. Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to %1 is not encrypted, so the password was not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server offers no sign-in method Outpost can use safely (%1).</source>
        <extracomment>%1 is a list such as &quot;GSSAPI, NTLM&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in is temporarily not possible: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server did not accept the user name or password: %1</source>
        <extracomment>%1 is the server&apos;s own words</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message&apos;s sender or recipient addresses are not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message has an address with non-ASCII characters before the @, and %1 does not support such addresses (SMTPUTF8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message contains 8-bit data, which %1 does not accept (8BITMIME).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The queued message file cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message is %1, larger than the %2 the mail server accepts.</source>
        <extracomment>%1 and %2 are sizes such as &quot;12.5 MB&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sender address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the recipient %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The queued message file could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending was stopped because its progress could not be recorded on disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server sent a malformed reply (%1).</source>
        <extracomment>%1 explains what was wrong, in technical terms</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
