#!/usr/bin/env bash
# Build the macOS release: "Privacy Audit.app" (PyInstaller BUNDLE from build.spec) -> PrivacyAudit-VERSION.dmg
#
#   packaging/macos/build_dmg.sh
#
# Signing and notarisation run only when their variables are set, so a developer without an Apple
# Developer ID still gets an (unsigned) .dmg:
#   MACOS_SIGN_IDENTITY   "Developer ID Application: Example School Trust (TEAMID1234)"
#   MACOS_NOTARY_PROFILE  a keychain profile made once with `xcrun notarytool store-credentials`
#                          (or MACOS_NOTARY_APPLE_ID + MACOS_NOTARY_TEAM_ID + MACOS_NOTARY_PASSWORD)
# Every Mach-O file is signed with the hardened runtime and packaging/macos/entitlements.plist, which
# Playwright's Node.js driver needs (JIT); notarisation rejects a hardened app without them.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python3}"
VERSION="$(sed -n 's/^__version__ = "\(.*\)"/\1/p' privacy_audit/__init__.py)"
APP="dist/Privacy Audit.app"
DMG="dist/PrivacyAudit-${VERSION}.dmg"
ENTITLEMENTS="packaging/macos/entitlements.plist"

if [[ -z "${SKIP_PYINSTALLER:-}" ]]; then
    "$PYTHON" -m PyInstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller build.spec
fi
[[ -d "$APP" ]] || { echo "no $APP: run PyInstaller on macOS first" >&2; exit 1; }
"$APP/Contents/MacOS/privacy-audit" --version

if [[ -n "${MACOS_SIGN_IDENTITY:-}" ]]; then
    # Sign inside out: every nested binary first (node, Qt frameworks, Python extensions), then the app.
    # --deep is not used: Apple discourages it, and it would skip node, which is stored as data.
    while IFS= read -r -d '' file; do
        if file -b "$file" | grep -q "Mach-O"; then
            codesign --force --timestamp --options runtime --entitlements "$ENTITLEMENTS" \
                --sign "$MACOS_SIGN_IDENTITY" "$file"
        fi
    done < <(find "$APP/Contents" -type f -print0)
    codesign --force --timestamp --options runtime --entitlements "$ENTITLEMENTS" \
        --sign "$MACOS_SIGN_IDENTITY" "$APP"
    codesign --verify --strict --verbose=2 "$APP"
else
    echo "MACOS_SIGN_IDENTITY is not set: the app and disk image are not signed." >&2
fi

rm -f "$DMG"
STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
hdiutil create -volname "Privacy Audit" -srcfolder "$STAGE" -fs HFS+ -format UDZO -ov "$DMG"

if [[ -n "${MACOS_SIGN_IDENTITY:-}" ]]; then
    codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$DMG"
fi

if [[ -n "${MACOS_SIGN_IDENTITY:-}" && ( -n "${MACOS_NOTARY_PROFILE:-}" || -n "${MACOS_NOTARY_APPLE_ID:-}" ) ]]; then
    if [[ -n "${MACOS_NOTARY_PROFILE:-}" ]]; then
        xcrun notarytool submit "$DMG" --keychain-profile "$MACOS_NOTARY_PROFILE" --wait
    else
        xcrun notarytool submit "$DMG" --apple-id "$MACOS_NOTARY_APPLE_ID" --team-id "$MACOS_NOTARY_TEAM_ID" \
            --password "$MACOS_NOTARY_PASSWORD" --wait
    fi
    xcrun stapler staple "$DMG"
    spctl --assess --type open --context context:primary-signature --verbose "$DMG"
else
    echo "Notarisation skipped (set MACOS_SIGN_IDENTITY and MACOS_NOTARY_PROFILE to notarise)." >&2
fi
echo "$DMG"
