; Inno Setup 6 script for Privacy Audit (Windows). Built by packaging/windows/build.ps1:
;   iscc /DAppVersion=0.1.0 /DBundleDir=..\..\dist\privacy-audit packaging\windows\privacy-audit.iss
;
; Silent install for every user (what Intune, SCCM or a GPO start-up script runs):
;   PrivacyAudit-0.1.0-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /ALLUSERS
; Silent uninstall:
;   "C:\Program Files\Privacy Audit\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
; Intune detection rule (registry): HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\
;   {8F3C2A71-5B0E-4C9D-A7E2-3D1F6B9C4E58}_is1, value DisplayVersion, string equals the version.
; See packaging/README.md for the whole deployment guide.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\privacy-audit"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif

; The AppUserModelID ties the Start-menu shortcut to the running app, which Windows needs before it shows
; the app's toast notifications (term reminders). The app sets the same id at start-up.
#define AppUserModelID "uk.privacyaudit.PrivacyAudit"

[Setup]
; Never change AppId: upgrades and the Intune detection rule find the installed copy by it.
AppId={{8F3C2A71-5B0E-4C9D-A7E2-3D1F6B9C4E58}
AppName=Privacy Audit
AppVersion={#AppVersion}
AppVerName=Privacy Audit {#AppVersion}
AppPublisher=Privacy Audit team
DefaultDirName={autopf}\Privacy Audit
DefaultGroupName=Privacy Audit
DisableProgramGroupPage=yes
; All users by default (Program Files, HKLM); /ALLUSERS on the command line forces it, /CURRENTUSER lets a
; member of staff without admin rights install just for themselves.
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=commandline dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=PrivacyAudit-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\privacy-audit.ico
UninstallDisplayIcon={app}\PrivacyAudit.exe
UninstallDisplayName=Privacy Audit
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; The app may be running (tray reminder): close it for the upgrade, and do not restart it for a silent install.
CloseApplications=yes
RestartApplications=no
; Lets the site's packaging tools read the version from the setup file itself.
VersionInfoVersion={#AppVersion}
VersionInfoProductName=Privacy Audit

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
; The whole PyInstaller one-folder bundle. ignoreversion: every file belongs to this release.
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Privacy Audit"; Filename: "{app}\PrivacyAudit.exe"; \
    AppUserModelID: "{#AppUserModelID}"; Comment: "Check your social media privacy settings"

[Run]
; Offered at the end of an interactive install only: never starts by itself in a silent deployment.
Filename: "{app}\PrivacyAudit.exe"; Description: "Open Privacy Audit"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Everything under {app} came from [Files] and is removed with it. The folder itself goes too, but
; only when empty: a school.yaml that IT copied beside the program stays until IT removes it.
Type: dirifempty; Name: "{app}"
