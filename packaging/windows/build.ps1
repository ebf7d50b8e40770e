<#
.SYNOPSIS
  Build the Windows installer: PyInstaller one-folder bundle, then Inno Setup -> dist\PrivacyAudit-VERSION-setup.exe

.DESCRIPTION
  Run from any folder on a Windows machine with Python 3.11+ and Inno Setup 6 (iscc.exe on PATH or in its
  default folder). Set $env:SIGN_CERT_THUMBPRINT to sign the programs and the installer with signtool
  (skipped when unset). -SkipPyInstaller reuses an existing dist\privacy-audit.
#>
param(
    [switch]$SkipPyInstaller,
    [string]$Python = "python"
)
$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest

$Root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $Root
$Version = (Select-String -Path "privacy_audit\__init__.py" -Pattern '^__version__ = "(.+)"').Matches[0].Groups[1].Value
$Bundle = Join-Path $Root "dist\privacy-audit"

if (-not $SkipPyInstaller) {
    & $Python -m PyInstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller build.spec
    if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }
}
foreach ($exe in "PrivacyAudit.exe", "privacy-audit.exe") {
    if (-not (Test-Path (Join-Path $Bundle $exe))) { throw "no $exe in $Bundle: run PyInstaller first" }
}

# Quick check before packaging: the console program starts and finds its bundled checklists.
& (Join-Path $Bundle "privacy-audit.exe") --version
if ($LASTEXITCODE -ne 0) { throw "the bundled program does not start" }

function Invoke-Sign([string[]]$Files) {
    if (-not $env:SIGN_CERT_THUMBPRINT) { return }
    $timestamp = if ($env:SIGN_TIMESTAMP_URL) { $env:SIGN_TIMESTAMP_URL } else { "http://timestamp.digicert.com" }
    & signtool sign /sha1 $env:SIGN_CERT_THUMBPRINT /fd SHA256 /td SHA256 /tr $timestamp @Files
    if ($LASTEXITCODE -ne 0) { throw "signtool failed" }
}
Invoke-Sign @((Join-Path $Bundle "PrivacyAudit.exe"), (Join-Path $Bundle "privacy-audit.exe"))

$Iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $Iscc) { $Iscc = Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe" }
if (-not (Test-Path $Iscc)) { throw "Inno Setup 6 is needed (choco install innosetup)" }
& $Iscc "/DAppVersion=$Version" "/DBundleDir=$Bundle" "/DOutputDir=$(Join-Path $Root 'dist')" "packaging\windows\privacy-audit.iss"
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }

$Setup = Join-Path $Root "dist\PrivacyAudit-$Version-setup.exe"
Invoke-Sign @($Setup)
Write-Output $Setup
