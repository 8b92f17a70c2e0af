; SPDX-License-Identifier: GPL-3.0-or-later
; Included by the CPack NSIS uninstaller (CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS):
; removes what register-mailto.nsh wrote.
DeleteRegValue SHCTX "Software\RegisteredApplications" "Outpost"
DeleteRegKey SHCTX "Software\Clients\Mail\Outpost"
DeleteRegKey SHCTX "Software\Classes\Outpost.mailto"
