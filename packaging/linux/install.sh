#!/usr/bin/env bash
# Install Privacy Audit for every user of this machine (run as root from the unpacked tarball):
#
#   sudo ./install.sh              # installs to /opt/privacy-audit, links into /usr/local
#   sudo ./install.sh --uninstall  # removes exactly what install.sh added
#
# Each person's own record (~/.local/share/privacy-audit) is theirs and is never touched here.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PREFIX="${PREFIX:-/usr/local}"
DEST="${DEST:-/opt/privacy-audit}"
APP_ID="uk.privacyaudit.PrivacyAudit"  # privacy_audit.APP_ID (tests/packaging/test_recipes.py keeps them equal)
LINKS=(
    "$PREFIX/bin/privacy-audit"
    "$PREFIX/share/applications/$APP_ID.desktop"
    "$PREFIX/share/metainfo/$APP_ID.metainfo.xml"
    "$PREFIX/share/icons/hicolor/scalable/apps/$APP_ID.svg"
    "$PREFIX/share/icons/hicolor/256x256/apps/$APP_ID.png"
)

refresh_caches() {
    command -v update-desktop-database >/dev/null && update-desktop-database -q "$PREFIX/share/applications" || true
    command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$PREFIX/share/icons/hicolor" || true
}

if [[ "${1:-}" == "--uninstall" ]]; then
    rm -f "${LINKS[@]}"
    rm -rf "$DEST"
    refresh_caches
    echo "Privacy Audit removed. People's own records in their home folders were left alone."
    exit 0
fi

rm -rf "$DEST"
mkdir -p "$(dirname "$DEST")"
cp -a "$HERE/lib/privacy-audit" "$DEST"
for link in "${LINKS[@]}"; do
    mkdir -p "$(dirname "$link")"
done
ln -sf "$DEST/privacy-audit" "$PREFIX/bin/privacy-audit"
install -m 0644 "$HERE/share/applications/$APP_ID.desktop" "$PREFIX/share/applications/$APP_ID.desktop"
install -m 0644 "$HERE/share/metainfo/$APP_ID.metainfo.xml" "$PREFIX/share/metainfo/$APP_ID.metainfo.xml"
install -m 0644 "$HERE/share/icons/hicolor/scalable/apps/$APP_ID.svg" "$PREFIX/share/icons/hicolor/scalable/apps/$APP_ID.svg"
install -m 0644 "$HERE/share/icons/hicolor/256x256/apps/$APP_ID.png" "$PREFIX/share/icons/hicolor/256x256/apps/$APP_ID.png"
refresh_caches
echo "Privacy Audit installed in $DEST. A school.yaml placed in /etc/xdg/privacy-audit/ applies to every user."
