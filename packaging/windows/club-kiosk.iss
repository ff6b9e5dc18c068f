; Inno Setup script of the Windows kiosk (NOT TESTED: no Windows build machine here).
; Build the bundle first (docs/packaging.md, "Windows"), then:
;   ISCC.exe /DAppVersion=0.1.0 packaging\windows\club-kiosk.iss
; Output: dist\club-kiosk-<version>-setup.exe
;
; Choices, and why:
; - Per-machine install in Program Files (admin): the kiosk account is a standard,
;   locked-down user that must not be able to change the program.
; - Data is never in the install folder: each account's database, config and logs live
;   in its own %LOCALAPPDATA%\club-kiosk (platformdirs) and its key in that account's
;   Windows Credential Locker. Uninstalling therefore keeps them, as the .deb does; the
;   uninstaller says where they are (members may not be synced yet).
; - Autostart for the kiosk account only (optional task): a Run entry in that user's
;   hive is set by IT, or Windows "Assigned Access"/Shell Launcher runs club-kiosk.exe
;   as the shell. Windows has no systemd watchdog: Shell Launcher's "restart the shell"
;   action plays the role of Restart=always.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define SourceDir "..\..\dist\club-kiosk"

[Setup]
AppId={{6E0C2A8B-5D1E-4C7B-9A4F-C1B0D3E2F417}
AppName=Club Kiosk
AppVersion={#AppVersion}
AppPublisher=Club Kiosk team
DefaultDirName={autopf}\Club Kiosk
DefaultGroupName=Club Kiosk
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=club-kiosk-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
; A running kiosk holds its files open: close it before replacing them.
CloseApplications=yes
UninstallDisplayIcon={app}\club-kiosk.exe

[Files]
; The whole PyInstaller folder: both executables and _internal\.
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Club Kiosk"; Filename: "{app}\club-kiosk.exe"
; For IT: a console that checks the kiosk and stays open to read the result.
Name: "{group}\Club Kiosk doctor"; Filename: "{cmd}"; Parameters: "/k ""{app}\club-kiosk-debug.exe"" doctor"
Name: "{group}\Club Kiosk self-test"; Filename: "{cmd}"; Parameters: "/k ""{app}\club-kiosk-debug.exe"" --self-test"

[Tasks]
Name: "autostart"; Description: "Start the kiosk when the current user logs on (run the installer as the kiosk account's admin session only if that is the kiosk account)"; Flags: unchecked

[Registry]
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: string; ValueName: "ClubKiosk"; ValueData: """{app}\club-kiosk.exe"""; Flags: uninsdeletevalue; Tasks: autostart

[Run]
; Prove the installed build works on this machine (exit code shown in the log).
Filename: "{app}\club-kiosk-debug.exe"; Parameters: "--self-test"; Flags: runhidden waituntilterminated; StatusMsg: "Running the kiosk self-test..."

[UninstallDelete]
; Nothing in users' folders: see the header.

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep = usPostUninstall then
    MsgBox('Club Kiosk is removed. Each kiosk account''s data is kept:' + #13#10 +
           '  %LOCALAPPDATA%\club-kiosk  (encrypted database, config, logs)' + #13#10 +
           '  Windows Credential Locker, entries "club-kiosk"  (database key)' + #13#10 +
           'Sync first (club-kiosk-debug status --json shows 0 pending) before deleting them.',
           mbInformation, MB_OK);
end;
