#!/usr/bin/env bash
# Build the Linux release: PyInstaller one-folder bundle -> privacy-audit-VERSION-linux-ARCH.tar.gz
#
#   packaging/linux/build_tarball.sh            # builds dist/ with PyInstaller first
#   SKIP_PYINSTALLER=1 packaging/linux/build_tarball.sh   # reuse an existing dist/privacy-audit
#
# The tarball unpacks to one folder laid out like a prefix (bin/, lib/, share/) with an install.sh that
# copies it to /opt/privacy-audit and links the launcher, icon and AppStream metadata into /usr/local.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python3}"
VERSION="$(sed -n 's/^__version__ = "\(.*\)"/\1/p' privacy_audit/__init__.py)"
ARCH="$(uname -m)"
APP_ID="$(sed -n 's/^APP_ID = "\(.*\)"/\1/p' privacy_audit/__init__.py)"  # the one id
NAME="privacy-audit-${VERSION}-linux-${ARCH}"
OUT="${OUT:-$ROOT/dist}"

if [[ -z "${SKIP_PYINSTALLER:-}" ]]; then
    "$PYTHON" -m PyInstaller --noconfirm --clean --distpath "$OUT" --workpath "$ROOT/build/pyinstaller" build.spec
fi
BUNDLE="$OUT/privacy-audit"
[[ -x "$BUNDLE/privacy-audit" ]] || { echo "no bundle at $BUNDLE: run PyInstaller first" >&2; exit 1; }

# Check the metadata before shipping it, when the validators are installed (Debian: desktop-file-utils,
# appstream). CI installs both; a developer without them still gets a tarball.
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "packaging/linux/$APP_ID.desktop"
fi
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net "packaging/linux/$APP_ID.metainfo.xml"
fi

STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
TOP="$STAGE/$NAME"
mkdir -p "$TOP/bin" "$TOP/lib" "$TOP/share/applications" "$TOP/share/metainfo" \
         "$TOP/share/icons/hicolor/scalable/apps" "$TOP/share/icons/hicolor/256x256/apps"
cp -a "$BUNDLE" "$TOP/lib/privacy-audit"
ln -s ../lib/privacy-audit/privacy-audit "$TOP/bin/privacy-audit"
cp "packaging/linux/$APP_ID.desktop" "$TOP/share/applications/"
cp "packaging/linux/$APP_ID.metainfo.xml" "$TOP/share/metainfo/"
cp resources/icons/privacy-audit.svg "$TOP/share/icons/hicolor/scalable/apps/$APP_ID.svg"
cp resources/icons/privacy-audit.png "$TOP/share/icons/hicolor/256x256/apps/$APP_ID.png"
cp packaging/linux/install.sh "$TOP/install.sh"
chmod 0755 "$TOP/install.sh"

mkdir -p "$OUT"
# Sorted names and fixed owners/times so that the same input gives the same tarball.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@${SOURCE_DATE_EPOCH:-0}" \
    -C "$STAGE" -czf "$OUT/$NAME.tar.gz" "$NAME"
echo "$OUT/$NAME.tar.gz"
