; SPDX-License-Identifier: GPL-3.0-or-later
; Included by the CPack NSIS installer (CPACK_NSIS_EXTRA_INSTALL_COMMANDS):
; registers Outpost as a mail program and as a handler of mailto: links, so
; that it can be chosen under Settings > Apps > Default apps. It does not
; take the mailto: association over by itself; Windows asks the user.
WriteRegStr SHCTX "Software\Classes\Outpost.mailto" "" "URL:MailTo Protocol"
WriteRegStr SHCTX "Software\Classes\Outpost.mailto" "URL Protocol" ""
WriteRegStr SHCTX "Software\Classes\Outpost.mailto\DefaultIcon" "" "$INSTDIR\bin\outpost.exe,0"
WriteRegStr SHCTX "Software\Classes\Outpost.mailto\shell\open\command" "" '"$INSTDIR\bin\outpost.exe" "%1"'
WriteRegStr SHCTX "Software\Clients\Mail\Outpost" "" "Outpost"
WriteRegStr SHCTX "Software\Clients\Mail\Outpost\DefaultIcon" "" "$INSTDIR\bin\outpost.exe,0"
WriteRegStr SHCTX "Software\Clients\Mail\Outpost\shell\open\command" "" '"$INSTDIR\bin\outpost.exe"'
WriteRegStr SHCTX "Software\Clients\Mail\Outpost\Capabilities" "ApplicationName" "Outpost"
WriteRegStr SHCTX "Software\Clients\Mail\Outpost\Capabilities" "ApplicationDescription" "Write mail and send it reliably"
WriteRegStr SHCTX "Software\Clients\Mail\Outpost\Capabilities\URLAssociations" "mailto" "Outpost.mailto"
WriteRegStr SHCTX "Software\RegisteredApplications" "Outpost" "Software\Clients\Mail\Outpost\Capabilities"
