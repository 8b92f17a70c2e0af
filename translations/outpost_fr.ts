<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>Accounts</name>
    <message>
        <source>An account entry is damaged (%1).</source>
        <extracomment>%1 names the broken field</extracomment>
        <translation>Une entrée de compte est endommagée (%1).</translation>
    </message>
    <message>
        <source>The account has no identifier.</source>
        <translation>Le compte n’a pas d’identifiant.</translation>
    </message>
    <message>
        <source>Enter the name of the outgoing mail server.</source>
        <translation>Saisissez le nom du serveur de courrier sortant.</translation>
    </message>
    <message>
        <source>Enter a port between 1 and 65535.</source>
        <translation>Saisissez un port compris entre 1 et 65535.</translation>
    </message>
    <message>
        <source>Enter the user name for the mail server.</source>
        <translation>Saisissez le nom d’utilisateur du serveur de messagerie.</translation>
    </message>
    <message>
        <source>The account needs at least one address to send from.</source>
        <translation>Le compte doit avoir au moins une adresse d’expédition.</translation>
    </message>
    <message>
        <source>your accounts</source>
        <translation>vos comptes</translation>
    </message>
    <message>
        <source>two accounts share one identifier</source>
        <translation>deux comptes partagent le même identifiant</translation>
    </message>
    <message>
        <source>An account named “%1” already exists.</source>
        <extracomment>%1 is an account name</extracomment>
        <translation>Un compte nommé «&#xa0;%1&#xa0;» existe déjà.</translation>
    </message>
    <message>
        <source>There is no such account.</source>
        <translation>Ce compte n’existe pas.</translation>
    </message>
    <message>
        <source>your trusted certificates</source>
        <translation>vos certificats de confiance</translation>
    </message>
    <message>
        <source>Your accounts cannot be locked: %1</source>
        <extracomment>%1 is the system&apos;s reason</extracomment>
        <translation>Impossible de verrouiller vos comptes&#xa0;: %1</translation>
    </message>
    <message>
        <source>Your trusted certificates cannot be locked: %1</source>
        <extracomment>%1 is the system&apos;s reason</extracomment>
        <translation>Impossible de verrouiller vos certificats de confiance&#xa0;: %1</translation>
    </message>
    <message>
        <source>Your contacts cannot be locked: %1</source>
        <extracomment>%1 is the system&apos;s reason</extracomment>
        <translation>Vos contacts ne peuvent pas être verrouillés&#xa0;: %1</translation>
    </message>
    <message>
        <source>Enter the incoming (IMAP) server, or leave its user name empty.</source>
        <translation>Saisissez le serveur entrant (IMAP), ou laissez son nom d’utilisateur vide.</translation>
    </message>
    <message>
        <source>Enter the name of the incoming (IMAP) server, without spaces or slashes.</source>
        <translation>Saisissez le nom du serveur entrant (IMAP), sans espaces ni barres obliques.</translation>
    </message>
    <message>
        <source>Enter an IMAP port between 1 and 65535.</source>
        <translation>Saisissez un port IMAP compris entre 1 et 65535.</translation>
    </message>
    <message>
        <source>The IMAP server needs TLS or STARTTLS: the account does not allow signing in without encryption.</source>
        <translation>Le serveur IMAP exige TLS ou STARTTLS&#xa0;: le compte n’autorise pas la connexion sans chiffrement.</translation>
    </message>
    <message>
        <source>An IMAP server needs a sign-in: the account signs in with neither a password nor OAuth2.</source>
        <translation>Un serveur IMAP exige une connexion&#xa0;: le compte ne se connecte ni par mot de passe ni par OAuth2.</translation>
    </message>
    <message>
        <source>No copy is saved: the account has no incoming (IMAP) server.</source>
        <translation>Aucune copie n’est rangée&#xa0;: le compte n’a pas de serveur entrant (IMAP).</translation>
    </message>
    <message>
        <source>No copy is saved: it is turned off for this account.</source>
        <translation>Aucune copie n’est rangée&#xa0;: c’est désactivé pour ce compte.</translation>
    </message>
    <message>
        <source>%1 files a copy in Sent itself: Outpost will not add another.</source>
        <extracomment>%1 is a provider: Gmail, Outlook.com or Microsoft 365</extracomment>
        <translation>%1 range lui-même une copie dans Envoyés&#xa0;: Outpost n’en ajoutera pas d’autre.</translation>
    </message>
    <message>
        <source>Outpost saves a copy in Sent although %1 files one itself: expect two.</source>
        <extracomment>%1 is a provider: Gmail, Outlook.com or Microsoft 365</extracomment>
        <translation>Outpost range une copie dans Envoyés bien que %1 en range une lui-même&#xa0;: il y en aura deux.</translation>
    </message>
    <message>
        <source>Outpost saves a copy in the Sent folder after each message.</source>
        <translation>Outpost range une copie dans le dossier Envoyés après chaque message.</translation>
    </message>
</context>
<context>
    <name>AddressBook</name>
    <message>
        <source>The list of addresses you used cannot be read (%1).</source>
        <translation>La liste des adresses que vous avez utilisées ne peut pas être lue (%1).</translation>
    </message>
</context>
<context>
    <name>App::SendController</name>
    <message>
        <source>Account not added</source>
        <translation>Compte non ajouté</translation>
    </message>
    <message>
        <source>Restored a message that was not sent (saved %1).</source>
        <extracomment>%1 is a date and time</extracomment>
        <translation>Un message non envoyé a été restauré (enregistré le %1).</translation>
    </message>
    <message>
        <source>No account is set up yet: add one to send from (your message stays here).</source>
        <translation>Aucun compte n’est encore configuré&#xa0;: ajoutez-en un pour pouvoir envoyer (votre message est conservé ici).</translation>
    </message>
    <message>
        <source>The message could not be queued.</source>
        <translation>Le message n’a pas pu être mis en file d’attente.</translation>
    </message>
    <message>
        <source>Not sent: the message is back for editing.</source>
        <translation>Non envoyé&#xa0;: le message est de retour pour modification.</translation>
    </message>
    <message>
        <source>Outpost keeps running</source>
        <translation>Outpost reste actif</translation>
    </message>
    <message numerus="yes">
        <source>Outpost stays in the background to send %n waiting message(s), the next at %1. It quits by itself when nothing is due within a day; what is due later goes out the next time Outpost runs.</source>
        <extracomment>%1 is a time (today) or a date and time</extracomment>
        <translation>
            <numerusform>Outpost reste en arrière-plan pour envoyer %n message en attente, le prochain à %1. Il se ferme de lui-même quand plus rien n’est prévu dans la journée qui vient&#xa0;; ce qui est prévu plus tard part au prochain lancement d’Outpost.</numerusform>
            <numerusform>Outpost reste en arrière-plan pour envoyer %n messages en attente, le prochain à %1. Il se ferme de lui-même quand plus rien n’est prévu dans la journée qui vient&#xa0;; ce qui est prévu plus tard part au prochain lancement d’Outpost.</numerusform>
        </translation>
    </message>
    <message>
        <source>S&amp;ign In Again</source>
        <translation>Se re&amp;connecter</translation>
    </message>
    <message>
        <source>Sign In Again</source>
        <translation>Se reconnecter</translation>
    </message>
    <message>
        <source>The provider signed you in but gave Outpost no lasting permission (no refresh token). Nothing was changed.</source>
        <translation>Le fournisseur vous a connecté mais n’a donné à Outpost aucune autorisation durable (pas de jeton d’actualisation). Rien n’a été modifié.</translation>
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
        <translation>sans chiffrement</translation>
    </message>
    <message>
        <source>your own settings</source>
        <translation>vos propres paramètres</translation>
    </message>
    <message>
        <source>a configuration file on this computer</source>
        <translation>un fichier de configuration sur cet ordinateur</translation>
    </message>
    <message>
        <source>your provider&apos;s configuration server (HTTPS)</source>
        <translation>le serveur de configuration de votre fournisseur (HTTPS)</translation>
    </message>
    <message>
        <source>Thunderbird&apos;s provider database (ISPDB)</source>
        <translation>la base de données des fournisseurs de Thunderbird (ISPDB)</translation>
    </message>
    <message>
        <source>Outpost&apos;s list of major providers</source>
        <translation>la liste des principaux fournisseurs d’Outpost</translation>
    </message>
    <message>
        <source>the configuration server of the provider that receives your mail (MX)</source>
        <translation>le serveur de configuration du fournisseur qui reçoit votre courrier (MX)</translation>
    </message>
    <message>
        <source>Thunderbird&apos;s provider database, for the provider that receives your mail (MX)</source>
        <translation>la base de données des fournisseurs de Thunderbird, pour le fournisseur qui reçoit votre courrier (MX)</translation>
    </message>
    <message>
        <source>Outpost&apos;s list of major providers, for the provider that receives your mail (MX)</source>
        <translation>la liste des principaux fournisseurs d’Outpost, pour le fournisseur qui reçoit votre courrier (MX)</translation>
    </message>
    <message>
        <source>a DNS service record (SRV)</source>
        <translation>un enregistrement de service DNS (SRV)</translation>
    </message>
    <message>
        <source>your provider&apos;s configuration server over unencrypted HTTP</source>
        <translation>le serveur de configuration de votre fournisseur via HTTP non chiffré</translation>
    </message>
    <message>
        <source>a usual server name, guessed</source>
        <translation>un nom de serveur usuel, deviné</translation>
    </message>
    <message>
        <source>Found in %1%2.</source>
        <translation>Source&#xa0;: %1%2.</translation>
    </message>
    <message>
        <source>Provider: %1.</source>
        <translation>Fournisseur&#xa0;: %1.</translation>
    </message>
    <message>
        <source>The source is authenticated.</source>
        <translation>La source est authentifiée.</translation>
    </message>
    <message>
        <source>The DNS answer was signed (DNSSEC).</source>
        <translation>La réponse DNS était signée (DNSSEC).</translation>
    </message>
    <message>
        <source>The source is not authenticated: please confirm this server.</source>
        <translation>La source n’est pas authentifiée&#xa0;: veuillez confirmer ce serveur.</translation>
    </message>
    <message>
        <source>Also named by: %1.</source>
        <translation>Également indiqué par&#xa0;: %1.</translation>
    </message>
    <message>
        <source>The configuration file does not list %1 among its domains.</source>
        <translation>Le fichier de configuration ne mentionne pas %1 parmi ses domaines.</translation>
    </message>
    <message>
        <source>Not tested.</source>
        <translation>Non testé.</translation>
    </message>
    <message>
        <source>The test failed, so it is never chosen by itself: %1</source>
        <translation>Le test a échoué&#x202f;; ce serveur ne sera donc jamais choisi automatiquement&#xa0;: %1</translation>
    </message>
    <message>
        <source>The server answered, without encryption.</source>
        <translation>Le serveur a répondu, sans chiffrement.</translation>
    </message>
    <message>
        <source>The server answered with %1 (%2).</source>
        <translation>Le serveur a répondu avec %1 (%2).</translation>
    </message>
    <message>
        <source>Certificate valid for %1, issued by %2.</source>
        <translation>Certificat valable pour %1, émis par %2.</translation>
    </message>
    <message>
        <source>Sign-in methods offered: %1.</source>
        <translation>Méthodes d’authentification proposées&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Signed in successfully.</source>
        <translation>Authentification réussie.</translation>
    </message>
    <message>
        <source>TLS from the first byte is preferred over STARTTLS on the same server (RFC 8314).</source>
        <translation>Le TLS dès le premier octet est préféré à STARTTLS sur le même serveur (RFC 8314).</translation>
    </message>
    <message>
        <source>Without encryption, this server is never chosen unless you allow insecure servers.</source>
        <translation>Sans chiffrement, ce serveur n’est jamais choisi, sauf si vous autorisez les serveurs non sécurisés.</translation>
    </message>
    <message>
        <source>It works only from inside the provider&apos;s own network.</source>
        <translation>Il ne fonctionne que depuis le réseau du fournisseur lui-même.</translation>
    </message>
    <message>
        <source>the file declares a DTD, which is not allowed</source>
        <translation>le fichier déclare une DTD, ce qui n’est pas autorisé</translation>
    </message>
    <message>
        <source>the document is not a clientConfig file</source>
        <translation>le document n’est pas un fichier clientConfig</translation>
    </message>
    <message>
        <source>the XML is malformed (%1, line %2)</source>
        <translation>le XML est mal formé (%1, ligne %2)</translation>
    </message>
    <message>
        <source>the document has no emailProvider</source>
        <translation>le document ne contient pas d’élément emailProvider</translation>
    </message>
    <message>
        <source>the file lists no outgoing (SMTP) server</source>
        <translation>le fichier n’indique aucun serveur sortant (SMTP)</translation>
    </message>
    <message>
        <source>no outgoing server in the file is usable: %1</source>
        <translation>aucun serveur sortant du fichier n’est utilisable&#xa0;: %1</translation>
    </message>
    <message>
        <source>The provider&apos;s configuration cannot be used: %1.</source>
        <translation>La configuration du fournisseur est inutilisable&#xa0;: %1.</translation>
    </message>
    <message>
        <source>outgoing server %1</source>
        <translation>serveur sortant %1</translation>
    </message>
    <message>
        <source>too many servers</source>
        <translation>trop de serveurs</translation>
    </message>
    <message>
        <source>it refers to a global default server</source>
        <translation>il renvoie à un serveur global par défaut</translation>
    </message>
    <message>
        <source>unknown placeholder in host name “%1”</source>
        <translation>espace réservé inconnu dans le nom d’hôte «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>invalid host name “%1”</source>
        <translation>nom d’hôte non valide «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>invalid port “%1”</source>
        <translation>port non valide «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>unknown socket type “%1”</source>
        <translation>type de socket inconnu «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>no known authentication method</source>
        <translation>aucune méthode d’authentification connue</translation>
    </message>
    <message>
        <source>unknown placeholder in user name; the user name is not used</source>
        <translation>espace réservé inconnu dans le nom d’utilisateur&#x202f;; celui-ci n’est pas utilisé</translation>
    </message>
    <message>
        <source>The provider&apos;s configuration cannot be used: it is larger than %1 KiB.</source>
        <translation>La configuration du fournisseur est inutilisable&#xa0;: elle dépasse %1 Kio.</translation>
    </message>
    <message>
        <source>Not waiting any longer for slower, more trusted sources.</source>
        <translation>Fin de l’attente des sources plus lentes mais plus fiables.</translation>
    </message>
    <message>
        <source>The configuration lookups took too long; going on with what was found.</source>
        <translation>La recherche de configurations a pris trop de temps&#x202f;; poursuite avec ce qui a été trouvé.</translation>
    </message>
    <message>
        <source>The server tests took too long; going on with what was found.</source>
        <translation>Les tests des serveurs ont pris trop de temps&#x202f;; poursuite avec ce qui a été trouvé.</translation>
    </message>
    <message>
        <source>Time is up.</source>
        <translation>Le temps imparti est écoulé.</translation>
    </message>
    <message>
        <source>Looking up settings for %1</source>
        <translation>Recherche des paramètres pour %1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>Checking the configuration server of %1</source>
        <translation>Interrogation du serveur de configuration de %1</translation>
    </message>
    <message>
        <source>Checking Thunderbird&apos;s provider database</source>
        <translation>Interrogation de la base de données des fournisseurs de Thunderbird</translation>
    </message>
    <message>
        <source>Looking up mail servers (MX) for %1</source>
        <translation>Recherche des serveurs de messagerie (MX) de %1</translation>
    </message>
    <message>
        <source>Checking DNS service records (SRV)</source>
        <translation>Interrogation des enregistrements de service DNS (SRV)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1: no configuration (%2)</source>
        <translation>%1&#xa0;: aucune configuration (%2)</translation>
    </message>
    <message>
        <source>%1: no configuration (HTTP %2)</source>
        <translation>%1&#xa0;: aucune configuration (HTTP %2)</translation>
    </message>
    <message>
        <source>%1: refused, it was redirected away from HTTPS</source>
        <translation>%1&#xa0;: refusé, car redirigé hors de HTTPS</translation>
    </message>
    <message>
        <source>No mail server (MX) published for %1</source>
        <translation>Aucun serveur de messagerie (MX) publié pour %1</translation>
    </message>
    <message>
        <source>Mail for %1 is received by %2, a server of the domain itself</source>
        <translation>Le courrier pour %1 est reçu par %2, un serveur du domaine lui-même</translation>
    </message>
    <message>
        <source>Mail for %1 is received by %2 (%3)</source>
        <translation>Le courrier pour %1 est reçu par %2 (%3)</translation>
    </message>
    <message numerus="yes">
        <source>%1 names %n server(s)</source>
        <translation>
            <numerusform>%1 indique %n serveur</numerusform>
            <numerusform>%1 indique %n serveurs</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1: skipped %2</source>
        <translation>%1&#xa0;: ignoré – %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 lists %n outgoing server(s)</source>
        <translation>
            <numerusform>%1 indique %n serveur sortant</numerusform>
            <numerusform>%1 indique %n serveurs sortants</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing is published for %1; trying usual server names</source>
        <translation>Rien n’est publié pour %1&#x202f;; essai des noms de serveur usuels</translation>
    </message>
    <message>
        <source>Trying %1:%2 (%3)…</source>
        <translation>Essai de %1:%2 (%3)…</translation>
    </message>
    <message>
        <source>%1:%2 answered with %3; sign-in methods: %4</source>
        <translation>%1:%2 a répondu (%3)&#x202f;; méthodes d’authentification&#xa0;: %4</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Certificate valid for %1, issued by %2</source>
        <translation>Certificat valable pour %1, émis par %2</translation>
    </message>
    <message>
        <source>%1:%2 failed: %3</source>
        <translation>Échec pour %1:%2&#xa0;: %3</translation>
    </message>
    <message>
        <source>Chose %1:%2 (%3)</source>
        <translation>Choisi&#xa0;: %1:%2 (%3)</translation>
    </message>
    <message>
        <source>No usable server was found; enter the settings by hand.</source>
        <translation>Aucun serveur utilisable n’a été trouvé&#x202f;; saisissez les paramètres manuellement.</translation>
    </message>
    <message>
        <source>Enter a complete e-mail address, such as name@example.org.</source>
        <translation>Saisissez une adresse électronique complète, par exemple nom@example.org.</translation>
    </message>
    <message>
        <source>The server did not accept the user name or password. Check them and try again.</source>
        <translation>Le serveur n’a pas accepté le nom d’utilisateur ou le mot de passe. Vérifiez-les et réessayez.</translation>
    </message>
    <message>
        <source>Your provider requires an app password for mail programs. Create one in your account&apos;s security settings and enter it instead of your usual password.</source>
        <translation>Votre fournisseur exige un mot de passe d’application pour les logiciels de messagerie. Créez-en un dans les paramètres de sécurité de votre compte et saisissez-le à la place de votre mot de passe habituel.</translation>
    </message>
    <message>
        <source>Your provider wants you to sign in on its website first, or to enable access for mail programs (SMTP) in your account settings.</source>
        <translation>Votre fournisseur vous demande de vous connecter d’abord sur son site web, ou d’activer l’accès pour les logiciels de messagerie (SMTP) dans les paramètres de votre compte.</translation>
    </message>
    <message>
        <source>This server accepts only OAuth sign-in in a browser, not a password: sign in with your browser instead.</source>
        <translation>Ce serveur n’accepte que l’authentification OAuth dans un navigateur, pas de mot de passe&#xa0;: connectez-vous plutôt dans votre navigateur.</translation>
    </message>
    <message>
        <source>The server requires an encrypted connection for signing in.</source>
        <translation>Le serveur exige une connexion chiffrée pour l’authentification.</translation>
    </message>
    <message>
        <source>The server could not check the password right now. Try again in a moment.</source>
        <translation>Le serveur n’a pas pu vérifier le mot de passe pour le moment. Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>Signing in failed.</source>
        <translation>L’authentification a échoué.</translation>
    </message>
    <message>
        <source>The test was cancelled.</source>
        <translation>Le test a été annulé.</translation>
    </message>
    <message numerus="yes">
        <source>The server did not complete the test within %n second(s).</source>
        <translation>
            <numerusform>Le serveur n’a pas terminé le test en %n seconde.</numerusform>
            <numerusform>Le serveur n’a pas terminé le test en %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server offers no sign-in at all, so the password could not be checked. It is probably not a server for sending mail (submission).</source>
        <translation>Le serveur ne propose aucune authentification&#xa0;; le mot de passe n’a donc pas pu être vérifié. Ce n’est probablement pas un serveur d’envoi de courrier (submission).</translation>
    </message>
    <message>
        <source>Sources that rest on the same data or the same MX answer count once.</source>
        <translation>Les sources qui reposent sur les mêmes données ou sur la même réponse MX ne comptent qu’une fois.</translation>
    </message>
    <message>
        <source>The server only allows sign-in methods Outpost cannot use.</source>
        <translation>Le serveur n’accepte que des méthodes de connexion qu’Outpost ne sait pas utiliser.</translation>
    </message>
    <message>
        <source>You sign in to it in your browser (OAuth 2.0).</source>
        <translation>La connexion se fait dans votre navigateur (OAuth 2.0).</translation>
    </message>
    <message>
        <source>IMAP server %1</source>
        <translation>serveur IMAP %1</translation>
    </message>
    <message>
        <source>Not waiting any longer for the IMAP server.</source>
        <translation>Plus d&apos;attente pour le serveur IMAP.</translation>
    </message>
    <message>
        <source>Still testing the IMAP server…</source>
        <translation>Test du serveur IMAP en cours…</translation>
    </message>
    <message>
        <source>IMAP server for the Sent copy: %1:%2 (%3)</source>
        <translation>Serveur IMAP pour la copie dans Envoyés&#xa0;: %1:%2 (%3)</translation>
    </message>
    <message>
        <source>No IMAP server was found; the Sent copy can be set up by hand.</source>
        <translation>Aucun serveur IMAP trouvé&#xa0;; la copie dans Envoyés peut être configurée à la main.</translation>
    </message>
    <message>
        <source>The IMAP server tests took too long; going on without them.</source>
        <translation>Le test des serveurs IMAP a pris trop de temps&#xa0;; on continue sans eux.</translation>
    </message>
    <message>
        <source>No IMAP server is published for %1; trying usual server names</source>
        <translation>Aucun serveur IMAP n&apos;est publié pour %1&#xa0;; essai des noms de serveur habituels</translation>
    </message>
    <message>
        <source>Trying the IMAP server %1:%2 (%3)…</source>
        <translation>Essai du serveur IMAP %1:%2 (%3)…</translation>
    </message>
    <message>
        <source>The IMAP server %1:%2 answered; sign-in methods: %3</source>
        <translation>Le serveur IMAP %1:%2 a répondu&#xa0;; méthodes de connexion&#xa0;: %3</translation>
    </message>
    <message>
        <source>The IMAP server %1:%2 failed: %3</source>
        <translation>Le serveur IMAP %1:%2 a échoué&#xa0;: %3</translation>
    </message>
    <message>
        <source>The IMAP server did not answer in time.</source>
        <translation>Le serveur IMAP n&apos;a pas répondu à temps.</translation>
    </message>
    <message>
        <source>Testing the IMAP server took too long.</source>
        <translation>Le test du serveur IMAP a pris trop de temps.</translation>
    </message>
    <message>
        <source>The server&apos;s answer is not IMAP.</source>
        <translation>La réponse du serveur n&apos;est pas de l&apos;IMAP.</translation>
    </message>
    <message>
        <source>The server does not greet like an IMAP server: %1</source>
        <translation>Le serveur ne salue pas comme un serveur IMAP&#xa0;: %1</translation>
    </message>
    <message>
        <source>The IMAP server closed the connection: %1</source>
        <translation>Le serveur IMAP a fermé la connexion&#xa0;: %1</translation>
    </message>
    <message>
        <source>The IMAP server refused %1: %2</source>
        <translation>Le serveur IMAP a refusé %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The IMAP server does not offer STARTTLS; Outpost does not sign in without encryption.</source>
        <translation>Le serveur IMAP ne propose pas STARTTLS&#xa0;; Outpost ne se connecte pas sans chiffrement.</translation>
    </message>
    <message>
        <source>The certificate of %1 cannot be verified.</source>
        <translation>Le certificat de %1 ne peut pas être vérifié.</translation>
    </message>
    <message>
        <source>%1:%2: %3</source>
        <translation>%1:%2&#xa0;: %3</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>outpost: unknown option &apos;%1&apos;. Try &apos;outpost --help&apos;.</source>
        <translation>outpost&#xa0;: option inconnue «&#xa0;%1&#xa0;». Essayez «&#xa0;outpost --help&#xa0;».</translation>
    </message>
    <message>
        <source>outpost: unknown command &apos;%1&apos;. Try &apos;outpost --help&apos;.</source>
        <translation>outpost&#xa0;: commande inconnue «&#xa0;%1&#xa0;». Essayez «&#xa0;outpost --help&#xa0;».</translation>
    </message>
    <message>
        <source>outpost: the outbox could not be locked.</source>
        <translation>outpost&#xa0;: impossible de verrouiller la boîte d’envoi.</translation>
    </message>
    <message>
        <source>Sent: %1</source>
        <translation>Envoyé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Queued, to be sent at %1</source>
        <translation>En file d’attente, envoi prévu le %1</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>En file d’attente</translation>
    </message>
    <message>
        <source>Being sent</source>
        <translation>Envoi en cours</translation>
    </message>
    <message>
        <source>Not sent yet (%1); next try at %2</source>
        <extracomment>%1 is the reason, %2 a time</extracomment>
        <translation>Pas encore envoyé (%1)&#x202f;; prochaine tentative le %2</translation>
    </message>
    <message>
        <source>Waiting for you: %1</source>
        <translation>En attente de votre action&#xa0;: %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec&#xa0;: %1</translation>
    </message>
    <message>
        <source>Set aside as damaged: %1</source>
        <translation>Mis de côté car endommagé&#xa0;: %1</translation>
    </message>
    <message>
        <source> (see &apos;outpost %1 --help&apos;)</source>
        <translation> (voir «&#xa0;outpost %1 --help&#xa0;»)</translation>
    </message>
    <message>
        <source>Password: </source>
        <translation>Mot de passe&#xa0;: </translation>
    </message>
    <message>
        <source>The keychain did not answer.</source>
        <translation>Le trousseau de clés n’a pas répondu.</translation>
    </message>
    <message>
        <source>Account name, or an address of one of your accounts.</source>
        <translation>Nom du compte, ou adresse de l’un de vos comptes.</translation>
    </message>
    <message>
        <source>ACCOUNT</source>
        <translation>COMPTE</translation>
    </message>
    <message>
        <source>Recipient(s); repeat or separate with commas.</source>
        <translation>Destinataire(s)&#x202f;; répétez l’option ou séparez par des virgules.</translation>
    </message>
    <message>
        <source>ADDRESS</source>
        <translation>ADRESSE</translation>
    </message>
    <message>
        <source>Copy recipient(s).</source>
        <translation>Destinataire(s) en copie (Cc).</translation>
    </message>
    <message>
        <source>Hidden recipient(s).</source>
        <translation>Destinataire(s) en copie cachée (Cci).</translation>
    </message>
    <message>
        <source>Reply-To address(es).</source>
        <translation>Adresse(s) de réponse (Reply-To).</translation>
    </message>
    <message>
        <source>The subject.</source>
        <translation>L’objet.</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>TEXTE</translation>
    </message>
    <message>
        <source>The text of the message.</source>
        <translation>Le texte du message.</translation>
    </message>
    <message>
        <source>Read the text from a file (&apos;-&apos; for standard input).</source>
        <translation>Lire le texte depuis un fichier («&#xa0;-&#xa0;» pour l’entrée standard).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FICHIER</translation>
    </message>
    <message>
        <source>An HTML version of the text.</source>
        <translation>Une version HTML du texte.</translation>
    </message>
    <message>
        <source>Attach a file; repeat for more.</source>
        <translation>Joindre un fichier&#x202f;; répétez l’option pour en joindre plusieurs.</translation>
    </message>
    <message>
        <source>Message-ID this message answers.</source>
        <translation>Message-ID du message auquel celui-ci répond.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Extra header &quot;Name: value&quot;; repeatable.</source>
        <translation>En-tête supplémentaire «&#xa0;Nom: valeur&#xa0;»&#x202f;; répétable.</translation>
    </message>
    <message>
        <source>HEADER</source>
        <translation>EN-TÊTE</translation>
    </message>
    <message>
        <source>Send at this time (ISO 8601, or HH:mm).</source>
        <translation>Envoyer à cette heure (ISO 8601, ou HH:mm).</translation>
    </message>
    <message>
        <source>TIME</source>
        <translation>HEURE</translation>
    </message>
    <message>
        <source>Only queue it; a later &apos;outpost outbox flush&apos; sends.</source>
        <translation>Seulement mettre en file d’attente&#x202f;; un «&#xa0;outpost outbox flush&#xa0;» ultérieur l’enverra.</translation>
    </message>
    <message>
        <source>Wait until the message is sent or waits for a reason.</source>
        <translation>Attendre que le message soit envoyé ou mis en attente pour une raison donnée.</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos; (see &apos;outpost send --help&apos;)</source>
        <translation>argument inattendu «&#xa0;%1&#xa0;» (voir «&#xa0;outpost send --help&#xa0;»)</translation>
    </message>
    <message>
        <source>no account is set up; add one with &apos;outpost account add&apos;</source>
        <translation>aucun compte n’est configuré&#x202f;; ajoutez-en un avec «&#xa0;outpost account add&#xa0;»</translation>
    </message>
    <message>
        <source>no account &apos;%1&apos; (see &apos;outpost account list&apos;)</source>
        <translation>aucun compte «&#xa0;%1&#xa0;» (voir «&#xa0;outpost account list&#xa0;»)</translation>
    </message>
    <message>
        <source>no recipients: give --to, --cc or --bcc</source>
        <translation>aucun destinataire&#xa0;: indiquez --to, --cc ou --bcc</translation>
    </message>
    <message>
        <source>cannot read &apos;%1&apos;: %2</source>
        <translation>impossible de lire «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <source>a header must look like &quot;Name: value&quot;: &apos;%1&apos;</source>
        <translation>un en-tête doit avoir la forme «&#xa0;Nom: valeur&#xa0;»&#xa0;: «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>cannot read the time &apos;%1&apos;; use ISO 8601 or HH:mm</source>
        <translation>heure «&#xa0;%1&#xa0;» illisible&#x202f;; utilisez ISO 8601 ou HH:mm</translation>
    </message>
    <message>
        <source>Queued %1</source>
        <translation>Mis en file d’attente&#xa0;: %1</translation>
    </message>
    <message>
        <source>Machine-readable output.</source>
        <translation>Sortie lisible par une machine.</translation>
    </message>
    <message>
        <source>Return when every due message is sent or waits for a reason.</source>
        <translation>Ne rendre la main que lorsque chaque message à échéance est envoyé ou mis en attente pour une raison donnée.</translation>
    </message>
    <message>
        <source>The message, as &apos;outpost outbox list&apos; shows it.</source>
        <translation>Le message, tel qu’affiché par «&#xa0;outpost outbox list&#xa0;».</translation>
    </message>
    <message>
        <source>unknown outbox command &apos;%1&apos; (see &apos;outpost outbox --help&apos;)</source>
        <translation>commande outbox inconnue «&#xa0;%1&#xa0;» (voir «&#xa0;outpost outbox --help&#xa0;»)</translation>
    </message>
    <message>
        <source>The outbox is empty.</source>
        <translation>La boîte d’envoi est vide.</translation>
    </message>
    <message>
        <source>%1 sent, %2 waiting, %3 need attention, %4 failed</source>
        <extracomment>%1 sent count, %2 still waiting, %3 needing attention</extracomment>
        <translation>Envoyés&#xa0;: %1, en attente&#xa0;: %2, action requise&#xa0;: %3, en échec&#xa0;: %4</translation>
    </message>
    <message>
        <source>give exactly one message id</source>
        <translation>indiquez exactement un identifiant de message</translation>
    </message>
    <message>
        <source>What to call the account (default: the address).</source>
        <translation>Nom du compte (par défaut&#xa0;: l’adresse).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOM</translation>
    </message>
    <message>
        <source>The address to send from.</source>
        <translation>L’adresse d’expédition.</translation>
    </message>
    <message>
        <source>Your name as recipients see it.</source>
        <translation>Votre nom tel que le voient les destinataires.</translation>
    </message>
    <message>
        <source>Outgoing (SMTP submission) server.</source>
        <translation>Serveur de courrier sortant (soumission SMTP).</translation>
    </message>
    <message>
        <source>HOST</source>
        <translation>HÔTE</translation>
    </message>
    <message>
        <source>Server port (default 465 for tls, 587 otherwise).</source>
        <translation>Port du serveur (par défaut 465 avec tls, 587 sinon).</translation>
    </message>
    <message>
        <source>PORT</source>
        <translation>PORT</translation>
    </message>
    <message>
        <source>tls, starttls (default) or none.</source>
        <translation>tls, starttls (par défaut) ou none.</translation>
    </message>
    <message>
        <source>MODE</source>
        <translation>MODE</translation>
    </message>
    <message>
        <source>User name (default: the address).</source>
        <translation>Nom d’utilisateur (par défaut&#xa0;: l’adresse).</translation>
    </message>
    <message>
        <source>USER</source>
        <translation>UTILISATEUR</translation>
    </message>
    <message>
        <source>METHOD</source>
        <translation>MÉTHODE</translation>
    </message>
    <message>
        <source>Read the password from standard input (never from the command line).</source>
        <translation>Lire le mot de passe depuis l’entrée standard (jamais depuis la ligne de commande).</translation>
    </message>
    <message>
        <source>Allow sending the password without encryption.</source>
        <translation>Autoriser l’envoi du mot de passe sans chiffrement.</translation>
    </message>
    <message>
        <source>The account to remove.</source>
        <translation>Le compte à supprimer.</translation>
    </message>
    <message>
        <source>unknown account command &apos;%1&apos; (see &apos;outpost account --help&apos;)</source>
        <translation>commande account inconnue «&#xa0;%1&#xa0;» (voir «&#xa0;outpost account --help&#xa0;»)</translation>
    </message>
    <message>
        <source>No accounts. Add one with &apos;outpost account add&apos;.</source>
        <translation>Aucun compte. Ajoutez-en un avec «&#xa0;outpost account add&#xa0;».</translation>
    </message>
    <message>
        <source>give exactly one account name</source>
        <translation>indiquez exactement un nom de compte</translation>
    </message>
    <message>
        <source>no account &apos;%1&apos;</source>
        <translation>aucun compte «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>give the address with --email</source>
        <translation>indiquez l’adresse avec --email</translation>
    </message>
    <message>
        <source>--security must be tls, starttls or none</source>
        <translation>--security doit valoir tls, starttls ou none</translation>
    </message>
    <message>
        <source>--port must be a number between 1 and 65535</source>
        <translation>--port doit être un nombre compris entre 1 et 65535</translation>
    </message>
    <message>
        <source>no password given (use --password-stdin, or --auth none)</source>
        <translation>aucun mot de passe fourni (utilisez --password-stdin, ou --auth none)</translation>
    </message>
    <message>
        <source>Added account %1</source>
        <translation>Compte %1 ajouté</translation>
    </message>
    <message>
        <source>Server: %1 (%2)</source>
        <translation>Serveur&#xa0;: %1 (%2)</translation>
    </message>
    <message>
        <source>Certificate: %1, issued by %2, valid until %3
  SHA-256 %4</source>
        <translation>Certificat&#xa0;: %1, émis par %2, valable jusqu’au %3
  SHA-256 %4</translation>
    </message>
    <message>
        <source>Encryption: %1</source>
        <translation>Chiffrement&#xa0;: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Extensions: %1</source>
        <translation>Extensions&#xa0;: %1</translation>
    </message>
    <message>
        <source>Sign-in: %1 (offered: %2)</source>
        <translation>Mécanisme d’authentification&#xa0;: %1 (proposés&#xa0;: %2)</translation>
    </message>
    <message>
        <source>The account works.</source>
        <translation>Le compte fonctionne.</translation>
    </message>
    <message>
        <source>The account to test.</source>
        <translation>Le compte à tester.</translation>
    </message>
    <message>
        <source>Let your provider&apos;s own configuration server (HTTPS only) see the address; no one else ever does.</source>
        <translation>Communiquer l’adresse au serveur de configuration de votre fournisseur (HTTPS uniquement)&#x202f;; personne d’autre ne la reçoit jamais.</translation>
    </message>
    <message>
        <source>Also consider servers without encryption (never chosen otherwise).</source>
        <translation>Prendre aussi en compte les serveurs sans chiffrement (jamais choisis sinon).</translation>
    </message>
    <message>
        <source>Signing in to %1 as %2…</source>
        <translation>Authentification auprès de %1 en tant que %2…</translation>
    </message>
    <message>
        <source>The server did not answer.</source>
        <translation>Le serveur n’a pas répondu.</translation>
    </message>
    <message>
        <source>The server said: %1</source>
        <translation>Réponse du serveur&#xa0;: %1</translation>
    </message>
    <message>
        <source>The e-mail address to find the outgoing server for.</source>
        <translation>L’adresse électronique dont il faut trouver le serveur sortant.</translation>
    </message>
    <message>
        <source>Machine-readable output: every candidate with its source, probe and reasons.</source>
        <translation>Sortie lisible par une machine&#xa0;: chaque candidat avec sa source, son test et ses justifications.</translation>
    </message>
    <message>
        <source>give exactly one address</source>
        <translation>indiquez exactement une adresse</translation>
    </message>
    <message>
        <source>Chosen: %1, user name %2</source>
        <translation>Choisi&#xa0;: %1, nom d’utilisateur %2</translation>
    </message>
    <message>
        <source>(the address or its local part)</source>
        <translation>(l’adresse ou sa partie locale)</translation>
    </message>
    <message>
        <source>Check this server before using it: its source is not authenticated, or it belongs to another domain (%1).</source>
        <translation>Vérifiez ce serveur avant de l’utiliser&#xa0;: sa source n’est pas authentifiée, ou il appartient à un autre domaine (%1).</translation>
    </message>
    <message>
        <source>No usable server found; add the account with --host.</source>
        <translation>Aucun serveur utilisable trouvé&#x202f;; ajoutez le compte avec --host.</translation>
    </message>
    <message>
        <source>Accept a detected server even when its source is not authenticated.</source>
        <translation>Accepter un serveur détecté même si sa source n’est pas authentifiée.</translation>
    </message>
    <message>
        <source>no usable outgoing server found for %1; give it with --host (details: &apos;outpost autoconfig %1&apos;)</source>
        <translation>aucun serveur sortant utilisable trouvé pour %1&#x202f;; indiquez-le avec --host (détails&#xa0;: «&#xa0;outpost autoconfig %1&#xa0;»)</translation>
    </message>
    <message>
        <source>Found %1 through %2.</source>
        <translation>%1 trouvé (source&#xa0;: %2).</translation>
    </message>
    <message>
        <source>%1 was found through an unauthenticated source or belongs to another domain (%2); check it and add --yes to accept it</source>
        <translation>%1 provient d’une source non authentifiée ou appartient à un autre domaine (%2)&#x202f;; vérifiez-le et ajoutez --yes pour l’accepter</translation>
    </message>
    <message>
        <source>the account was not added: %1</source>
        <translation>le compte n’a pas été ajouté&#xa0;: %1</translation>
    </message>
    <message>
        <source>Signed in successfully.</source>
        <translation>Authentification réussie.</translation>
    </message>
    <message>
        <source>The server asks for no sign-in, so the password was not checked.</source>
        <translation>Le serveur ne demande aucune connexion, le mot de passe n’a donc pas été vérifié.</translation>
    </message>
    <message>
        <source>Saved without signing in (--no-verify): the password was not checked.</source>
        <translation>Enregistré sans connexion (--no-verify)&#xa0;: le mot de passe n’a pas été vérifié.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; does not sign in with OAuth 2.0 (its password is changed with &apos;outpost account add&apos;)</source>
        <translation>«&#xa0;%1&#xa0;» ne se connecte pas avec OAuth 2.0 (son mot de passe se change avec «&#xa0;outpost account add&#xa0;»)</translation>
    </message>
    <message>
        <source>not signed in: %1</source>
        <translation>non connecté&#xa0;: %1</translation>
    </message>
    <message>
        <source>It signs in with OAuth 2.0, in your browser (%1).</source>
        <translation>La connexion se fait avec OAuth 2.0, dans votre navigateur (%1).</translation>
    </message>
    <message>
        <source>password (default), oauth2 (sign in with the provider in a browser) or none.</source>
        <translation>password (par défaut), oauth2 (connexion chez le fournisseur dans un navigateur) ou none.</translation>
    </message>
    <message>
        <source>With --auth oauth2: sign in on another device with a code, where the provider offers it.</source>
        <translation>Avec --auth oauth2&#xa0;: se connecter sur un autre appareil avec un code, si le fournisseur le propose.</translation>
    </message>
    <message>
        <source>The OAuth 2.0 account to sign in again.</source>
        <translation>Le compte OAuth 2.0 à reconnecter.</translation>
    </message>
    <message>
        <source>Sign in on another device with a code, where the provider offers it.</source>
        <translation>Se connecter sur un autre appareil avec un code, si le fournisseur le propose.</translation>
    </message>
    <message>
        <source>--auth must be password, oauth2 or none</source>
        <translation>--auth doit valoir password, oauth2 ou none</translation>
    </message>
    <message>
        <source>To sign in, open %1 in a browser and enter the code %2</source>
        <extracomment>%1 is a web address, %2 a short code the person types there</extracomment>
        <translation>Pour vous connecter, ouvrez %1 dans un navigateur et saisissez le code %2</translation>
    </message>
    <message>
        <source>Opening your browser to sign in with %1. If it does not open, visit:
%2</source>
        <extracomment>%1 is a provider such as &quot;Google&quot;, %2 a web address</extracomment>
        <translation>Ouverture de votre navigateur pour vous connecter chez %1. S’il ne s’ouvre pas, allez sur&#xa0;:
%2</translation>
    </message>
    <message>
        <source>Warning: the sign-in could not be revoked at the provider: %1</source>
        <extracomment>%1 is the reason</extracomment>
        <translation>Attention&#xa0;: la connexion n’a pas pu être révoquée chez le fournisseur&#xa0;: %1</translation>
    </message>
    <message>
        <source>The sign-in server did not answer.</source>
        <translation>Le serveur de connexion n’a pas répondu.</translation>
    </message>
    <message numerus="yes">
        <source>Sending %n message(s) that waited for the sign-in.</source>
        <extracomment>%n is a number of messages</extracomment>
        <translation>
            <numerusform>Envoi de %n message qui attendait la connexion.</numerusform>
            <numerusform>Envoi de %n messages qui attendaient la connexion.</numerusform>
        </translation>
    </message>
    <message>
        <source>Signing in was interrupted.</source>
        <translation>La connexion a été interrompue.</translation>
    </message>
    <message>
        <source>Save without signing in to the server first (the password or the OAuth 2.0 sign-in is not tried there).</source>
        <translation>Enregistrer sans se connecter d’abord au serveur (le mot de passe ou la connexion OAuth 2.0 n’y est pas essayé).</translation>
    </message>
    <message>
        <source>Saved without signing in to the mail server (--no-verify): the sign-in was not tried there.</source>
        <translation>Enregistré sans connexion au serveur de messagerie (--no-verify)&#xa0;: la connexion n’y a pas été essayée.</translation>
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
        <translation>Utilisation&#xa0;: outpost [OPTION]... [mailto:URL]
              outpost COMMANDE [ARGUMENTS]...
Rédiger et envoyer des courriels.

Sans argument, ouvre la fenêtre de rédaction. Une URL mailto: l’ouvre
préremplie.

Commandes&#xa0;:
  send                 mettre un message en file d’attente et l’envoyer
  outbox list|flush|retry|remove|mark-sent|send-again
                       consulter la boîte d’envoi et agir sur son contenu
  account add|set|list|test|login|remove
                       gérer les comptes d’envoi (add trouve le serveur
                       à partir de l’adresse si --host est absent&#xa0;;
                       login reconnecte avec OAuth 2.0)
  autoconfig ADRESSE   trouver le serveur sortant d’une adresse, et pourquoi
  contacts import|list|export
                       le carnet d’adresses&#xa0;: importer des fichiers vCard
                       ou CSV, lister les contacts, les exporter en vCard 4.0
  compose [--to A] [--cc A] [--bcc A] [--subject S] [--body T] [--attach F]
                       ouvrir une fenêtre de rédaction préremplie
  accounts             ouvrir la fenêtre des comptes
Chaque commande accepte --help.

Options&#xa0;:
  -h, --help       afficher cette aide et quitter
  -v, --version    afficher la version et quitter

Le code de sortie suit sysexits.h&#xa0;: 0 succès, 64 erreur d’utilisation,
65 données incorrectes, 66 fichier d’entrée illisible, 67 adresse de
destinataire inconnue, 69 non envoyé (retenu ou en échec), 70 erreur
interne, 73 écriture impossible, 75 pas encore envoyé (en file d’attente
ou différé), 78 erreur de configuration (compte inexistant).
</translation>
    </message>
    <message>
        <source>Exit status 130: interrupted (Ctrl-C or SIGTERM while signing in; nothing is saved).
</source>
        <translation>Code de sortie 130&#xa0;: interrompu (Ctrl-C ou SIGTERM pendant la connexion&#xa0;; rien n’est enregistré).
</translation>
    </message>
    <message>
        <source>Copy filed in %1</source>
        <extracomment>%1 is the IMAP folder</extracomment>
        <translation>Copie classée dans %1</translation>
    </message>
    <message>
        <source>Copy to be filed in Sent</source>
        <translation>Copie à classer dans Envoyés</translation>
    </message>
    <message>
        <source>Copy not filed yet (%1); next try at %2</source>
        <translation>Copie pas encore classée (%1)&#xa0;; prochain essai à %2</translation>
    </message>
    <message>
        <source>No copy in Sent: %1</source>
        <translation>Pas de copie dans Envoyés&#xa0;: %1</translation>
    </message>
    <message>
        <source>Copy failed: %1 &apos;outpost outbox retry-copy --create-folder&apos; creates it.</source>
        <translation>Échec de la copie&#xa0;: %1 &apos;outpost outbox retry-copy --create-folder&apos; le crée.</translation>
    </message>
    <message>
        <source>Copy failed: %1</source>
        <translation>Échec de la copie&#xa0;: %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a sent message in the outbox.</source>
        <translation>&apos;%1&apos; n’est pas un message envoyé de la boîte d’envoi.</translation>
    </message>
    <message>
        <source>The state of the copy cannot be read.</source>
        <translation>L’état de la copie ne peut pas être lu.</translation>
    </message>
    <message>
        <source>Send what is due and return, without a summary, when this message is sent or waits for a reason; deferred messages keep their time.</source>
        <translation>Envoie ce qui est dû et rend la main, sans résumé, quand ce message est envoyé ou attend pour une raison&#xa0;; les messages différés gardent leur heure.</translation>
    </message>
    <message>
        <source>Create the Sent folder if the server has none.</source>
        <translation>Créer le dossier Envoyés si le serveur n’en a pas.</translation>
    </message>
    <message>
        <source>The sent message, as &apos;outpost outbox list&apos; shows it.</source>
        <translation>Le message envoyé, tel que &apos;outpost outbox list&apos; l’affiche.</translation>
    </message>
    <message>
        <source>Usage: outpost outbox list [--json] | flush [--wait] | retry ID | remove ID |
                      mark-sent ID | send-again ID | retry-copy [--create-folder] ID
</source>
        <translation>Utilisation&#xa0;: outpost outbox list [--json] | flush [--wait] | retry ID |
                             remove ID | mark-sent ID | send-again ID | retry-copy [--create-folder] ID
</translation>
    </message>
    <message>
        <source>IMAP server for the Sent copy: %1:%2 (%3) [%4]</source>
        <translation>Serveur IMAP pour la copie dans Envoyés&#xa0;: %1:%2 (%3) [%4]</translation>
    </message>
    <message>
        <source>No IMAP server found for the Sent copy.</source>
        <translation>Aucun serveur IMAP trouvé pour la copie dans Envoyés.</translation>
    </message>
    <message>
        <source>--save-sent must be auto, always or never</source>
        <translation>--save-sent doit valoir auto, always ou never</translation>
    </message>
    <message>
        <source>--%1 needs --imap-host</source>
        <translation>--%1 demande --imap-host</translation>
    </message>
    <message>
        <source>--imap-security must be tls or starttls</source>
        <translation>--imap-security doit valoir tls ou starttls</translation>
    </message>
    <message>
        <source>--imap-port must be a number between 1 and 65535</source>
        <translation>--imap-port doit être un nombre compris entre 1 et 65535</translation>
    </message>
    <message>
        <source>Incoming (IMAP) server, used to save a copy of each sent message in Sent.</source>
        <translation>Serveur entrant (IMAP), pour ranger une copie de chaque message envoyé dans Envoyés.</translation>
    </message>
    <message>
        <source>IMAP port (default 993 for tls, 143 for starttls).</source>
        <translation>Port IMAP (par défaut 993 pour tls, 143 pour starttls).</translation>
    </message>
    <message>
        <source>tls (default) or starttls for the IMAP server.</source>
        <translation>tls (par défaut) ou starttls pour le serveur IMAP.</translation>
    </message>
    <message>
        <source>IMAP user name (default: the one for sending).</source>
        <translation>Nom d’utilisateur IMAP (par défaut&#xa0;: celui de l’envoi).</translation>
    </message>
    <message>
        <source>Save a copy of sent messages in Sent: auto (default; not where the provider files one itself), always or never.</source>
        <translation>Ranger une copie des messages envoyés dans Envoyés&#xa0;: auto (par défaut&#xa0;; pas là où le fournisseur en range une lui-même), always ou never.</translation>
    </message>
    <message>
        <source>IMAP %1</source>
        <translation>IMAP %1</translation>
    </message>
    <message>
        <source>IMAP %1, user %2</source>
        <translation>IMAP %1, utilisateur %2</translation>
    </message>
    <message>
        <source>Save a copy in Sent: %1. %2</source>
        <extracomment>%1 is auto, always or never; %2 says whether a copy is saved and why</extracomment>
        <translation>Copie dans Envoyés&#xa0;: %1. %2</translation>
    </message>
    <message>
        <source>The IMAP server %1 was found through an unauthenticated source; it is not used without --yes (or give --imap-host).</source>
        <translation>Le serveur IMAP %1 a été trouvé par une source non authentifiée&#xa0;; il n&apos;est pas utilisé sans --yes (ou indiquez --imap-host).</translation>
    </message>
    <message>
        <source>Copies of sent messages go to %1:%2 (IMAP).</source>
        <translation>Les copies des messages envoyés vont à %1:%2 (IMAP).</translation>
    </message>
    <message>
        <source>An image the HTML shows as cid:ID; repeatable.</source>
        <translation>Une image que le HTML affiche en cid:ID&#xa0;; répétable.</translation>
    </message>
    <message>
        <source>ID=FILE</source>
        <translation>ID=FICHIER</translation>
    </message>
    <message>
        <source>an inline image must look like &quot;ID=FILE&quot;: &apos;%1&apos;</source>
        <translation>une image dans le texte doit avoir la forme «&#xa0;ID=FICHIER&#xa0;»&#xa0;: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>give either --imap-host or --no-imap</source>
        <translation>donnez soit --imap-host, soit --no-imap</translation>
    </message>
    <message>
        <source>nothing to change: give --imap-host, --no-imap or --save-sent</source>
        <translation>rien à modifier&#xa0;: donnez --imap-host, --no-imap ou --save-sent</translation>
    </message>
    <message>
        <source>Changed account %1</source>
        <translation>Compte %1 modifié</translation>
    </message>
    <message>
        <source>The account to change.</source>
        <translation>Le compte à modifier.</translation>
    </message>
    <message>
        <source>Remove the IMAP server: no copy in Sent.</source>
        <translation>Retirer le serveur IMAP&#xa0;: pas de copie dans Envoyés.</translation>
    </message>
    <message>
        <source>Usage: outpost account add --email ADDRESS [--host HOST ...] [--auth oauth2]
                           [--imap-host HOST ...] [--save-sent auto|always|never] |
                       set NAME [--imap-host HOST ... | --no-imap] [--save-sent MODE] |
                       list [--json] | test NAME [--json] | login NAME | remove NAME
</source>
        <translation>Utilisation&#xa0;: outpost account add --email ADRESSE [--host HÔTE ...] [--auth oauth2]
                           [--imap-host HÔTE ...] [--save-sent auto|always|never] |
                       set NOM [--imap-host HÔTE ... | --no-imap] [--save-sent MODE] |
                       list [--json] | test NOM [--json] | login NOM | remove NOM
</translation>
    </message>
    <message>
        <source>outpost: another Outpost holds the outbox and did not answer; it sends the messages when it can.</source>
        <translation>outpost&#xa0;: une autre instance d’Outpost tient la boîte d’envoi et n’a pas répondu&#xa0;; elle enverra les messages dès qu’elle le pourra.</translation>
    </message>
</context>
<context>
    <name>CliContacts</name>
    <message numerus="yes">
        <source>%n new contact(s)</source>
        <translation>
            <numerusform>%n nouveau contact</numerusform>
            <numerusform>%n nouveaux contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n merged into existing ones</source>
        <translation>
            <numerusform>%n fusionné avec un contact existant</numerusform>
            <numerusform>%n fusionnés avec des contacts existants</numerusform>
        </translation>
    </message>
    <message>
        <source>[%1]</source>
        <extracomment>after a contact in `outpost contacts list`; %1 is a list of groups</extracomment>
        <translation>[%1]</translation>
    </message>
    <message>
        <source>give exactly one file (see &apos;outpost contacts %1 --help&apos;)</source>
        <translation>indiquez exactement un fichier (voir «&#xa0;outpost contacts %1 --help&#xa0;»)</translation>
    </message>
    <message>
        <source>&apos;outpost contacts %1&apos; takes no file</source>
        <translation>«&#xa0;outpost contacts %1&#xa0;» ne prend pas de fichier</translation>
    </message>
    <message>
        <source>A vCard (.vcf) or CSV file exported from another address book.</source>
        <translation>Un fichier vCard (.vcf) ou CSV exporté d’un autre carnet d’adresses.</translation>
    </message>
    <message>
        <source>Machine-readable output: every contact and what happened to it.</source>
        <translation>Sortie lisible par une machine&#xa0;: chaque contact et ce qu’il en est advenu.</translation>
    </message>
    <message>
        <source>Show what would be imported; change nothing.</source>
        <translation>Montrer ce qui serait importé&#xa0;; ne rien changer.</translation>
    </message>
    <message>
        <source>%1 (merged into %2)</source>
        <extracomment>%1 is an imported contact, %2 the contact already in the book it joins</extracomment>
        <translation>%1 (fusionné avec %2)</translation>
    </message>
    <message>
        <source>Would import from %1:</source>
        <extracomment>%1 is a file name; the sentence continues with the numbers of added and merged contacts</extracomment>
        <translation>Importerait depuis %1&#xa0;:</translation>
    </message>
    <message>
        <source>Imported from %1:</source>
        <translation>Importé depuis %1&#xa0;:</translation>
    </message>
    <message>
        <source>Nothing was changed (--dry-run).</source>
        <translation>Rien n’a été modifié (--dry-run).</translation>
    </message>
    <message>
        <source>Machine-readable output: every field of every contact.</source>
        <translation>Sortie lisible par une machine&#xa0;: chaque champ de chaque contact.</translation>
    </message>
    <message>
        <source>The vCard 4.0 file to write, or - for standard output.</source>
        <translation>Le fichier vCard 4.0 à écrire, ou - pour la sortie standard.</translation>
    </message>
    <message>
        <source>Usage: outpost contacts import FILE [--json] [--dry-run]
       outpost contacts list [--json]
       outpost contacts export FILE
Import vCard or CSV files exported from other address books, list the
contacts, export them as vCard 4.0. Each command has --help.
</source>
        <translation>Usage&#xa0;: outpost contacts import FICHIER [--json] [--dry-run]
        outpost contacts list [--json]
        outpost contacts export FICHIER
Importer des fichiers vCard ou CSV exportés d’autres carnets d’adresses,
lister les contacts, les exporter en vCard 4.0. Chaque commande accepte --help.
</translation>
    </message>
    <message>
        <source>contacts: say import, list or export (see &apos;outpost contacts --help&apos;)</source>
        <translation>contacts&#xa0;: indiquez import, list ou export (voir «&#xa0;outpost contacts --help&#xa0;»)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n contact(s) to %1.</source>
        <extracomment>%1 is a file name</extracomment>
        <translation>
            <numerusform>%n contact exporté vers %1.</numerusform>
            <numerusform>%n contacts exportés vers %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Contacts</name>
    <message>
        <source>The file cannot be read: %1</source>
        <extracomment>%1 is the system&apos;s reason</extracomment>
        <translation>Le fichier ne peut pas être lu&#xa0;: %1</translation>
    </message>
    <message>
        <source>The file is too large for an address book; nothing was imported.</source>
        <translation>Le fichier est trop volumineux pour un carnet d’adresses&#xa0;; rien n’a été importé.</translation>
    </message>
    <message>
        <source>your contacts</source>
        <translation>vos contacts</translation>
    </message>
    <message>
        <source>a contact has no identifier</source>
        <translation>un contact n’a pas d’identifiant</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <extracomment>%1 is a line number, %2 what is wrong there</extracomment>
        <translation>ligne %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The file cannot be imported; nothing was imported. %1</source>
        <translation>Le fichier ne peut pas être importé&#xa0;; rien n’a été importé. %1</translation>
    </message>
    <message>
        <source>a quoted field is never closed</source>
        <translation>un champ entre guillemets n’est jamais fermé</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>le fichier est vide</translation>
    </message>
    <message>
        <source>no column of names or e-mail addresses (the first line must name the columns)</source>
        <translation>aucune colonne de noms ou d’adresses e-mail (la première ligne doit nommer les colonnes)</translation>
    </message>
    <message>
        <source>%1 fields where the first line names %2</source>
        <extracomment>%1 and %2 are numbers</extracomment>
        <translation>%1 champs là où la première ligne en nomme %2</translation>
    </message>
    <message>
        <source>“%1” is not an e-mail address</source>
        <extracomment>%1 is what the file gives as an e-mail address</extracomment>
        <translation>«&#xa0;%1&#xa0;» n’est pas une adresse e-mail</translation>
    </message>
    <message>
        <source>there is no contact in this file</source>
        <translation>ce fichier ne contient aucun contact</translation>
    </message>
    <message>
        <source>this is not a vCard property (NAME:value)</source>
        <translation>ce n’est pas une propriété vCard (NOM:valeur)</translation>
    </message>
    <message>
        <source>BEGIN of something other than a vCard</source>
        <translation>BEGIN d’autre chose qu’une vCard</translation>
    </message>
    <message>
        <source>a vCard begins inside another one (END:VCARD missing before)</source>
        <translation>une vCard commence à l’intérieur d’une autre (END:VCARD manque avant)</translation>
    </message>
    <message>
        <source>a property outside BEGIN:VCARD and END:VCARD</source>
        <translation>une propriété hors de BEGIN:VCARD et END:VCARD</translation>
    </message>
    <message>
        <source>this vCard has no END:VCARD</source>
        <translation>cette vCard n’a pas de END:VCARD</translation>
    </message>
    <message>
        <source>there is no vCard in this file</source>
        <translation>ce fichier ne contient aucune vCard</translation>
    </message>
    <message>
        <source>broken quoted-printable encoding</source>
        <translation>encodage quoted-printable défectueux</translation>
    </message>
    <message>
        <source>text in an unknown character set (%1)</source>
        <extracomment>%1 is a character set name such as ISO-8859-2</extracomment>
        <translation>texte dans un jeu de caractères inconnu (%1)</translation>
    </message>
    <message>
        <source>vCard version %1 is not one this reads (2.1, 3.0, 4.0)</source>
        <extracomment>%1 is a version number such as 5.0</extracomment>
        <translation>la version vCard %1 n’est pas lue (seulement 2.1, 3.0, 4.0)</translation>
    </message>
    <message>
        <source>this vCard has no VERSION</source>
        <translation>cette vCard n’a pas de VERSION</translation>
    </message>
    <message>
        <source>this vCard has neither a name nor an e-mail address</source>
        <translation>cette vCard n’a ni nom ni adresse e-mail</translation>
    </message>
    <message numerus="yes">
        <source>(and %n more)</source>
        <extracomment>after a list of problems in a file, those not listed</extracomment>
        <translation>
            <numerusform>(et %n autre)</numerusform>
            <numerusform>(et %n autres)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (group of %n)</source>
        <extracomment>a group of contacts in the recipient completion list; %1 is its name</extracomment>
        <translation>
            <numerusform>%1 (groupe de %n personne)</numerusform>
            <numerusform>%1 (groupe de %n personnes)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Core::ImapClient</name>
    <message>
        <source>The user name, password or folder name for the IMAP server contains a line break or a NUL character; nothing was sent.</source>
        <translation>Le nom d’utilisateur, le mot de passe ou le nom de dossier pour le serveur IMAP contient un saut de ligne ou un caractère NUL&#xa0;; rien n’a été envoyé.</translation>
    </message>
    <message>
        <source>The message&apos;s Message-ID contains a line break; it was not filed.</source>
        <translation>Le Message-ID du message contient un saut de ligne&#xa0;; il n’a pas été classé.</translation>
    </message>
    <message>
        <source>The IMAP server sent a response Outpost cannot read.</source>
        <translation>Le serveur IMAP a envoyé une réponse qu’Outpost ne sait pas lire.</translation>
    </message>
    <message>
        <source>Filing the copy was cancelled.</source>
        <translation>Le classement de la copie a été annulé.</translation>
    </message>
    <message>
        <source>The IMAP server asked for data Outpost did not announce.</source>
        <translation>Le serveur IMAP a demandé des données qu’Outpost n’avait pas annoncées.</translation>
    </message>
    <message>
        <source>The IMAP server answered a command Outpost did not send.</source>
        <translation>Le serveur IMAP a répondu à une commande qu’Outpost n’a pas envoyée.</translation>
    </message>
    <message>
        <source>The IMAP server closed the session: %1</source>
        <translation>Le serveur IMAP a fermé la session&#xa0;: %1</translation>
    </message>
    <message>
        <source>The IMAP server %1 skipped encryption (PREAUTH), which this account requires.</source>
        <translation>Le serveur IMAP %1 a sauté le chiffrement (PREAUTH), que ce compte exige.</translation>
    </message>
    <message>
        <source>The IMAP server&apos;s greeting was not valid.</source>
        <translation>Le message d’accueil du serveur IMAP n’était pas valide.</translation>
    </message>
    <message>
        <source>Signing in to the IMAP server is temporarily not possible: %1</source>
        <translation>La connexion au serveur IMAP est temporairement impossible&#xa0;: %1</translation>
    </message>
    <message>
        <source>The IMAP server did not accept the user name or password: %1</source>
        <translation>Le serveur IMAP n’a pas accepté le nom d’utilisateur ou le mot de passe&#xa0;: %1</translation>
    </message>
    <message>
        <source>The IMAP server sent an answer out of turn.</source>
        <translation>Le serveur IMAP a répondu hors de propos.</translation>
    </message>
    <message>
        <source>The server %1 is no IMAP4rev1 server.</source>
        <translation>Le serveur %1 n’est pas un serveur IMAP4rev1.</translation>
    </message>
    <message>
        <source>%1 does not offer encryption (STARTTLS), which this account requires; nothing was sent.</source>
        <translation>%1 ne propose pas le chiffrement (STARTTLS) que ce compte exige&#xa0;; rien n’a été envoyé.</translation>
    </message>
    <message>
        <source>The IMAP server offers no sign-in method Outpost can use safely (%1).</source>
        <translation>Le serveur IMAP ne propose aucune méthode de connexion qu’Outpost puisse utiliser en toute sécurité (%1).</translation>
    </message>
    <message>
        <source>The connection to %1 is not encrypted, so the password was not sent.</source>
        <translation>La connexion à %1 n’est pas chiffrée, le mot de passe n’a donc pas été envoyé.</translation>
    </message>
    <message>
        <source>The IMAP server could not prove that it knows the password.</source>
        <translation>Le serveur IMAP n’a pas pu prouver qu’il connaît le mot de passe.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist on the IMAP server.</source>
        <translation>Le dossier %1 n’existe pas sur le serveur IMAP.</translation>
    </message>
    <message>
        <source>The message (%1 bytes) is larger than the IMAP server accepts (%2 bytes).</source>
        <translation>Le message (%1 octets) est plus grand que ce qu’accepte le serveur IMAP (%2 octets).</translation>
    </message>
    <message>
        <source>The certificate of the IMAP server %1 has changed.</source>
        <translation>Le certificat du serveur IMAP %1 a changé.</translation>
    </message>
    <message>
        <source>The certificate of the IMAP server %1 is not trusted.</source>
        <translation>Le certificat du serveur IMAP %1 n’est pas approuvé.</translation>
    </message>
    <message>
        <source>Encryption with the IMAP server %1 failed: %2</source>
        <translation>Le chiffrement avec le serveur IMAP %1 a échoué&#xa0;: %2</translation>
    </message>
    <message>
        <source>The IMAP server %1 did not answer in time.</source>
        <translation>Le serveur IMAP %1 n’a pas répondu à temps.</translation>
    </message>
    <message>
        <source>The connection to the IMAP server %1 failed: %2</source>
        <translation>La connexion au serveur IMAP %1 a échoué&#xa0;: %2</translation>
    </message>
    <message>
        <source>The IMAP server refused to list its capabilities: %1</source>
        <translation>Le serveur IMAP a refusé d’indiquer ses capacités&#xa0;: %1</translation>
    </message>
    <message>
        <source>The IMAP server refused to start encryption (STARTTLS): %1</source>
        <translation>Le serveur IMAP a refusé de démarrer le chiffrement (STARTTLS)&#xa0;: %1</translation>
    </message>
    <message>
        <source>The IMAP server refused to list the folders: %1</source>
        <translation>Le serveur IMAP a refusé de lister les dossiers&#xa0;: %1</translation>
    </message>
    <message>
        <source>The IMAP server refused to create the folder: %1</source>
        <translation>Le serveur IMAP a refusé de créer le dossier&#xa0;: %1</translation>
    </message>
    <message>
        <source>The IMAP server refused to open the folder: %1</source>
        <translation>Le serveur IMAP a refusé d’ouvrir le dossier&#xa0;: %1</translation>
    </message>
    <message>
        <source>The IMAP server refused to search the folder: %1</source>
        <translation>Le serveur IMAP a refusé de chercher dans le dossier&#xa0;: %1</translation>
    </message>
    <message>
        <source>The IMAP server refused to file the message: %1</source>
        <translation>Le serveur IMAP a refusé de classer le message&#xa0;: %1</translation>
    </message>
    <message>
        <source>The IMAP server did not accept the account&apos;s sign-in permission (OAuth 2.0): %1</source>
        <translation>Le serveur IMAP n’a pas accepté l’autorisation de connexion du compte (OAuth 2.0)&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Core::SentCopyStep</name>
    <message>
        <source>The account this message was sent from no longer exists.</source>
        <translation>Le compte depuis lequel ce message a été envoyé n’existe plus.</translation>
    </message>
    <message>
        <source>The sent message is no longer kept, so no copy can be filed.</source>
        <translation>Le message envoyé n’est plus conservé, aucune copie ne peut donc être classée.</translation>
    </message>
    <message>
        <source>The account does not keep copies of sent messages.</source>
        <translation>Le compte ne garde pas de copie des messages envoyés.</translation>
    </message>
    <message>
        <source>The account has no IMAP server.</source>
        <translation>Le compte n’a pas de serveur IMAP.</translation>
    </message>
    <message>
        <source>The provider files a copy in the Sent folder itself.</source>
        <translation>Le fournisseur classe lui-même une copie dans le dossier Envoyés.</translation>
    </message>
    <message>
        <source>There is no Sent folder (%1).</source>
        <extracomment>%1 is the folder&apos;s name</extracomment>
        <translation>Il n’y a pas de dossier Envoyés (%1).</translation>
    </message>
    <message numerus="yes">
        <source>Gave up filing the copy after %n day(s): %1</source>
        <extracomment>%n is how many days Outpost kept trying, %1 the last error</extracomment>
        <translation>
            <numerusform>Classement de la copie abandonné après %n jour&#xa0;: %1</numerusform>
            <numerusform>Classement de la copie abandonné après %n jours&#xa0;: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Drafts</name>
    <message>
        <source>The draft cannot be saved: the folder %1 cannot be created.</source>
        <translation>Le brouillon ne peut pas être enregistré&#xa0;: le dossier %1 ne peut pas être créé.</translation>
    </message>
</context>
<context>
    <name>Durable</name>
    <message>
        <source>Could not save “%1”: %2</source>
        <extracomment>%1 is a file name, %2 the system&apos;s reason (e.g. &quot;No space left on device&quot;)</extracomment>
        <translation>Impossible d’enregistrer «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <source>the file is not open</source>
        <translation>le fichier n’est pas ouvert</translation>
    </message>
    <message>
        <source>the file could not be renamed</source>
        <translation>le fichier n’a pas pu être renommé</translation>
    </message>
    <message>
        <source>the folder could not be created</source>
        <translation>le dossier n’a pas pu être créé</translation>
    </message>
</context>
<context>
    <name>FileLock</name>
    <message>
        <source>the lock file keeps disappearing</source>
        <translation>le fichier de verrou ne cesse de disparaître</translation>
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
        <translation>Sans chiffrement</translation>
    </message>
    <message>
        <source>Add Account</source>
        <translation>Ajouter un compte</translation>
    </message>
    <message>
        <source>Your mail account</source>
        <translation>Votre compte de messagerie</translation>
    </message>
    <message>
        <source>Outpost finds the outgoing server from your address and checks it before anything is saved.</source>
        <translation>Outpost trouve le serveur sortant à partir de votre adresse et le vérifie avant d’enregistrer quoi que ce soit.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>Adresse électronique</translation>
    </message>
    <message>
        <source>name@example.org</source>
        <translation>nom@example.org</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Let my provider&apos;s own configuration server see my address (HTTPS only)</source>
        <translation>Communiquer mon adresse au propre serveur de configuration de mon fournisseur (HTTPS uniquement)</translation>
    </message>
    <message>
        <source>Also consider servers without encryption (not recommended)</source>
        <translation>Prendre aussi en compte les serveurs sans chiffrement (déconseillé)</translation>
    </message>
    <message>
        <source>Your na&amp;me:</source>
        <translation>Votre &amp;nom&#xa0;:</translation>
    </message>
    <message>
        <source>E-mail &amp;address:</source>
        <translation>&amp;Adresse électronique&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Mot &amp;de passe&#xa0;:</translation>
    </message>
    <message>
        <source>Your password is sent only to the server you confirm, and only over an encrypted connection. It is kept in the system keychain.</source>
        <translation>Votre mot de passe n’est envoyé qu’au serveur que vous confirmez, et uniquement par une connexion chiffrée. Il est conservé dans le trousseau de clés du système.</translation>
    </message>
    <message>
        <source>Looking for your server</source>
        <translation>Recherche de votre serveur</translation>
    </message>
    <message>
        <source>Asking your provider, Thunderbird&apos;s provider database and DNS at the same time.</source>
        <translation>Interrogation simultanée de votre fournisseur, de la base de données des fournisseurs de Thunderbird et du DNS.</translation>
    </message>
    <message>
        <source>Searching</source>
        <translation>Recherche en cours</translation>
    </message>
    <message>
        <source>What Outpost is checking</source>
        <translation>Ce qu’Outpost vérifie</translation>
    </message>
    <message>
        <source>%1 s  %2</source>
        <translation>%1&#xa0;s  %2</translation>
    </message>
    <message>
        <source>Outgoing server</source>
        <translation>Serveur sortant</translation>
    </message>
    <message>
        <source>Servers found</source>
        <translation>Serveurs trouvés</translation>
    </message>
    <message>
        <source>&amp;Edit Settings…</source>
        <translation>Mo&amp;difier les paramètres…</translation>
    </message>
    <message>
        <source>Se&amp;rver:</source>
        <translation>Se&amp;rveur&#xa0;:</translation>
    </message>
    <message>
        <source>No usable server was found.</source>
        <translation>Aucun serveur utilisable n’a été trouvé.</translation>
    </message>
    <message>
        <source>Enter the settings from your provider&apos;s help pages with “Edit Settings”.</source>
        <translation>Saisissez les paramètres indiqués dans les pages d’aide de votre fournisseur via «&#xa0;Modifier les paramètres&#xa0;».</translation>
    </message>
    <message>
        <source>%1, port %2, %3 — user name %4</source>
        <translation>%1, port %2, %3 — nom d’utilisateur %4</translation>
    </message>
    <message>
        <source>I checked that %1 is my provider&apos;s server</source>
        <translation>J’ai vérifié que %1 est bien le serveur de mon fournisseur</translation>
    </message>
    <message>
        <source>%1:%2 (%3) — from %4</source>
        <translation>%1:%2 (%3) — source&#xa0;: %4</translation>
    </message>
    <message>
        <source>Server settings</source>
        <translation>Paramètres du serveur</translation>
    </message>
    <message>
        <source>Your provider&apos;s help pages list these as “SMTP” or “outgoing mail”.</source>
        <translation>Les pages d’aide de votre fournisseur les présentent sous «&#xa0;SMTP&#xa0;» ou «&#xa0;courrier sortant&#xa0;».</translation>
    </message>
    <message>
        <source>&amp;Re-test</source>
        <translation>Tester à &amp;nouveau</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>Se&amp;rveur&#xa0;:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Encryption:</source>
        <translation>&amp;Chiffrement&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nom d’&amp;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>Testing %1:%2…</source>
        <translation>Test de %1:%2…</translation>
    </message>
    <message>
        <source>The test failed: %1</source>
        <translation>Le test a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>The server answered without encryption.</source>
        <translation>Le serveur a répondu sans chiffrement.</translation>
    </message>
    <message>
        <source>The server answered with %1.</source>
        <translation>Le serveur a répondu avec %1.</translation>
    </message>
    <message>
        <source>Certificate for %1, issued by %2.</source>
        <translation>Certificat pour %1, émis par %2.</translation>
    </message>
    <message>
        <source>Sign-in methods: %1.</source>
        <translation>Méthodes d’authentification&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <source>Outpost signs in once to make sure sending will work. No message is sent.</source>
        <translation>Outpost s’authentifie une fois pour s’assurer que l’envoi fonctionnera. Aucun message n’est envoyé.</translation>
    </message>
    <message>
        <source>&amp;Try Again</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <source>Signing in to %1 as %2…</source>
        <translation>Authentification auprès de %1 en tant que %2…</translation>
    </message>
    <message>
        <source>Signed in successfully as %1.</source>
        <translation>Authentification réussie en tant que %1.</translation>
    </message>
    <message>
        <source>The server said: %1</source>
        <translation>Réponse du serveur&#xa0;: %1</translation>
    </message>
    <message>
        <source>How you appear</source>
        <translation>Votre identité</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>Your name as &amp;recipients see it:</source>
        <translation>Votre nom tel que le voient les &amp;destinataires&#xa0;:</translation>
    </message>
    <message>
        <source>Si&amp;gnature:</source>
        <translation>Si&amp;gnature&#xa0;:</translation>
    </message>
    <message>
        <source>Manual &amp;Setup</source>
        <translation>Configuration &amp;manuelle</translation>
    </message>
    <message>
        <source>None: the server accepts mail without signing in</source>
        <translation>Aucune&#xa0;: le serveur accepte les messages sans connexion</translation>
    </message>
    <message>
        <source>S&amp;ign-in:</source>
        <translation>Co&amp;nnexion&#xa0;:</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>%1 answered. Outpost will send through it without signing in.</source>
        <translation>%1 a répondu. Outpost enverra par ce serveur sans connexion.</translation>
    </message>
    <message>
        <source>%1 could not be used: %2</source>
        <translation>%1 ne peut pas être utilisé&#xa0;: %2</translation>
    </message>
    <message>
        <source>Account na&amp;me:</source>
        <translation>No&amp;m du compte&#xa0;:</translation>
    </message>
    <message>
        <source>Outpost could not find your settings.</source>
        <translation>Outpost n’a pas trouvé vos paramètres.</translation>
    </message>
    <message>
        <source>No server for %1 could be confirmed. Check that this computer is online, or enter the settings from your provider&apos;s help pages with “Edit Settings”.</source>
        <translation>Aucun serveur n’a pu être confirmé pour %1. Vérifiez que cet ordinateur est en ligne, ou saisissez les paramètres indiqués dans l’aide de votre fournisseur avec «&#xa0;Modifier les paramètres&#xa0;».</translation>
    </message>
    <message>
        <source>%1:%2 — %3</source>
        <translation>%1:%2 — %3</translation>
    </message>
    <message>
        <source>not usable</source>
        <translation>inutilisable</translation>
    </message>
    <message>
        <source>Tried:</source>
        <translation>Essayés&#xa0;:</translation>
    </message>
    <message>
        <source>You sign in with your provider in your browser (OAuth 2.0); Outpost never sees your password.</source>
        <translation>Vous vous connectez auprès de votre fournisseur dans votre navigateur (OAuth 2.0)&#xa0;; Outpost ne voit jamais votre mot de passe.</translation>
    </message>
    <message>
        <source>OAuth 2.0: sign in with your provider in the browser</source>
        <translation>OAuth 2.0&#xa0;: connexion auprès du fournisseur dans le navigateur</translation>
    </message>
    <message>
        <source>%1 signed you in but gave Outpost no lasting permission (no refresh token), so it could not send later. Nothing was saved.</source>
        <translation>%1 vous a connecté mais n’a donné à Outpost aucune autorisation durable (pas de jeton d’actualisation)&#xa0;; il ne pourrait pas envoyer plus tard. Rien n’a été enregistré.</translation>
    </message>
    <message>
        <source>%1 signs in with OAuth 2.0 through %2.</source>
        <extracomment>%1 is a server name, %2 a provider such as &quot;Google&quot;</extracomment>
        <translation>%1 se connecte avec OAuth 2.0 via %2.</translation>
    </message>
    <message>
        <source>No incoming (IMAP) server was found. Enter it to keep a copy of what you send in your Sent folder, or leave it empty.</source>
        <translation>Aucun serveur de réception (IMAP) n&apos;a été trouvé. Indiquez-le pour garder une copie de ce que vous envoyez dans le dossier Envoyés, ou laissez le champ vide.</translation>
    </message>
    <message>
        <source>Found: %1.</source>
        <extracomment>%1 is where the server was found, e.g. &quot;the provider&apos;s configuration server&quot;</extracomment>
        <translation>Trouvé&#xa0;: %1.</translation>
    </message>
    <message>
        <source>I checked that %1 is my provider&apos;s incoming server</source>
        <translation>J&apos;ai vérifié que %1 est le serveur de réception de mon fournisseur</translation>
    </message>
    <message>
        <source>Copy of sent messages</source>
        <translation>Copie des messages envoyés</translation>
    </message>
    <message>
        <source>IMAP server</source>
        <translation>Serveur IMAP</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>IMAP port</source>
        <translation>Port IMAP</translation>
    </message>
    <message>
        <source>IMAP encryption</source>
        <translation>Chiffrement IMAP</translation>
    </message>
    <message>
        <source>IMAP user name</source>
        <translation>Nom d&apos;utilisateur IMAP</translation>
    </message>
    <message>
        <source>the same as for sending</source>
        <translation>le même que pour l&apos;envoi</translation>
    </message>
    <message>
        <source>Save a copy of sent messages</source>
        <translation>Enregistrer une copie des messages envoyés</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatique</translation>
    </message>
    <message>
        <source>Always</source>
        <translation>Toujours</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>Save a cop&amp;y of sent messages:</source>
        <translation>Enregistrer une cop&amp;ie des messages envoyés&#xa0;:</translation>
    </message>
    <message>
        <source>IMAP ser&amp;ver:</source>
        <translation>Ser&amp;veur IMAP&#xa0;:</translation>
    </message>
    <message>
        <source>IMAP por&amp;t:</source>
        <translation>Por&amp;t IMAP&#xa0;:</translation>
    </message>
    <message>
        <source>IMAP user na&amp;me:</source>
        <translation>No&amp;m d&apos;utilisateur IMAP&#xa0;:</translation>
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
        <translation>sans chiffrement</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Make &amp;Default</source>
        <translation>Définir par &amp;défaut</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>&amp;Tester la connexion</translation>
    </message>
    <message>
        <source>Connection test report</source>
        <translation>Rapport du test de connexion</translation>
    </message>
    <message>
        <source>Test Connection signs in to the server, sends nothing, and reports here what it found.</source>
        <translation>«&#xa0;Tester la connexion&#xa0;» s’authentifie auprès du serveur, n’envoie rien et affiche ici ce qui a été constaté.</translation>
    </message>
    <message>
        <source>%1 — %2
%3:%4, %5</source>
        <extracomment>an account in the list: %1 name, %2 address, %3 server, %4 port, %5 encryption</extracomment>
        <translation>%1 — %2
%3:%4, %5</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(par défaut)</translation>
    </message>
    <message>
        <source>Edit Account</source>
        <translation>Modifier le compte</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Ser&amp;ver:</source>
        <translation>&amp;Serveur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Encryption:</source>
        <translation>&amp;Chiffrement&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nom d’&amp;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>Your name as &amp;recipients see it:</source>
        <translation>Votre nom tel que le voient les &amp;destinataires&#xa0;:</translation>
    </message>
    <message>
        <source>Si&amp;gnature:</source>
        <translation>Si&amp;gnature&#xa0;:</translation>
    </message>
    <message>
        <source>Remove Account</source>
        <translation>Supprimer le compte</translation>
    </message>
    <message>
        <source>Remove the account “%1”? Its password is deleted from the keychain. Messages already in the outbox for it stay there.</source>
        <translation>Voulez-vous supprimer le compte «&#xa0;%1&#xa0;»&#x202f;? Son mot de passe sera supprimé du trousseau de clés. Les messages déjà placés dans la boîte d’envoi pour ce compte y resteront.</translation>
    </message>
    <message>
        <source>Testing %1 (%2:%3, %4)…</source>
        <translation>Test de %1 (%2:%3, %4)…</translation>
    </message>
    <message>
        <source>Connected.</source>
        <translation>Connecté.</translation>
    </message>
    <message>
        <source>Connected and signed in.</source>
        <translation>Connecté et authentifié.</translation>
    </message>
    <message>
        <source>Encryption: %1</source>
        <translation>Chiffrement&#xa0;: %1</translation>
    </message>
    <message>
        <source>Encryption: none — anyone on the network can read what is sent</source>
        <translation>Chiffrement&#xa0;: aucun — toute personne sur le réseau peut lire ce qui est envoyé</translation>
    </message>
    <message>
        <source>Certificate: %1, issued by %2, valid until %3</source>
        <translation>Certificat&#xa0;: %1, émis par %2, valable jusqu’au %3</translation>
    </message>
    <message>
        <source>SHA-256: %1</source>
        <translation>SHA-256&#xa0;: %1</translation>
    </message>
    <message>
        <source>Sign-in: %1 (offered: %2)</source>
        <translation>Authentification&#xa0;: %1 (méthodes proposées&#xa0;: %2)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Extensions: %1</source>
        <translation>Extensions&#xa0;: %1</translation>
    </message>
    <message>
        <source>Largest message: %1</source>
        <translation>Taille maximale des messages&#xa0;: %1</translation>
    </message>
    <message>
        <source>Largest message: not announced</source>
        <translation>Taille maximale des messages&#xa0;: non annoncée</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec&#xa0;: %1</translation>
    </message>
    <message>
        <source>The server said: %1 %2</source>
        <translation>Réponse du serveur&#xa0;: %1 %2</translation>
    </message>
    <message>
        <source>Trusted the certificate %1 for %2:%3; testing again.</source>
        <translation>Le certificat %1 est désormais approuvé pour %2:%3&#x202f;; nouveau test en cours.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>None: the server accepts mail without signing in</source>
        <translation>Aucune&#xa0;: le serveur accepte les messages sans connexion</translation>
    </message>
    <message>
        <source>OAuth 2.0</source>
        <translation>OAuth 2.0</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>inchangé</translation>
    </message>
    <message>
        <source>S&amp;ign-in:</source>
        <translation>Conne&amp;xion&#xa0;:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>Enter the password for signing in.</source>
        <translation>Saisissez le mot de passe pour la connexion.</translation>
    </message>
    <message>
        <source>OAuth 2.0 (%1)</source>
        <extracomment>how an account signs in; %1 is a provider such as &quot;Google&quot;</extracomment>
        <translation>OAuth 2.0 (%1)</translation>
    </message>
    <message>
        <source>Sign &amp;In Again</source>
        <translation>Se &amp;reconnecter</translation>
    </message>
    <message>
        <source>Sign in with the provider in your browser (OAuth 2.0 accounts)</source>
        <translation>Se connecter auprès du fournisseur dans votre navigateur (comptes OAuth 2.0)</translation>
    </message>
    <message>
        <source>Remove the account “%1”? Its permission to send is withdrawn at the provider and deleted from the keychain. Messages already in the outbox for it stay there.</source>
        <translation>Supprimer le compte «&#xa0;%1&#xa0;»&#xa0;? Son autorisation d’envoi est retirée auprès du fournisseur et supprimée du trousseau. Les messages déjà dans la boîte d’envoi pour ce compte y restent.</translation>
    </message>
    <message>
        <source>IMAP %1:%2, %3</source>
        <extracomment>the account&apos;s IMAP server for the Sent copy: %1 server, %2 port, %3 encryption</extracomment>
        <translation>IMAP %1:%2, %3</translation>
    </message>
    <message>
        <source>Testing the IMAP server for copies of sent messages (%1:%2, %3)…</source>
        <extracomment>the account&apos;s IMAP server for the Sent copy: %1 server, %2 port, %3 encryption</extracomment>
        <translation>Test du serveur IMAP des copies des messages envoyés (%1:%2, %3)…</translation>
    </message>
    <message>
        <source>IMAP: signed in; copies of sent messages go to the folder “%1”.</source>
        <translation>IMAP&#xa0;: connecté&#xa0;; les copies des messages envoyés vont dans le dossier «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>IMAP: signed in; there is no Sent folder yet (%1). Outpost asks you before it creates one.</source>
        <translation>IMAP&#xa0;: connecté&#xa0;; il n’y a pas encore de dossier des messages envoyés (%1). Outpost vous demandera avant d’en créer un.</translation>
    </message>
    <message>
        <source>IMAP failed: %1</source>
        <translation>Échec IMAP&#xa0;: %1</translation>
    </message>
    <message>
        <source>The IMAP server said: %1</source>
        <translation>Le serveur IMAP a répondu&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Gui::CertificateDialog</name>
    <message>
        <source>Server Certificate Changed</source>
        <translation>Certificat du serveur modifié</translation>
    </message>
    <message>
        <source>Untrusted Server Certificate</source>
        <translation>Certificat de serveur non approuvé</translation>
    </message>
    <message>
        <source>The certificate of %1 is not the one you trusted before. Someone may be intercepting your connection. Do not continue unless your provider told you that it changed.</source>
        <translation>Le certificat de %1 n’est pas celui auquel vous faisiez confiance jusqu’ici. Quelqu’un intercepte peut-être votre connexion. Ne continuez que si votre fournisseur vous a informé de ce changement.</translation>
    </message>
    <message>
        <source>Outpost could not verify that this server is %1. Its certificate is shown below; trust it only if you know it is right (for example, your company&apos;s own server).</source>
        <translation>Outpost n’a pas pu vérifier que ce serveur est bien %1. Son certificat est affiché ci-dessous&#x202f;; ne lui faites confiance que si vous savez qu’il est correct (par exemple, pour le propre serveur de votre entreprise).</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Serveur&#xa0;:</translation>
    </message>
    <message>
        <source>Issued to:</source>
        <translation>Émis pour&#xa0;:</translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation>Émis par&#xa0;:</translation>
    </message>
    <message>
        <source>Valid:</source>
        <extracomment>validity period of a certificate: %1 start, %2 end</extracomment>
        <translation>Validité&#xa0;:</translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation>du %1 au %2</translation>
    </message>
    <message>
        <source>Names:</source>
        <translation>Noms&#xa0;:</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation>Empreinte SHA-256&#xa0;:</translation>
    </message>
    <message>
        <source>It differs from the certificate you trusted for this server.</source>
        <translation>Il diffère du certificat auquel vous faisiez confiance pour ce serveur.</translation>
    </message>
    <message>
        <source>Problem:</source>
        <translation>Problème&#xa0;:</translation>
    </message>
    <message>
        <source>My provider confirmed this new fingerprint</source>
        <translation>Mon fournisseur a confirmé cette nouvelle empreinte</translation>
    </message>
    <message>
        <source>&amp;Trust This Certificate for This Server</source>
        <translation>&amp;Faire confiance à ce certificat pour ce serveur</translation>
    </message>
</context>
<context>
    <name>Gui::ComposerWindow</name>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Envoyer</translation>
    </message>
    <message>
        <source>Send the message (Ctrl+Return)</source>
        <translation>Envoyer le message (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Compose</source>
        <translation>Rédaction</translation>
    </message>
    <message>
        <source>No account configured</source>
        <translation>Aucun compte configuré</translation>
    </message>
    <message>
        <source>name@example.org, another@example.org</source>
        <translation>nom@example.org, autre@example.org</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;À&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Cc:</source>
        <translation>&amp;Cc&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Bcc:</source>
        <translation>Cc&amp;i&#xa0;:</translation>
    </message>
    <message>
        <source>S&amp;ubject:</source>
        <translation>&amp;Objet&#xa0;:</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>New Message — Outpost</source>
        <extracomment>Window title of the composer; %1 is the message subject</extracomment>
        <translation>Nouveau message — Outpost</translation>
    </message>
    <message>
        <source>%1 — Outpost</source>
        <translation>%1 — Outpost</translation>
    </message>
    <message>
        <source>&amp;Outbox</source>
        <translation>&amp;Boîte d’envoi</translation>
    </message>
    <message>
        <source>Show the messages that are queued, waiting or need attention</source>
        <translation>Afficher les messages en file d’attente, en attente ou qui requièrent votre attention</translation>
    </message>
    <message>
        <source>Add &amp;Account…</source>
        <translation>Ajouter un co&amp;mpte…</translation>
    </message>
    <message>
        <source>Set up an account to send from</source>
        <translation>Configurer un compte d’envoi</translation>
    </message>
    <message>
        <source>Attac&amp;h…</source>
        <translation>&amp;Joindre…</translation>
    </message>
    <message>
        <source>Attach files (Ctrl+Shift+A), or drop them on this window</source>
        <translation>Joindre des fichiers (Ctrl+Maj+A) ou les déposer sur cette fenêtre</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Pièces jointes</translation>
    </message>
    <message>
        <source>Press Delete to remove the selected attachment</source>
        <translation>Appuyez sur Suppr pour retirer la pièce jointe sélectionnée</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>An attachment in the list: %1 is the file name, %2 its size (&quot;1.2 MB&quot;)</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Not attached (not a readable file): %1</source>
        <extracomment>%1 lists file names</extracomment>
        <translation>Non joint (fichier illisible)&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n attachment(s), %1 in total</source>
        <translation>
            <numerusform>%n pièce jointe, %1 au total</numerusform>
            <numerusform>%n pièces jointes, %1 au total</numerusform>
        </translation>
    </message>
    <message>
        <source>larger than your server accepts (%1): it will be refused</source>
        <extracomment>%1 is the server&apos;s message size limit (&quot;25 MB&quot;)</extracomment>
        <translation>plus volumineux que ce qu’accepte votre serveur (%1)&#xa0;: le message sera refusé</translation>
    </message>
    <message>
        <source>Attach Files</source>
        <translation>Joindre des fichiers</translation>
    </message>
    <message>
        <source>attach|attached|attachment|attaching|enclosed</source>
        <extracomment>Words that mean &quot;I attached something&quot;, separated by |, matched at the start of words in the message text (not in quoted lines). Add your language&apos;s words; keep the English ones.</extracomment>
        <translation>pièce jointe|pièces jointes|joint|ci-joint|annex|pj</translation>
    </message>
    <message>
        <source>Send without an attachment?</source>
        <translation>Envoyer sans pièce jointe&#x202f;?</translation>
    </message>
    <message>
        <source>The message mentions an attachment, but nothing is attached.</source>
        <translation>Le message mentionne une pièce jointe, mais rien n’est joint.</translation>
    </message>
    <message>
        <source>&amp;Attach Files…</source>
        <translation>&amp;Joindre des fichiers…</translation>
    </message>
    <message>
        <source>&amp;Send Anyway</source>
        <translation>&amp;Envoyer quand même</translation>
    </message>
    <message>
        <source>Keep this message?</source>
        <translation>Conserver ce message&#x202f;?</translation>
    </message>
    <message>
        <source>The message has not been sent. Save it as a draft, to be offered again when Outpost starts?</source>
        <translation>Le message n’a pas été envoyé. Voulez-vous l’enregistrer comme brouillon, pour qu’il vous soit de nouveau proposé au prochain démarrage d’Outpost&#x202f;?</translation>
    </message>
    <message>
        <source>Accou&amp;nts…</source>
        <translation>Com&amp;ptes…</translation>
    </message>
    <message>
        <source>Edit, test or remove your accounts</source>
        <translation>Modifier, tester ou supprimer vos comptes</translation>
    </message>
    <message>
        <source>Queuing the message…</source>
        <translation>Mise en file d’attente du message…</translation>
    </message>
    <message>
        <source>Send &amp;Later…</source>
        <translation>En&amp;voyer plus tard…</translation>
    </message>
    <message>
        <source>Choose when the message is sent (Ctrl+Shift+Return)</source>
        <translation>Choisir quand le message sera envoyé (Ctrl+Maj+Entrée)</translation>
    </message>
    <message>
        <source>Save &amp;Draft</source>
        <translation>Enregistrer le bro&amp;uillon</translation>
    </message>
    <message>
        <source>Draft saved. It is offered again when Outpost starts.</source>
        <translation>Brouillon enregistré. Il vous sera de nouveau proposé au prochain démarrage d’Outpost.</translation>
    </message>
    <message>
        <source>Rich Te&amp;xt</source>
        <translation>Mise en &amp;forme</translation>
    </message>
    <message>
        <source>Format the text (sent with a plain-text copy for every reader)</source>
        <translation>Mettre le texte en forme (envoyé avec une copie en texte brut pour tous les lecteurs)</translation>
    </message>
    <message>
        <source>Message text (formatted)</source>
        <translation>Texte du message (mis en forme)</translation>
    </message>
    <message>
        <source>Send Later</source>
        <translation>Envoyer plus tard</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>&amp;Mettre en file d’attente</translation>
    </message>
    <message>
        <source>Send &amp;at:</source>
        <translation>&amp;Envoyer le&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Co&amp;uper</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>C&amp;oller</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Tout sélectionner</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <source>&amp;Insert</source>
        <translation>Inser&amp;tion</translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation>For&amp;mat</translation>
    </message>
    <message>
        <source>O&amp;ptions</source>
        <translation>O&amp;ptions</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About Outpost</source>
        <translation>&amp;À propos d’Outpost</translation>
    </message>
    <message>
        <source>About Outpost</source>
        <translation>À propos d’Outpost</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Outpost&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;A mail composer: it gets your message to your provider, now or when the network is back, and tells you what happened.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Outpost&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Un rédacteur de courriels : il remet votre message à votre fournisseur, tout de suite ou dès le retour du réseau, et vous dit ce qui s’est passé.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>Texte du message</translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s)</source>
        <translation>
            <numerusform>%n destinataire</numerusform>
            <numerusform>%n destinataires</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove the formatting?</source>
        <translation>Supprimer la mise en forme&#xa0;?</translation>
    </message>
    <message>
        <source>Plain text keeps the words; bold, italics, lists, links and colours are removed. Turning rich text on again brings them back as long as the text has not changed.</source>
        <translation>Le texte brut garde les mots ; gras, italique, listes, liens et couleurs sont supprimés. Réactiver le texte mis en forme les rétablit tant que le texte n’a pas changé.</translation>
    </message>
    <message>
        <source>&amp;Remove Formatting</source>
        <translation>&amp;Supprimer la mise en forme</translation>
    </message>
    <message>
        <source>Send without a subject?</source>
        <translation>Envoyer sans objet&#xa0;?</translation>
    </message>
    <message>
        <source>The message has no subject. Recipients may overlook it or take it for spam.</source>
        <translation>Le message n’a pas d’objet. Les destinataires risquent de l’ignorer ou de le prendre pour un spam.</translation>
    </message>
    <message>
        <source>&amp;Add a Subject</source>
        <translation>&amp;Ajouter un objet</translation>
    </message>
    <message>
        <source>The message has changed since you saved it. Save the changes to the draft?</source>
        <translation>Le message a changé depuis son enregistrement. Enregistrer les modifications dans le brouillon&#xa0;?</translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation>D&amp;e&#xa0;:</translation>
    </message>
    <message>
        <source>That time has passed. Choose a time in the future.</source>
        <translation>Ce moment est passé. Choisissez un moment dans le futur.</translation>
    </message>
    <message>
        <source>Send with spelling mistakes?</source>
        <translation>Envoyer avec des fautes d’orthographe&#xa0;?</translation>
    </message>
    <message numerus="yes">
        <source>%n word(s) may be misspelled: %1</source>
        <extracomment>%1 lists the first few words</extracomment>
        <translation>
            <numerusform>%n mot est peut-être mal orthographié&#xa0;: %1</numerusform>
            <numerusform>%n mots sont peut-être mal orthographiés&#xa0;: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Relire</translation>
    </message>
    <message>
        <source>&amp;Contacts…</source>
        <translation>&amp;Contacts…</translation>
    </message>
    <message>
        <source>With its images the message is larger than your server accepts (%1): it will be refused.</source>
        <translation>Avec ses images, le message dépasse ce que votre serveur accepte (%1)&#xa0;: il sera refusé.</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) could not be recovered and appear as their names in the text: %1</source>
        <translation>
            <numerusform>%n image n’a pas pu être récupérée et apparaît sous son nom dans le texte&#xa0;: %1</numerusform>
            <numerusform>%n images n’ont pas pu être récupérées et apparaissent sous leur nom dans le texte&#xa0;: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gui::ContactPicker</name>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Name, nickname, address or group</source>
        <translation>Nom, surnom, adresse ou groupe</translation>
    </message>
    <message>
        <source>Search contacts</source>
        <translation>Rechercher des contacts</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>All contacts</source>
        <translation>Tous les contacts</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Rechercher&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Groupe&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <extracomment>adds the selected contacts to the To field</extracomment>
        <translation>&amp;À</translation>
    </message>
    <message>
        <source>&amp;Cc</source>
        <extracomment>adds the selected contacts to the Cc field</extracomment>
        <translation>&amp;Cc</translation>
    </message>
    <message>
        <source>&amp;Bcc</source>
        <extracomment>adds the selected contacts to the Bcc field</extracomment>
        <translation>Cc&amp;i</translation>
    </message>
    <message>
        <source>Add to To</source>
        <translation>Ajouter à «&#xa0;À&#xa0;»</translation>
    </message>
    <message>
        <source>Add to Cc</source>
        <translation>Ajouter à «&#xa0;Cc&#xa0;»</translation>
    </message>
    <message>
        <source>Add to Bcc</source>
        <translation>Ajouter à «&#xa0;Cci&#xa0;»</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>Gui::FormatBar</name>
    <message>
        <source>Red</source>
        <translation>Rouge</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>Orange</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Vert</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>Bleu</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>Violet</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>Gris</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Gras</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>Italique</translation>
    </message>
    <message>
        <source>Underline</source>
        <translation>Souligné</translation>
    </message>
    <message>
        <source>Strikethrough</source>
        <translation>Barré</translation>
    </message>
    <message>
        <source>Bulleted List</source>
        <translation>Liste à puces</translation>
    </message>
    <message>
        <source>Numbered List</source>
        <translation>Liste numérotée</translation>
    </message>
    <message>
        <source>Outdent</source>
        <translation>Diminuer le retrait</translation>
    </message>
    <message>
        <source>Indent</source>
        <translation>Augmenter le retrait</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Citation</translation>
    </message>
    <message>
        <source>Link…</source>
        <translation>Lien…</translation>
    </message>
    <message>
        <source>Remove Formatting</source>
        <translation>Supprimer la mise en forme</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Text &amp;Colour</source>
        <translation>&amp;Couleur du texte</translation>
    </message>
    <message>
        <source>&amp;Default</source>
        <translation>Par &amp;défaut</translation>
    </message>
    <message>
        <source>Text colour</source>
        <translation>Couleur du texte</translation>
    </message>
    <message>
        <source>Text Colour</source>
        <translation>Couleur du texte</translation>
    </message>
    <message>
        <source>Text &amp;Size</source>
        <translation>&amp;Taille du texte</translation>
    </message>
    <message>
        <source>S&amp;maller</source>
        <translation>Plus pet&amp;it</translation>
    </message>
    <message>
        <source>&amp;Larger</source>
        <translation>Plus gran&amp;d</translation>
    </message>
    <message>
        <source>&amp;Small</source>
        <translation>&amp;Petite</translation>
    </message>
    <message>
        <source>&amp;Normal</source>
        <translation>&amp;Normale</translation>
    </message>
    <message>
        <source>L&amp;arge</source>
        <translation>&amp;Grande</translation>
    </message>
    <message>
        <source>&amp;Huge</source>
        <translation>&amp;Très grande</translation>
    </message>
    <message>
        <source>Text size (smaller Ctrl+&lt;, larger Ctrl+&gt;)</source>
        <translation>Taille du texte (plus petit Ctrl+&lt;, plus grand Ctrl+&gt;)</translation>
    </message>
    <message>
        <source>Text Size</source>
        <translation>Taille du texte</translation>
    </message>
</context>
<context>
    <name>Gui::InlineImageEditor</name>
    <message>
        <source>The image “%1” cannot be put into the text; attach it instead.</source>
        <extracomment>%1 is a file name</extracomment>
        <translation>L’image «&#xa0;%1&#xa0;» ne peut pas être placée dans le texte&#xa0;; joignez-la plutôt.</translation>
    </message>
    <message>
        <source>image%1.%2</source>
        <extracomment>The file name of a pasted picture; %1 is a number, %2 the extension (png)</extracomment>
        <translation>image%1.%2</translation>
    </message>
    <message>
        <source>“%1” is not an image that can be shown in the text.</source>
        <extracomment>%1 is a file name</extracomment>
        <translation>«&#xa0;%1&#xa0;» n’est pas une image qui peut être affichée dans le texte.</translation>
    </message>
    <message>
        <source>The image “%1” is large (%2): it is sent as it is, which may be slow or refused by the recipient&apos;s server.</source>
        <extracomment>%1 is a file name, %2 its size (&quot;12 MB&quot;)</extracomment>
        <translation>L’image «&#xa0;%1&#xa0;» est volumineuse (%2)&#xa0;: elle est envoyée telle quelle, ce qui peut être lent ou refusé par le serveur du destinataire.</translation>
    </message>
</context>
<context>
    <name>Gui::LinkDialog</name>
    <message>
        <source>Edit Link</source>
        <translation>Modifier le lien</translation>
    </message>
    <message>
        <source>Insert Link</source>
        <translation>Insérer un lien</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
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
        <translation>&amp;Texte&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Remove Link</source>
        <translation>&amp;Supprimer le lien</translation>
    </message>
    <message>
        <source>A link goes to a web page (https://…), a mail address or a phone number (tel:…).</source>
        <translation>Un lien mène à une page web (https://…), à une adresse électronique ou à un numéro de téléphone (tel:…).</translation>
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
        <translation>&amp;Nouveau message</translation>
    </message>
    <message>
        <source>&amp;Outbox</source>
        <translation>&amp;Boîte d’envoi</translation>
    </message>
    <message>
        <source>&amp;Quit Outpost</source>
        <translation>&amp;Quitter Outpost</translation>
    </message>
    <message>
        <source>Show &amp;Outbox</source>
        <translation>Afficher la &amp;boîte d’envoi</translation>
    </message>
</context>
<context>
    <name>Gui::OAuthSignIn</name>
    <message>
        <source>Sign-in page</source>
        <translation>Page de connexion</translation>
    </message>
    <message>
        <source>Cop&amp;y Link</source>
        <translation>&amp;Copier le lien</translation>
    </message>
    <message>
        <source>Sign &amp;in with %1 in your browser</source>
        <extracomment>%1 is a provider such as &quot;Google&quot;</extracomment>
        <translation>Se connecter avec %1 dans le &amp;navigateur</translation>
    </message>
    <message>
        <source>Your browser opens %1&apos;s sign-in page. Outpost never sees your password there; it keeps only the permission to send, in the system keychain.</source>
        <translation>Votre navigateur ouvre la page de connexion de %1. Outpost n’y voit jamais votre mot de passe&#xa0;; il ne garde que l’autorisation d’envoyer, dans le trousseau du système.</translation>
    </message>
    <message>
        <source>Sign in with %1 in the browser window that opened, and allow Outpost to send mail. If no browser opened, open this link:</source>
        <extracomment>%1 is a provider such as &quot;Google&quot;</extracomment>
        <translation>Connectez-vous à %1 dans la fenêtre du navigateur qui s’est ouverte, et autorisez Outpost à envoyer du courrier. Si aucun navigateur ne s’est ouvert, ouvrez ce lien&#xa0;:</translation>
    </message>
    <message>
        <source>The sign-in was cancelled. Nothing was saved.</source>
        <translation>La connexion a été annulée. Rien n’a été enregistré.</translation>
    </message>
    <message>
        <source>The sign-in did not succeed.</source>
        <translation>La connexion n’a pas abouti.</translation>
    </message>
    <message>
        <source>Signed in with %1. Signing in to %2 as %3…</source>
        <extracomment>%1 is a server name, %2 a user name</extracomment>
        <translation>Connecté avec %1. Connexion à %2 en tant que %3…</translation>
    </message>
    <message>
        <source>%1 asks for no sign-in, so the permission could not be checked. Choose “None” as the sign-in method instead. Nothing was saved.</source>
        <translation>%1 ne demande aucune connexion, l’autorisation n’a donc pas pu être vérifiée. Choisissez plutôt «&#xa0;Aucune&#xa0;» comme mode de connexion. Rien n’a été enregistré.</translation>
    </message>
    <message>
        <source>Signed in successfully as %1 with %2.</source>
        <translation>Connecté avec succès en tant que %1 avec %2.</translation>
    </message>
    <message>
        <source>%1 did not accept the sign-in: %2</source>
        <translation>%1 n’a pas accepté la connexion&#xa0;: %2</translation>
    </message>
    <message>
        <source>The server said: %1</source>
        <translation>Le serveur a répondu&#xa0;: %1</translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation>Rien n’a été enregistré.</translation>
    </message>
    <message>
        <source>Cancel Si&amp;gn-in</source>
        <translation>&amp;Annuler la connexion</translation>
    </message>
</context>
<context>
    <name>Gui::OAuthSignInDialog</name>
    <message>
        <source>Sign In Again — %1</source>
        <extracomment>%1 is an account name</extracomment>
        <translation>Se reconnecter — %1</translation>
    </message>
    <message>
        <source>The permission to send from %1 has expired or was withdrawn. Its messages wait in the outbox until you sign in again.</source>
        <translation>L’autorisation d’envoyer depuis %1 a expiré ou a été retirée. Ses messages attendent dans la boîte d’envoi jusqu’à ce que vous vous reconnectiez.</translation>
    </message>
</context>
<context>
    <name>Gui::OutboxModel</name>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Planifié</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>En file d’attente</translation>
    </message>
    <message>
        <source>Sending %1 %</source>
        <translation>Envoi en cours&#xa0;: %1&#x202f;%</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Envoi en cours</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>May have been sent</source>
        <translation>Peut-être envoyé</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Action requise</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Non envoyé</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Endommagé</translation>
    </message>
    <message>
        <source>Sent %1</source>
        <translation>Envoyé le %1</translation>
    </message>
    <message>
        <source>Will be sent at %1</source>
        <translation>Sera envoyé le %1</translation>
    </message>
    <message>
        <source>%1 — next try at %2</source>
        <extracomment>%1 is the reason, %2 a time</extracomment>
        <translation>%1 — prochaine tentative le %2</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to be sent</source>
        <translation>
            <numerusform>%n message en attente d’envoi</numerusform>
            <numerusform>%n messages en attente d’envoi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n need(s) your attention</source>
        <translation>
            <numerusform>%n message requiert votre attention</numerusform>
            <numerusform>%n messages requièrent votre attention</numerusform>
        </translation>
    </message>
    <message>
        <source>copy in %1</source>
        <extracomment>%1 is the IMAP folder</extracomment>
        <translation>copie dans %1</translation>
    </message>
    <message>
        <source>copy to be filed in Sent</source>
        <translation>copie à classer dans Envoyés</translation>
    </message>
    <message>
        <source>copy not filed yet: %1</source>
        <translation>copie pas encore classée&#xa0;: %1</translation>
    </message>
    <message>
        <source>no copy in Sent: %1</source>
        <translation>pas de copie dans Envoyés&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Gui::OutboxWindow</name>
    <message>
        <source>Outbox — Outpost</source>
        <translation>Boîte d’envoi — Outpost</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Boîte d’envoi</translation>
    </message>
    <message>
        <source>Send &amp;Now</source>
        <translation>Envoyer &amp;maintenant</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <source>&amp;Mark as Sent</source>
        <translation>Marquer comme &amp;envoyé</translation>
    </message>
    <message>
        <source>Send &amp;Again</source>
        <translation>Re&amp;nvoyer</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Send this message again; its recipients may get it twice.</source>
        <translation>Renvoyer ce message&#x202f;; ses destinataires risquent de le recevoir deux fois.</translation>
    </message>
    <message>
        <source>Nothing waiting.</source>
        <translation>Aucun message en attente.</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>Mo&amp;difier</translation>
    </message>
    <message>
        <source>Take the message out of the outbox and open it in a composer</source>
        <translation>Retirer le message de la boîte d’envoi et l’ouvrir dans une fenêtre de rédaction</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>S&amp;ign In Again</source>
        <translation>Se re&amp;connecter</translation>
    </message>
    <message>
        <source>Sign in with the provider in your browser; the messages waiting for it go out</source>
        <translation>Se connecter auprès du fournisseur dans le navigateur&#xa0;; les messages qui l’attendent partent</translation>
    </message>
    <message>
        <source>&amp;Keep sent messages:</source>
        <translation>&amp;Conserver les messages envoyés&#xa0;:</translation>
    </message>
    <message>
        <source>After this time the text and attachments of sent messages are deleted; the record that they were sent stays.</source>
        <translation>Passé ce délai, le texte et les pièces jointes des messages envoyés sont supprimés&#xa0;; la trace de leur envoi reste.</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n jour</numerusform>
            <numerusform>%n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>For ever</source>
        <translation>Toujours</translation>
    </message>
    <message>
        <source>Retry &amp;Copy</source>
        <translation>Réessayer la &amp;copie</translation>
    </message>
    <message>
        <source>File the copy of the sent message in the Sent folder again; the message is not sent again.</source>
        <translation>Classer à nouveau la copie du message envoyé dans le dossier Envoyés&#xa0;; le message n’est pas renvoyé.</translation>
    </message>
    <message>
        <source>Create Folder and Retry &amp;Copy</source>
        <translation>Créer le dossier et réessayer la &amp;copie</translation>
    </message>
    <message>
        <source>Review Certificate and Retry &amp;Copy…</source>
        <translation>Examiner le certificat et réessayer la &amp;copie…</translation>
    </message>
</context>
<context>
    <name>Gui::SendToast</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>Outpost</source>
        <translation>Outpost</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message numerus="yes">
        <source>“%1” is queued and will be sent in %n second(s).</source>
        <extracomment>%1 is a subject; the number of seconds before sending starts</extracomment>
        <translation>
            <numerusform>«&#xa0;%1&#xa0;» est dans la boîte d’envoi et sera envoyé dans %n seconde.</numerusform>
            <numerusform>«&#xa0;%1&#xa0;» est dans la boîte d’envoi et sera envoyé dans %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” is queued.</source>
        <translation>«&#xa0;%1&#xa0;» est dans la boîte d’envoi.</translation>
    </message>
    <message>
        <source>Sending “%1”… %2 %</source>
        <extracomment>%1 is a subject, %2 a percentage</extracomment>
        <translation>Envoi de «&#xa0;%1&#xa0;»… %2&#x202f;%</translation>
    </message>
    <message>
        <source>“%1” was sent.</source>
        <translation>«&#xa0;%1&#xa0;» a été envoyé.</translation>
    </message>
    <message>
        <source>“%1” is not sent yet: %2 Outpost keeps trying.</source>
        <extracomment>%1 is a subject, %2 the reason</extracomment>
        <translation>«&#xa0;%1&#xa0;» n’est pas encore envoyé&#xa0;: %2 Outpost continue d’essayer.</translation>
    </message>
    <message>
        <source>“%1” was not sent: %2</source>
        <translation>«&#xa0;%1&#xa0;» n’a pas été envoyé&#xa0;: %2</translation>
    </message>
    <message>
        <source>“%1” will be sent at %2. The outbox has it until then.</source>
        <extracomment>%1 is a subject, %2 a date and time</extracomment>
        <translation>«&#xa0;%1&#xa0;» sera envoyé le %2 et reste d’ici là dans la boîte d’envoi.</translation>
    </message>
    <message>
        <source>Take the message back (Ctrl+Z)</source>
        <translation>Reprendre le message (Ctrl+Z)</translation>
    </message>
</context>
<context>
    <name>Gui::SentCopyBox</name>
    <message>
        <source>Incoming server (IMAP) for the Sent copy</source>
        <translation>Serveur entrant (IMAP) pour la copie dans Envoyés</translation>
    </message>
    <message>
        <source>IMAP server</source>
        <translation>Serveur IMAP</translation>
    </message>
    <message>
        <source>none: no copy in Sent</source>
        <translation>aucun&#xa0;: pas de copie dans Envoyés</translation>
    </message>
    <message>
        <source>IMAP port</source>
        <translation>Port IMAP</translation>
    </message>
    <message>
        <source>IMAP encryption</source>
        <translation>Chiffrement IMAP</translation>
    </message>
    <message>
        <source>IMAP user name</source>
        <translation>Nom d’utilisateur IMAP</translation>
    </message>
    <message>
        <source>same as sending</source>
        <translation>le même que pour l’envoi</translation>
    </message>
    <message>
        <source>Save a copy of sent messages</source>
        <translation>Ranger une copie des messages envoyés</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatique</translation>
    </message>
    <message>
        <source>Always</source>
        <translation>Toujours</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>I&amp;MAP server:</source>
        <translation>Serveur &amp;IMAP&#xa0;:</translation>
    </message>
    <message>
        <source>IMAP p&amp;ort:</source>
        <translation>P&amp;ort IMAP&#xa0;:</translation>
    </message>
    <message>
        <source>IMAP user n&amp;ame:</source>
        <translation>Nom d’u&amp;tilisateur IMAP&#xa0;:</translation>
    </message>
    <message>
        <source>Save a cop&amp;y of sent messages:</source>
        <translation>Ranger une copie des messages en&amp;voyés&#xa0;:</translation>
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
        <translation>sans chiffrement</translation>
    </message>
</context>
<context>
    <name>Gui::SignatureEditor</name>
    <message>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
</context>
<context>
    <name>Gui::SpellController</name>
    <message>
        <source>Spelling &amp;Language</source>
        <translation>&amp;Langue de l’orthographe</translation>
    </message>
    <message>
        <source>Check Spelling While &amp;Typing</source>
        <translation>Vérifier l’orthographe pendant la &amp;frappe</translation>
    </message>
    <message>
        <source>Check Spelling &amp;Before Sending</source>
        <translation>Vérifier l’orthographe avant l’&amp;envoi</translation>
    </message>
    <message>
        <source>No Dictionaries Installed</source>
        <translation>Aucun dictionnaire installé</translation>
    </message>
    <message>
        <source>No dictionary</source>
        <translation>Aucun dictionnaire</translation>
    </message>
    <message>
        <source>Spelling language: %1</source>
        <extracomment>Accessible name of the status bar&apos;s language button; %1 is the language (&quot;Deutsch&quot;)</extracomment>
        <translation>Langue de l’orthographe&#xa0;: %1</translation>
    </message>
    <message>
        <source>No dictionary is installed for spell checking.</source>
        <translation>Aucun dictionnaire n’est installé pour la vérification orthographique.</translation>
    </message>
    <message>
        <source>Spell checking while typing is off.</source>
        <translation>La vérification orthographique pendant la frappe est désactivée.</translation>
    </message>
    <message>
        <source>Checking spelling…</source>
        <translation>Vérification de l’orthographe…</translation>
    </message>
    <message>
        <source>No misspelled words.</source>
        <translation>Aucun mot mal orthographié.</translation>
    </message>
    <message numerus="yes">
        <source>%n misspelled word(s).</source>
        <translation>
            <numerusform>%n mot mal orthographié.</numerusform>
            <numerusform>%n mots mal orthographiés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Spelling language. %1</source>
        <extracomment>Tool tip of the spelling language in the status bar; %1 says how the check stands</extracomment>
        <translation>Langue de l’orthographe. %1</translation>
    </message>
</context>
<context>
    <name>Gui::SpellHighlighter</name>
    <message>
        <source>No Suggestions</source>
        <translation>Aucune suggestion</translation>
    </message>
    <message>
        <source>Add to &amp;Dictionary</source>
        <translation>Ajouter au &amp;dictionnaire</translation>
    </message>
    <message>
        <source>&amp;Ignore</source>
        <extracomment>Accepts the word&apos;s spelling in this message only</extracomment>
        <translation>I&amp;gnorer</translation>
    </message>
</context>
<context>
    <name>Keychain</name>
    <message>
        <source>No password is saved for this account.</source>
        <translation>Aucun mot de passe n’est enregistré pour ce compte.</translation>
    </message>
    <message>
        <source>Access to the password store was denied (%1).</source>
        <translation>L’accès au gestionnaire de mots de passe a été refusé (%1).</translation>
    </message>
    <message>
        <source>The system password store (keychain) is not available: %1. Outpost keeps passwords only there, never in a file. Start your desktop&apos;s password store (on Linux a Secret Service such as GNOME Keyring, KWallet or KeePassXC), or enter the password each time you send.</source>
        <extracomment>%1 is the keychain library&apos;s own message</extracomment>
        <translation>Le gestionnaire de mots de passe du système (trousseau de clés) n’est pas disponible&#xa0;: %1. Outpost conserve les mots de passe uniquement à cet endroit, jamais dans un fichier. Démarrez le gestionnaire de mots de passe de votre environnement de bureau (sous Linux, un service Secret Service tel que GNOME Keyring, KWallet ou KeePassXC), ou saisissez le mot de passe à chaque envoi.</translation>
    </message>
    <message>
        <source>The system password store did not answer in time. If it asks to be unlocked, unlock it, then try again.</source>
        <translation>Le gestionnaire de mots de passe du système n’a pas répondu à temps. S’il demande à être déverrouillé, déverrouillez-le, puis réessayez.</translation>
    </message>
</context>
<context>
    <name>MessageHtml</name>
    <message>
        <source>[image: %1]</source>
        <extracomment>How an image in the text shows in the plain-text copy; %1 is its file name</extracomment>
        <translation>[image&#xa0;: %1]</translation>
    </message>
</context>
<context>
    <name>Mime</name>
    <message>
        <source>“%1” is not a valid e-mail address.</source>
        <extracomment>%1 is what the user typed as an e-mail address</extracomment>
        <translation>«&#xa0;%1&#xa0;» n’est pas une adresse électronique valide.</translation>
    </message>
    <message>
        <source>The field contains a line break or a NUL character, which a message header cannot carry.</source>
        <translation>Le champ contient un saut de ligne ou un caractère NUL, ce qu’un en-tête de message ne peut pas contenir.</translation>
    </message>
    <message>
        <source>The field contains a control character, which a message header cannot carry.</source>
        <translation>Le champ contient un caractère de contrôle, qu’un en-tête de message ne peut pas contenir.</translation>
    </message>
    <message>
        <source>The attachment “%1” cannot be read.</source>
        <extracomment>%1 is a file name</extracomment>
        <translation>La pièce jointe «&#xa0;%1&#xa0;» ne peut pas être lue.</translation>
    </message>
    <message>
        <source>Choose the address to send from.</source>
        <translation>Choisissez l’adresse d’expédition.</translation>
    </message>
    <message>
        <source>Add at least one recipient.</source>
        <translation>Ajoutez au moins un destinataire.</translation>
    </message>
    <message>
        <source>“%1” is not a valid message identifier.</source>
        <extracomment>%1 is a message identifier such as &lt;abc@example.org&gt;</extracomment>
        <translation>«&#xa0;%1&#xa0;» n’est pas un identifiant de message valide.</translation>
    </message>
    <message>
        <source>“%1” is not a valid header name.</source>
        <extracomment>%1 is a header name the user supplied</extracomment>
        <translation>«&#xa0;%1&#xa0;» n’est pas un nom d’en-tête valide.</translation>
    </message>
    <message>
        <source>The header “%1” is set by Outpost and cannot be added.</source>
        <translation>L’en-tête «&#xa0;%1&#xa0;» est défini par Outpost et ne peut pas être ajouté.</translation>
    </message>
    <message>
        <source>An attachment has no file name.</source>
        <translation>Une pièce jointe n’a pas de nom de fichier.</translation>
    </message>
    <message>
        <source>“%1” is not a valid content type.</source>
        <extracomment>%1 is a MIME type such as image/png</extracomment>
        <translation>«&#xa0;%1&#xa0;» n’est pas un type de contenu valide.</translation>
    </message>
    <message>
        <source>The message could not be written.</source>
        <translation>Le message n’a pas pu être écrit.</translation>
    </message>
    <message>
        <source>The message could not be written: %1</source>
        <extracomment>%1 is the system&apos;s reason, e.g. &quot;No space left on device&quot;</extracomment>
        <translation>Le message n’a pas pu être écrit&#xa0;: %1</translation>
    </message>
    <message>
        <source>Outpost produced a malformed message (%1); nothing was sent.</source>
        <translation>Outpost a produit un message mal formé (%1)&#x202f;; rien n’a été envoyé.</translation>
    </message>
    <message>
        <source>The message could not be built: %1</source>
        <translation>Le message n’a pas pu être construit&#xa0;: %1</translation>
    </message>
    <message>
        <source>The message&apos;s header is not valid: %1.</source>
        <extracomment>%1 explains what is wrong</extracomment>
        <translation>L’en-tête du message n’est pas valide&#xa0;: %1.</translation>
    </message>
    <message>
        <source>The message is empty.</source>
        <translation>Le message est vide.</translation>
    </message>
    <message>
        <source>This is not a mailto: link.</source>
        <translation>Ce n’est pas un lien «&#xa0;mailto:&#xa0;».</translation>
    </message>
    <message>
        <source>Images in the text need the formatted (HTML) text.</source>
        <translation>Les images dans le texte demandent le texte mis en forme (HTML).</translation>
    </message>
    <message>
        <source>“%1” is not a valid or unique image identifier.</source>
        <extracomment>%1 is an identifier such as abc@example.org</extracomment>
        <translation>«&#xa0;%1&#xa0;» n’est pas un identifiant d’image valide ou unique.</translation>
    </message>
</context>
<context>
    <name>Notifications</name>
    <message>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <source>%1 (%2 %3 %4)</source>
        <extracomment>%1 the explanation, %2 reply code, %3 enhanced code, %4 the server&apos;s text</extracomment>
        <translation>%1 (%2 %3 %4)</translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <translation>Pas encore envoyé</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>“%1” was sent after %2.</source>
        <translation>«&#xa0;%1&#xa0;» a été envoyé après %2.</translation>
    </message>
    <message>
        <source>Gave up sending</source>
        <translation>Envoi abandonné</translation>
    </message>
    <message>
        <source>“%1” could not be sent: %2</source>
        <translation>«&#xa0;%1&#xa0;» n’a pas pu être envoyé&#xa0;: %2</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Non envoyé</translation>
    </message>
    <message>
        <source>“%1” was refused: %2</source>
        <translation>«&#xa0;%1&#xa0;» a été refusé&#xa0;: %2</translation>
    </message>
    <message>
        <source>Your message needs attention</source>
        <translation>Votre message requiert votre attention</translation>
    </message>
    <message>
        <source>May have been sent</source>
        <translation>Peut-être envoyé</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Échec de l’authentification</translation>
    </message>
    <message>
        <source>A recipient was refused</source>
        <translation>Un destinataire a été refusé</translation>
    </message>
    <message>
        <source>“%1”: %2</source>
        <translation>«&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <source>A queued message was damaged</source>
        <translation>Un message de la boîte d’envoi était endommagé</translation>
    </message>
    <message>
        <source>A queued message could not be read and was set aside; it will not be sent.</source>
        <translation>Un message de la boîte d’envoi n’a pas pu être lu et a été mis de côté&#x202f;; il ne sera pas envoyé.</translation>
    </message>
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
            <numerusform>%n heure</numerusform>
            <numerusform>%n heures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <extracomment>A duration, used in &quot;“%1” has been waiting for %2&quot; and &quot;“%1” was sent after %2.&quot;</extracomment>
        <translation>
            <numerusform>%n jour</numerusform>
            <numerusform>%n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” has been waiting for %2: %3 Outpost keeps trying.</source>
        <extracomment>%1 is a subject, %2 a duration such as &quot;45 minutes&quot;, %3 the reason</extracomment>
        <translation>«&#xa0;%1&#xa0;» attend depuis %2&#xa0;: %3 Outpost continue d’essayer.</translation>
    </message>
    <message>
        <source>Sent, but no copy in the Sent folder</source>
        <translation>Envoyé, mais pas de copie dans le dossier Envoyés</translation>
    </message>
    <message>
        <source>“%1” was sent. %2 The Outbox window can try again.</source>
        <extracomment>%1 is the message&apos;s subject, %2 why its copy could not be filed</extracomment>
        <translation>«&#xa0;%1&#xa0;» a été envoyé. %2 La fenêtre Boîte d’envoi permet de réessayer.</translation>
    </message>
</context>
<context>
    <name>OAuth</name>
    <message>
        <source>Signed in — Outpost</source>
        <translation>Connecté — Outpost</translation>
    </message>
    <message>
        <source>Not signed in — Outpost</source>
        <translation>Non connecté — Outpost</translation>
    </message>
    <message>
        <source>You are signed in.</source>
        <translation>Vous êtes connecté.</translation>
    </message>
    <message>
        <source>The sign-in did not work.</source>
        <translation>La connexion n’a pas abouti.</translation>
    </message>
    <message>
        <source>You can close this window and go back to Outpost.</source>
        <translation>Vous pouvez fermer cette fenêtre et revenir à Outpost.</translation>
    </message>
    <message>
        <source>The sign-in was not completed in time. Nothing was saved; please try again.</source>
        <translation>La connexion n’a pas été terminée à temps. Rien n’a été enregistré&#xa0;; veuillez réessayer.</translation>
    </message>
    <message>
        <source>The provider&apos;s sign-in addresses are not usable (they must use https).</source>
        <translation>Les adresses de connexion du fournisseur ne sont pas utilisables (elles doivent utiliser https).</translation>
    </message>
    <message>
        <source>Outpost could not wait for the browser&apos;s answer: %1</source>
        <extracomment>%1 is the system&apos;s explanation</extracomment>
        <translation>Outpost n’a pas pu attendre la réponse du navigateur&#xa0;: %1</translation>
    </message>
    <message>
        <source>The sign-in was cancelled. Nothing was saved.</source>
        <translation>La connexion a été annulée. Rien n’a été enregistré.</translation>
    </message>
    <message>
        <source>The sign-in server did not accept the authorization (%1). Nothing was saved; please try again.</source>
        <extracomment>%1 is the server&apos;s own words</extracomment>
        <translation>Le serveur de connexion n’a pas accepté l’autorisation (%1). Rien n’a été enregistré&#xa0;; veuillez réessayer.</translation>
    </message>
    <message>
        <source>The sign-in server gave no refresh token, so Outpost could not stay signed in.</source>
        <translation>Le serveur de connexion n’a fourni aucun jeton d’actualisation&#xa0;; Outpost ne peut donc pas rester connecté.</translation>
    </message>
    <message>
        <source>Outpost can now send mail with this account.</source>
        <translation>Outpost peut maintenant envoyer des courriels avec ce compte.</translation>
    </message>
    <message>
        <source>%1 does not offer signing in without a browser on this computer.</source>
        <extracomment>%1 is a provider&apos;s name</extracomment>
        <translation>%1 ne propose pas de connexion sans navigateur sur cet ordinateur.</translation>
    </message>
    <message>
        <source>The sign-in server&apos;s answer was not a valid device authorization.</source>
        <translation>La réponse du serveur de connexion n’était pas une autorisation d’appareil valide.</translation>
    </message>
    <message>
        <source>Access was not granted: the sign-in was refused or cancelled at the provider.</source>
        <translation>L’accès n’a pas été accordé&#xa0;: la connexion a été refusée ou annulée chez le fournisseur.</translation>
    </message>
    <message>
        <source>The code expired before the sign-in was completed. Nothing was saved; please try again.</source>
        <translation>Le code a expiré avant la fin de la connexion. Rien n’a été enregistré&#xa0;; veuillez réessayer.</translation>
    </message>
    <message>
        <source>The provider refused the sign-in (%1). %2</source>
        <extracomment>%1 is an OAuth error code such as &quot;invalid_scope&quot;, %2 the provider&apos;s explanation</extracomment>
        <translation>Le fournisseur a refusé la connexion (%1). %2</translation>
    </message>
    <message>
        <source>The provider&apos;s answer contained no authorization code.</source>
        <translation>La réponse du fournisseur ne contenait aucun code d’autorisation.</translation>
    </message>
    <message>
        <source>The OAuth provider file %1 was not used: %2</source>
        <extracomment>%1 is a file path, %2 what is wrong with it</extracomment>
        <translation>Le fichier de fournisseur OAuth %1 n’a pas été utilisé&#xa0;: %2</translation>
    </message>
    <message>
        <source>This build of Outpost has no OAuth client id for %1. Build it with -D%2=YOUR_ID, or put your client id in %3 as {&quot;issuer&quot;: &quot;%4&quot;, &quot;client_id&quot;: &quot;YOUR_ID&quot;}.</source>
        <extracomment>%1 is a provider (&quot;Google&quot;), %2 a CMake option, %3 a file path, %4 the provider&apos;s issuer</extracomment>
        <translation>Cette version d’Outpost n’a pas d’identifiant client OAuth pour %1. Compilez-la avec -D%2=VOTRE_ID, ou placez votre identifiant client dans %3 sous la forme {&quot;issuer&quot;: &quot;%4&quot;, &quot;client_id&quot;: &quot;VOTRE_ID&quot;}.</translation>
    </message>
    <message>
        <source>Outpost has no OAuth client id for %1. Register Outpost with the provider and put the client id in %2 as {&quot;issuer&quot;: &quot;%3&quot;, &quot;client_id&quot;: &quot;YOUR_ID&quot;}.</source>
        <extracomment>%1 is a provider, %2 a file path, %3 the provider&apos;s issuer</extracomment>
        <translation>Outpost n’a pas d’identifiant client OAuth pour %1. Enregistrez Outpost auprès du fournisseur et placez l’identifiant client dans %2 sous la forme {&quot;issuer&quot;: &quot;%3&quot;, &quot;client_id&quot;: &quot;VOTRE_ID&quot;}.</translation>
    </message>
    <message>
        <source>Microsoft (personal account)</source>
        <translation>Microsoft (compte personnel)</translation>
    </message>
    <message>
        <source>Microsoft (work or school account)</source>
        <translation>Microsoft (compte professionnel ou scolaire)</translation>
    </message>
    <message>
        <source>it is larger than 64 KiB.</source>
        <translation>il dépasse 64&#xa0;Kio.</translation>
    </message>
    <message>
        <source>it is not a JSON object (%1).</source>
        <extracomment>%1 is the JSON parser&apos;s explanation</extracomment>
        <translation>ce n’est pas un objet JSON (%1).</translation>
    </message>
    <message>
        <source>the key &quot;%1&quot; is unknown.</source>
        <extracomment>%1 is a JSON key</extracomment>
        <translation>la clé «&#xa0;%1&#xa0;» est inconnue.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is missing or not valid.</source>
        <extracomment>%1 is a JSON key such as &quot;token_endpoint&quot;</extracomment>
        <translation>«&#xa0;%1&#xa0;» est absent ou non valide.</translation>
    </message>
    <message>
        <source>The provider&apos;s OAuth description (%1) lacks an endpoint or a scope.</source>
        <extracomment>%1 is a provider&apos;s issuer name</extracomment>
        <translation>Il manque un point de terminaison ou une portée à la description OAuth du fournisseur (%1).</translation>
    </message>
    <message>
        <source>The sign-in server is not available right now (HTTP %1).</source>
        <extracomment>%1 is an HTTP status code such as 503</extracomment>
        <translation>Le serveur de connexion n’est pas disponible pour le moment (HTTP %1).</translation>
    </message>
    <message>
        <source>The sign-in server answered with an error Outpost could not read (HTTP %1).</source>
        <extracomment>%1 is an HTTP status code</extracomment>
        <translation>Le serveur de connexion a répondu par une erreur qu’Outpost n’a pas pu lire (HTTP %1).</translation>
    </message>
    <message>
        <source>The sign-in is no longer valid (%1). Sign in again.</source>
        <extracomment>%1 is the server&apos;s own words</extracomment>
        <translation>La connexion n’est plus valide (%1). Reconnectez-vous.</translation>
    </message>
    <message>
        <source>The sign-in server does not accept Outpost&apos;s client id (%1). Check the client id configured for this provider.</source>
        <translation>Le serveur de connexion n’accepte pas l’identifiant client d’Outpost (%1). Vérifiez l’identifiant client configuré pour ce fournisseur.</translation>
    </message>
    <message>
        <source>The sign-in server refused the request: %1</source>
        <extracomment>%1 is the server&apos;s own words</extracomment>
        <translation>Le serveur de connexion a refusé la requête&#xa0;: %1</translation>
    </message>
    <message>
        <source>The sign-in server&apos;s answer was not a valid token response.</source>
        <translation>La réponse du serveur de connexion n’était pas une réponse de jeton valide.</translation>
    </message>
    <message>
        <source>Sign in again: the sign-in of %1 has expired or was revoked (outpost account login &quot;%1&quot;, or edit the account).</source>
        <extracomment>%1 is an account name. &quot;Sign in again&quot; is also what the outbox shows.</extracomment>
        <translation>Reconnectez-vous&#xa0;: la connexion de %1 a expiré ou a été révoquée (outpost account login &quot;%1&quot;, ou modifiez le compte).</translation>
    </message>
    <message>
        <source>The sign-in server&apos;s address %1 is not usable (it must use https).</source>
        <extracomment>%1 is a URL</extracomment>
        <translation>L’adresse %1 du serveur de connexion n’est pas utilisable (elle doit utiliser https).</translation>
    </message>
    <message>
        <source>The sign-in server&apos;s answer was too large.</source>
        <translation>La réponse du serveur de connexion était trop volumineuse.</translation>
    </message>
    <message>
        <source>The sign-in server did not answer in time.</source>
        <translation>Le serveur de connexion n’a pas répondu à temps.</translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation>La connexion a été annulée.</translation>
    </message>
    <message>
        <source>Could not reach the sign-in server %1: %2</source>
        <extracomment>%1 is a host name, %2 the network library&apos;s explanation</extracomment>
        <translation>Impossible de joindre le serveur de connexion %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The sign-in server did not revoke the token (HTTP %1).</source>
        <extracomment>%1 is an HTTP status code</extracomment>
        <translation>Le serveur de connexion n’a pas révoqué le jeton (HTTP %1).</translation>
    </message>
    <message>
        <source>%1 (The sign-in server said: %2)</source>
        <extracomment>%1 is the &quot;Sign in again&quot; sentence, %2 the sign-in server&apos;s own words</extracomment>
        <translation>%1 (Le serveur de connexion a répondu&#xa0;: %2)</translation>
    </message>
    <message>
        <source>Another Outpost is still renewing the sign-in of %1; trying again later.</source>
        <extracomment>%1 is an account name</extracomment>
        <translation>Un autre Outpost renouvelle encore la connexion de %1&#xa0;; nouvel essai plus tard.</translation>
    </message>
    <message>
        <source>This answer does not belong to Outpost&apos;s sign-in and was ignored.</source>
        <translation>Cette réponse n’appartient pas à la connexion d’Outpost et a été ignorée.</translation>
    </message>
    <message>
        <source>Outpost refused an answer with a wrong state: it did not come from this sign-in.</source>
        <translation>Outpost a refusé une réponse avec un «&#xa0;state&#xa0;» erroné&#xa0;: elle ne venait pas de cette connexion.</translation>
    </message>
    <message>
        <source>Outpost knows no OAuth 2.0 provider for %1. Describe it in a file in %2 (keys: issuer, authorization_endpoint, token_endpoint, scopes, client_id, hosts), or choose another way to sign in.</source>
        <extracomment>%1 is a server name, %2 a folder</extracomment>
        <translation>Outpost ne connaît aucun fournisseur OAuth 2.0 pour %1. Décrivez-le dans un fichier dans %2 (clés&#xa0;: issuer, authorization_endpoint, token_endpoint, scopes, client_id, hosts), ou choisissez une autre façon de vous connecter.</translation>
    </message>
    <message>
        <source>The settings found say to sign in to %1 with %2, but %1 is not one of %2&apos;s servers. Outpost will not send a %2 sign-in there.</source>
        <extracomment>%1 is a mail server&apos;s name, %2 a provider&apos;s name such as Google</extracomment>
        <translation>Les réglages trouvés indiquent de se connecter à %1 avec %2, mais %1 n’est pas un serveur de %2. Outpost n’y enverra pas de connexion %2.</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>The account this message was queued for no longer exists.</source>
        <translation>Le compte pour lequel ce message a été mis en file d’attente n’existe plus.</translation>
    </message>
    <message>
        <source>There is no such message in the outbox.</source>
        <translation>Ce message ne se trouve pas dans la boîte d’envoi.</translation>
    </message>
    <message>
        <source>The outbox folder “%1” cannot be created.</source>
        <extracomment>%1 is a folder</extracomment>
        <translation>Le dossier de la boîte d’envoi «&#xa0;%1&#xa0;» ne peut pas être créé.</translation>
    </message>
    <message>
        <source>The outbox folder cannot be created.</source>
        <translation>Le dossier de la boîte d’envoi ne peut pas être créé.</translation>
    </message>
    <message>
        <source>The outbox cannot be written, so no message could be queued safely: %1</source>
        <translation>Impossible d’écrire dans la boîte d’envoi&#x202f;; aucun message n’a donc pu y être placé en toute sécurité&#xa0;: %1</translation>
    </message>
    <message>
        <source>The outbox cannot be written.</source>
        <translation>Impossible d’écrire dans la boîte d’envoi.</translation>
    </message>
    <message>
        <source>The outbox cannot be locked: %1</source>
        <extracomment>%1 is the system&apos;s reason</extracomment>
        <translation>Impossible de verrouiller la boîte d’envoi : %1</translation>
    </message>
    <message>
        <source>its state file is missing</source>
        <translation>son fichier d’état est manquant</translation>
    </message>
    <message>
        <source>its state file is not valid JSON</source>
        <translation>son fichier d’état n’est pas du JSON valide</translation>
    </message>
    <message>
        <source>its state file is incomplete or of an unknown format</source>
        <translation>son fichier d’état est incomplet ou dans un format inconnu</translation>
    </message>
    <message>
        <source>its state file belongs to another message</source>
        <translation>son fichier d’état appartient à un autre message</translation>
    </message>
    <message>
        <source>its message file is missing or has the wrong size</source>
        <translation>son fichier de message est manquant ou n’a pas la bonne taille</translation>
    </message>
    <message>
        <source>Outpost stopped while this message was being sent. It may have been delivered.</source>
        <translation>Outpost s’est arrêté pendant l’envoi de ce message. Il a peut-être été distribué.</translation>
    </message>
    <message>
        <source>its message file does not match its checksum</source>
        <translation>son fichier de message ne correspond pas à sa somme de contrôle</translation>
    </message>
    <message>
        <source>This message may already have been delivered. Choose “Send again” to send it anyway, or “Mark as sent”.</source>
        <translation>Ce message a peut-être déjà été distribué. Choisissez «&#xa0;Renvoyer&#xa0;» pour l’envoyer quand même, ou «&#xa0;Marquer comme envoyé&#xa0;».</translation>
    </message>
    <message>
        <source>Marked as sent by you</source>
        <translation>Marqué comme envoyé par vous</translation>
    </message>
    <message>
        <source>The message is being sent right now and cannot be removed.</source>
        <translation>Le message est en cours d’envoi et ne peut pas être supprimé.</translation>
    </message>
    <message>
        <source>The message is no longer waiting and cannot be taken back.</source>
        <translation>Le message n’est plus en attente et ne peut pas être récupéré.</translation>
    </message>
    <message>
        <source>The message is already due and cannot be taken back.</source>
        <translation>L’heure d’envoi du message est déjà passée&#x202f;; il ne peut pas être récupéré.</translation>
    </message>
    <message>
        <source>This message has no draft to go back to.</source>
        <translation>Ce message n’a pas de brouillon auquel revenir.</translation>
    </message>
    <message numerus="yes">
        <source>Gave up after trying for %n day(s): %1</source>
        <extracomment>%n is how many days Outpost kept trying, %1 the last error</extracomment>
        <translation>
            <numerusform>Abandon après %n jour de tentatives&#xa0;: %1</numerusform>
            <numerusform>Abandon après %n jours de tentatives&#xa0;: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Only a message that is waiting, held or failed can be edited.</source>
        <translation>Seul un message en attente, retenu ou en échec peut être modifié.</translation>
    </message>
    <message>
        <source>This message may already have been delivered: mark it as sent, or send it again.</source>
        <translation>Ce message a peut-être déjà été distribué&#xa0;: marquez-le comme envoyé, ou renvoyez-le.</translation>
    </message>
    <message>
        <source>The state of the copy in the Sent folder cannot be recorded.</source>
        <translation>L’état de la copie dans le dossier Envoyés ne peut pas être enregistré.</translation>
    </message>
    <message>
        <source>No sent message %1 in the outbox.</source>
        <translation>Aucun message envoyé %1 dans la boîte d’envoi.</translation>
    </message>
    <message>
        <source>The copy is already in the Sent folder.</source>
        <translation>La copie est déjà dans le dossier Envoyés.</translation>
    </message>
    <message>
        <source>No copy is filed for this message: %1</source>
        <translation>Aucune copie n’est classée pour ce message&#xa0;: %1</translation>
    </message>
    <message>
        <source>The image %1 cannot be read.</source>
        <translation>L’image %1 ne peut pas être lue.</translation>
    </message>
    <message>
        <source>The image %1 is larger than 64 MiB: too large to keep with the message.</source>
        <extracomment>%1 is the image&apos;s file name</extracomment>
        <translation>L’image %1 dépasse 64&#xa0;Mio&#xa0;: trop grande pour être conservée avec le message.</translation>
    </message>
</context>
<context>
    <name>PersonalDictionary</name>
    <message>
        <source>“%1” cannot be added to the dictionary.</source>
        <translation>«&#xa0;%1&#xa0;» ne peut pas être ajouté au dictionnaire.</translation>
    </message>
    <message>
        <source>The personal dictionary could not be locked: %1</source>
        <translation>Le dictionnaire personnel n’a pas pu être verrouillé&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Sendmail</name>
    <message>
        <source>Usage: outpost-sendmail [-t] [-i] [-f ADDRESS] [-F NAME] [-odq] [RECIPIENT]...
Reads a message from standard input and sends it with your Outpost account.
</source>
        <translation>Usage&#xa0;: outpost-sendmail [-t] [-i] [-f ADRESSE] [-F NOM] [-odq] [DESTINATAIRE]...
Lit un message sur l’entrée standard et l’envoie avec votre compte Outpost.
</translation>
    </message>
    <message>
        <source>-f needs an address</source>
        <translation>-f demande une adresse</translation>
    </message>
    <message>
        <source>-F needs a name</source>
        <translation>-F demande un nom</translation>
    </message>
    <message>
        <source>the mode %1 is not supported; only sending (-bm) is</source>
        <translation>le mode %1 n’est pas pris en charge&#xa0;; seul l’envoi (-bm) l’est</translation>
    </message>
    <message>
        <source>unknown option %1</source>
        <translation>option inconnue %1</translation>
    </message>
    <message>
        <source>-f %1 is not a valid email address</source>
        <extracomment>%1 is what was given after -f</extracomment>
        <translation>-f %1 n’est pas une adresse électronique valide</translation>
    </message>
    <message>
        <source>the From header is not a valid address</source>
        <translation>l’en-tête From n’est pas une adresse valide</translation>
    </message>
    <message>
        <source>no Outpost account is set up; add one with &apos;outpost account add&apos;</source>
        <translation>aucun compte Outpost n’est configuré&#xa0;; ajoutez-en un avec «&#xa0;outpost account add&#xa0;»</translation>
    </message>
    <message>
        <source>no recipients: name them as arguments or use -t</source>
        <translation>aucun destinataire&#xa0;: indiquez-les en arguments ou utilisez -t</translation>
    </message>
    <message>
        <source>%1 could not send the message (%2); it waits in the outbox for the next send.</source>
        <extracomment>%1 is the program&apos;s name, %2 why it could not send</extracomment>
        <translation>%1 n’a pas pu envoyer le message (%2)&#xa0;; il attend dans la boîte d’envoi le prochain envoi.</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>introuvable</translation>
    </message>
    <message>
        <source>it exited with status %1</source>
        <extracomment>why `outpost` did not send; %1 is a number</extracomment>
        <translation>il s’est terminé avec le code %1</translation>
    </message>
    <message>
        <source>The sending stopped before it finished; the message may already have been delivered and will not be sent again unless you decide to in the outbox.</source>
        <translation>L’envoi s’est arrêté avant la fin&#xa0;; le message a peut-être déjà été remis et ne sera renvoyé que si vous le décidez dans la boîte d’envoi.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>The file with %1 could not be used (%2). It was kept as “%3”; nothing in it was deleted.</source>
        <extracomment>%1 is e.g. &quot;your accounts&quot;, %2 the reason, %3 a file name</extracomment>
        <translation>Le fichier contenant %1 n’a pas pu être utilisé (%2). Il a été conservé sous le nom «&#xa0;%3&#xa0;»&#x202f;; rien de son contenu n’a été supprimé.</translation>
    </message>
    <message>
        <source>The file with %1 could not be used (%2), and it could not be set aside; it was left as it is.</source>
        <translation>Le fichier contenant %1 n’a pas pu être utilisé (%2) ni être mis de côté&#x202f;; il a été laissé tel quel.</translation>
    </message>
    <message>
        <source>The file with %1 could not be read: %2</source>
        <extracomment>%1 is e.g. &quot;your accounts&quot;, %2 the system&apos;s reason</extracomment>
        <translation>Le fichier contenant %1 n’a pas pu être lu&#xa0;: %2</translation>
    </message>
    <message>
        <source>it is far too large</source>
        <translation>il est beaucoup trop volumineux</translation>
    </message>
    <message>
        <source>it is not valid JSON: %1</source>
        <translation>il ne contient pas de JSON valide&#xa0;: %1</translation>
    </message>
    <message>
        <source>it has the unknown format version %1</source>
        <extracomment>%1 is a number</extracomment>
        <translation>sa version de format %1 est inconnue</translation>
    </message>
    <message>
        <source>no upgrade from format version %1</source>
        <translation>aucune mise à niveau possible depuis la version de format %1</translation>
    </message>
</context>
<context>
    <name>Smtp</name>
    <message>
        <source>The mail server&apos;s authentication challenge was not valid.</source>
        <translation>Le défi d’authentification du serveur de messagerie n’était pas valide.</translation>
    </message>
    <message>
        <source>The mail server rejected the login (%1).</source>
        <translation>Le serveur de messagerie a refusé l’authentification (%1).</translation>
    </message>
    <message>
        <source>The mail server could not prove that it knows the password; the connection may have been intercepted.</source>
        <translation>Le serveur de messagerie n’a pas pu prouver qu’il connaît le mot de passe&#x202f;; la connexion a peut-être été interceptée.</translation>
    </message>
    <message>
        <source>Sending was cancelled after the message was transmitted; it may have been delivered.</source>
        <translation>L’envoi a été annulé après la transmission du message&#x202f;; il a peut-être été distribué.</translation>
    </message>
    <message>
        <source>Sending was cancelled.</source>
        <translation>L’envoi a été annulé.</translation>
    </message>
    <message>
        <source>The certificate of %1 has changed since you trusted it. This can mean that someone is intercepting the connection.</source>
        <translation>Le certificat de %1 a changé depuis que vous lui avez fait confiance. Cela peut signifier que quelqu’un intercepte la connexion.</translation>
    </message>
    <message>
        <source>The certificate of %1 could not be verified: %2</source>
        <extracomment>%1 is a host name, %2 the reasons given by the TLS library</extracomment>
        <translation>Le certificat de %1 n’a pas pu être vérifié&#xa0;: %2</translation>
    </message>
    <message>
        <source>A secure connection to %1 could not be established: %2</source>
        <translation>Impossible d’établir une connexion sécurisée avec %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The connection was lost after the message was transmitted, before the server confirmed it. It may or may not have been delivered.</source>
        <translation>La connexion a été perdue après la transmission du message, avant que le serveur ne le confirme. Impossible de savoir s’il a été distribué.</translation>
    </message>
    <message>
        <source>Could not talk to %1: %2</source>
        <extracomment>%1 is a host name, %2 the system&apos;s reason</extracomment>
        <translation>Impossible de communiquer avec %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The server did not confirm the message in time. It may or may not have been delivered.</source>
        <translation>Le serveur n’a pas confirmé le message à temps. Impossible de savoir s’il a été distribué.</translation>
    </message>
    <message>
        <source>The mail server stopped responding (%1).</source>
        <extracomment>%1 is a protocol phase such as &quot;Greeting&quot; or &quot;SendingData&quot;</extracomment>
        <translation>Le serveur de messagerie ne répond plus (%1).</translation>
    </message>
    <message>
        <source>The mail server temporarily refused %1: %2</source>
        <extracomment>%1 says what was refused (&quot;the sender&quot;, &quot;the message&quot;, ...), %2 is the server&apos;s own words</extracomment>
        <translation>Le serveur de messagerie a temporairement refusé %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The mail server refused %1: %2</source>
        <translation>Le serveur de messagerie a refusé %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The mail server is closing the connection: %1</source>
        <translation>Le serveur de messagerie ferme la connexion&#xa0;: %1</translation>
    </message>
    <message>
        <source>the connection</source>
        <translation>la connexion</translation>
    </message>
    <message>
        <source>the greeting (EHLO)</source>
        <translation>la salutation (EHLO)</translation>
    </message>
    <message>
        <source>the greeting (HELO)</source>
        <translation>la salutation (HELO)</translation>
    </message>
    <message>
        <source>The mail server refused to start encryption (STARTTLS): %1</source>
        <translation>Le serveur de messagerie a refusé d’activer le chiffrement (STARTTLS)&#xa0;: %1</translation>
    </message>
    <message>
        <source>the message</source>
        <translation>le message</translation>
    </message>
    <message>
        <source>The mail server sent an unexpected reply: %1</source>
        <translation>Le serveur de messagerie a envoyé une réponse inattendue&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 does not offer encryption (STARTTLS), which this account requires. Nothing was sent.</source>
        <translation>%1 ne propose pas de chiffrement (STARTTLS), alors que ce compte l’exige. Rien n’a été envoyé.</translation>
    </message>
    <message>
        <source>The connection to %1 is not encrypted, so the password was not sent.</source>
        <translation>La connexion avec %1 n’est pas chiffrée&#x202f;; le mot de passe n’a donc pas été envoyé.</translation>
    </message>
    <message>
        <source>The mail server offers no sign-in method Outpost can use safely (%1).</source>
        <extracomment>%1 is a list such as &quot;GSSAPI, NTLM&quot;</extracomment>
        <translation>Le serveur de messagerie ne propose aucune méthode d’authentification qu’Outpost puisse utiliser en toute sécurité (%1).</translation>
    </message>
    <message>
        <source>Signing in is temporarily not possible: %1</source>
        <translation>L’authentification est temporairement impossible&#xa0;: %1</translation>
    </message>
    <message>
        <source>The mail server did not accept the user name or password: %1</source>
        <extracomment>%1 is the server&apos;s own words</extracomment>
        <translation>Le serveur de messagerie n’a pas accepté le nom d’utilisateur ou le mot de passe&#xa0;: %1</translation>
    </message>
    <message>
        <source>The message&apos;s sender or recipient addresses are not valid.</source>
        <translation>Les adresses d’expéditeur ou de destinataire du message ne sont pas valides.</translation>
    </message>
    <message>
        <source>The message has an address with non-ASCII characters before the @, and %1 does not support such addresses (SMTPUTF8).</source>
        <translation>Le message contient une adresse avec des caractères non ASCII avant le @, et %1 ne prend pas en charge ce type d’adresse (SMTPUTF8).</translation>
    </message>
    <message>
        <source>The message contains 8-bit data, which %1 does not accept (8BITMIME).</source>
        <translation>Le message contient des données 8 bits, que %1 n’accepte pas (8BITMIME).</translation>
    </message>
    <message>
        <source>The queued message file cannot be read: %1</source>
        <translation>Le fichier du message en file d’attente ne peut pas être lu&#xa0;: %1</translation>
    </message>
    <message>
        <source>The message is %1, larger than the %2 the mail server accepts.</source>
        <extracomment>%1 and %2 are sizes such as &quot;12.5 MB&quot;</extracomment>
        <translation>Le message fait %1, soit plus que les %2 acceptés par le serveur de messagerie.</translation>
    </message>
    <message>
        <source>the sender address</source>
        <translation>l’adresse de l’expéditeur</translation>
    </message>
    <message>
        <source>all recipients</source>
        <translation>tous les destinataires</translation>
    </message>
    <message>
        <source>the recipient %1</source>
        <translation>le destinataire %1</translation>
    </message>
    <message>
        <source>The queued message file could not be read: %1</source>
        <translation>Le fichier du message en file d’attente n’a pas pu être lu&#xa0;: %1</translation>
    </message>
    <message>
        <source>Sending was stopped because its progress could not be recorded on disk.</source>
        <translation>L’envoi a été interrompu, car sa progression n’a pas pu être enregistrée sur le disque.</translation>
    </message>
    <message>
        <source>The mail server sent a malformed reply (%1).</source>
        <extracomment>%1 explains what was wrong, in technical terms</extracomment>
        <translation>Le serveur de messagerie a envoyé une réponse mal formée (%1).</translation>
    </message>
    <message>
        <source>The queued message changed on disk after it was queued; it was not sent.</source>
        <translation>Le message a été modifié sur le disque après sa mise en file d’attente&#x202f;; il n’a pas été envoyé.</translation>
    </message>
    <message numerus="yes">
        <source>The message was delivered to %n recipient(s), but not to the others: %1</source>
        <extracomment>%n is how many recipients already have the message, %1 why the others do not</extracomment>
        <translation>
            <numerusform>Le message a été remis à %n destinataire, mais pas aux autres&#xa0;: %1</numerusform>
            <numerusform>Le message a été remis à %n destinataires, mais pas aux autres&#xa0;: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The mail server asked for a weak form of the password (%1 iterations of SCRAM, at least %2 are needed); Outpost did not sign in.</source>
        <extracomment>%1 is the server&apos;s iteration count, %2 the minimum (4096)</extracomment>
        <translation>Le serveur de messagerie a demandé une forme faible du mot de passe (%1 itérations de SCRAM, il en faut au moins %2)&#xa0;; Outpost ne s’est pas connecté.</translation>
    </message>
    <message>
        <source>The password contains characters that cannot be used for signing in (SASLprep, RFC 4013).</source>
        <translation>Le mot de passe contient des caractères inutilisables pour la connexion (SASLprep, RFC 4013).</translation>
    </message>
    <message>
        <source>The mail server did not accept the account&apos;s sign-in permission (OAuth 2.0): %1</source>
        <extracomment>%1 is the server&apos;s own words; no password is involved in an OAuth sign-in</extracomment>
        <translation>Le serveur de messagerie n’a pas accepté l’autorisation de connexion du compte (OAuth 2.0)&#xa0;: %1</translation>
    </message>
</context>
</TS>
