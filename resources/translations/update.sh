#!/usr/bin/env bash
# Regenerates the list of every string the desktop app translates: privacy_audit_en_GB.ts (or the .ts file
# given), from every module that calls tr()/translate() and from core/provenance.py's marked templates.
# Translations already in the file are kept; strings no longer in the code are dropped (-no-obsolete).
# Locations are left out so the file changes only when a string does. tests/unit/test_translations.py
# runs this into a copy and fails when the committed file is out of date.
#   LUPDATE=/path/to/pyside6-lupdate resources/translations/update.sh [TS_FILE]
set -euo pipefail
ts=${1:-resources/translations/privacy_audit_en_GB.ts}
[ "${1:-}" ] && case "$ts" in /*) ;; *) ts="$PWD/$ts" ;; esac  # a file given is relative to where we were
cd "$(dirname "$0")/../.."
"${LUPDATE:-pyside6-lupdate}" -silent -no-obsolete -locations none -source-language en_GB \
  privacy_audit/ui/*.py privacy_audit/desktop/*.py privacy_audit/demo/*.py privacy_audit/report/*.py \
  privacy_audit/core/provenance.py -ts "$ts"
