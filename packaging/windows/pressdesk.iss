; Inno Setup 6 script for PressDesk on Windows (not tried here: built and tested on Linux only).
; First build the bundle on Windows with the same spec:
;   py -m venv .venv && .venv\Scripts\pip install -e ".[gui,bundle]"
;   .venv\Scripts\python -m PyInstaller --noconfirm --clean packaging\pressdesk.spec
; then compile this script (ISCC.exe packaging\windows\pressdesk.iss) -> dist\PressDesk-Setup.exe.
; Per-machine install into Program Files, Start menu entry, *.pressdesk opens in PressDesk,
; clean uninstall. For a silent roll-out: PressDesk-Setup.exe /VERYSILENT /NORESTART

#define AppName "PressDesk"
#define AppVersion "0.1.0"
; pressdesk-gui.exe: the editor without a console window; pressdesk.exe is the command line
#define AppExe "pressdesk-gui.exe"

[Setup]
AppId={{5B0D7C3E-6A2F-4D8B-9C1E-2F7A3B4C5D60}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Pressestelle
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=PressDesk-Setup
SetupIconFile=pressdesk.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2
SolidCompression=yes
ChangesAssociations=yes
WizardStyle=modern

[Languages]
Name: "de"; MessagesFile: "compiler:Languages\German.isl"

[Files]
Source: "..\..\dist\PressDesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{#AppName} deinstallieren"; Filename: "{uninstallexe}"

[Registry]
Root: HKA; Subkey: "Software\Classes\.pressdesk"; ValueType: string; ValueName: ""; ValueData: "PressDesk.Entwurf"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\PressDesk.Entwurf"; ValueType: string; ValueName: ""; ValueData: "PressDesk-Entwurf"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\PressDesk.Entwurf\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\PressDesk.Entwurf\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "PressDesk starten"; Flags: nowait postinstall skipifsilent
