<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>App::SendController</name>
    <message numerus="yes">
        <source>Outpost stays in the background to send %n waiting message(s), the next at %1. It quits by itself when nothing is due within a day; what is due later goes out the next time Outpost runs.</source>
        <extracomment>%1 is a time (today) or a date and time</extracomment>
        <translation>
            <numerusform>Outpost stays in the background to send %n waiting message, the next at %1. It quits by itself when nothing is due within a day; what is due later goes out the next time Outpost runs.</numerusform>
            <numerusform>Outpost stays in the background to send %n waiting messages, the next at %1. It quits by itself when nothing is due within a day; what is due later goes out the next time Outpost runs.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Autoconfig</name>
    <message numerus="yes">
        <source>%1 names %n server(s)</source>
        <translation>
            <numerusform>%1 names %n server</numerusform>
            <numerusform>%1 names %n servers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 lists %n outgoing server(s)</source>
        <translation>
            <numerusform>%1 lists %n outgoing server</numerusform>
            <numerusform>%1 lists %n outgoing servers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server did not complete the test within %n second(s).</source>
        <translation>
            <numerusform>The server did not complete the test within %n second.</numerusform>
            <numerusform>The server did not complete the test within %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message numerus="yes">
        <source>Sending %n message(s) that waited for the sign-in.</source>
        <extracomment>%n is a number of messages</extracomment>
        <translation>
            <numerusform>Sending %n message that waited for the sign-in.</numerusform>
            <numerusform>Sending %n messages that waited for the sign-in.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CliContacts</name>
    <message numerus="yes">
        <source>%n new contact(s)</source>
        <translation>
            <numerusform>%n new contact</numerusform>
            <numerusform>%n new contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n merged into existing ones</source>
        <translation>
            <numerusform>%n merged into an existing one</numerusform>
            <numerusform>%n merged into existing ones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n contact(s) to %1.</source>
        <extracomment>%1 is a file name</extracomment>
        <translation>
            <numerusform>Exported %n contact to %1.</numerusform>
            <numerusform>Exported %n contacts to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Contacts</name>
    <message numerus="yes">
        <source>(and %n more)</source>
        <extracomment>after a list of problems in a file, those not listed</extracomment>
        <translation>
            <numerusform>(and %n more)</numerusform>
            <numerusform>(and %n more)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (group of %n)</source>
        <extracomment>a group of contacts in the recipient completion list; %1 is its name</extracomment>
        <translation>
            <numerusform>%1 (group of %n)</numerusform>
            <numerusform>%1 (group of %n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Core::SentCopyStep</name>
    <message numerus="yes">
        <source>Gave up filing the copy after %n day(s): %1</source>
        <extracomment>%n is how many days Outpost kept trying, %1 the last error</extracomment>
        <translation>
            <numerusform>Gave up filing the copy after %n day: %1</numerusform>
            <numerusform>Gave up filing the copy after %n days: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gui::ComposerWindow</name>
    <message numerus="yes">
        <source>%n recipient(s)</source>
        <translation>
            <numerusform>%n recipient</numerusform>
            <numerusform>%n recipients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attachment(s), %1 in total</source>
        <translation>
            <numerusform>%n attachment, %1 in total</numerusform>
            <numerusform>%n attachments, %1 in total</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n word(s) may be misspelled: %1</source>
        <extracomment>%1 lists the first few words</extracomment>
        <translation>
            <numerusform>%n word may be misspelled: %1</numerusform>
            <numerusform>%n words may be misspelled: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) could not be recovered and appear as their names in the text: %1</source>
        <translation>
            <numerusform>%n image could not be recovered and appears as its name in the text: %1</numerusform>
            <numerusform>%n images could not be recovered and appear as their names in the text: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gui::OutboxModel</name>
    <message numerus="yes">
        <source>%n waiting to be sent</source>
        <translation>
            <numerusform>%n waiting to be sent</numerusform>
            <numerusform>%n waiting to be sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n need(s) your attention</source>
        <translation>
            <numerusform>%n needs your attention</numerusform>
            <numerusform>%n need your attention</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gui::OutboxWindow</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gui::SendToast</name>
    <message numerus="yes">
        <source>“%1” is queued and will be sent in %n second(s).</source>
        <extracomment>%1 is a subject; the number of seconds before sending starts</extracomment>
        <translation>
            <numerusform>“%1” is queued and will be sent in %n second.</numerusform>
            <numerusform>“%1” is queued and will be sent in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gui::SpellController</name>
    <message numerus="yes">
        <source>%n misspelled word(s).</source>
        <translation>
            <numerusform>%n misspelled word.</numerusform>
            <numerusform>%n misspelled words.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Notifications</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <extracomment>A duration, used in &quot;“%1” has been waiting for %2&quot; and &quot;“%1” was sent after %2.&quot;</extracomment>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <extracomment>A duration, used in &quot;“%1” has been waiting for %2&quot; and &quot;“%1” was sent after %2.&quot;</extracomment>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <extracomment>A duration, used in &quot;“%1” has been waiting for %2&quot; and &quot;“%1” was sent after %2.&quot;</extracomment>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message numerus="yes">
        <source>Gave up after trying for %n day(s): %1</source>
        <extracomment>%n is how many days Outpost kept trying, %1 the last error</extracomment>
        <translation>
            <numerusform>Gave up after trying for %n day: %1</numerusform>
            <numerusform>Gave up after trying for %n days: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Smtp</name>
    <message numerus="yes">
        <source>The message was delivered to %n recipient(s), but not to the others: %1</source>
        <extracomment>%n is how many recipients already have the message, %1 why the others do not</extracomment>
        <translation>
            <numerusform>The message was delivered to %n recipient, but not to the others: %1</numerusform>
            <numerusform>The message was delivered to %n recipients, but not to the others: %1</numerusform>
        </translation>
    </message>
</context>
</TS>
