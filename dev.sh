#!/usr/bin/env bash
# One entry point for developers and CI, on a fresh machine:
#   ./dev.sh app [ARGS...]    set up .venv if needed, then run the app (e.g. ./dev.sh app --demo)
#   ./dev.sh test [ARGS...]   set up .venv with the test extras if needed, then run the whole test suite
#   ./dev.sh bench [NAME...]  run the benchmarks and print each measurement as a ratio to its floor
# Set-up is repeated only when pyproject.toml changes. As root on Debian it also installs the system
# packages in .ci/debian-packages.txt (Qt's libraries, Chromium for the guided browser, Xvfb for the tests);
# otherwise it tells you which are missing.
set -euo pipefail
cd "$(dirname "$0")"

PYTHON=${PYTHON:-python3}
VENV=.venv

need_python() {
  "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || {
    echo "Privacy Audit needs Python 3.11 or newer; set PYTHON=/path/to/python3.11" >&2; exit 1; }
}

system_packages() {
  local wanted missing=()
  wanted=$(grep -v '^\s*#' .ci/debian-packages.txt | grep -v '^\s*$')
  command -v dpkg-query >/dev/null || return 0
  for pkg in $wanted; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing system packages: ${missing[*]}" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Missing system packages (some tests will fail without them): ${missing[*]}" >&2
    echo "Install them with: sudo apt-get install ${missing[*]}" >&2
  fi
}

setup() {  # $1: the extras to install, e.g. "" or "[test]"
  need_python
  local stamp="$VENV/.installed$1" fingerprint
  fingerprint=$(cat pyproject.toml | sha256sum | cut -d' ' -f1)
  if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
  fi
  if [ "$(cat "$stamp" 2>/dev/null)" != "$fingerprint" ]; then
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e ".$1"
    echo "$fingerprint" > "$stamp"
  fi
}

command=${1:-app}
shift || true
case "$command" in
  app)
    system_packages
    setup ""
    exec "$VENV/bin/privacy-audit" "$@"
    ;;
  test)
    system_packages
    setup "[test,build]"
    export QT_QPA_PLATFORM=offscreen
    exec "$VENV/bin/python" -m pytest "$@"
    ;;
  translations) setup "" && LUPDATE="$VENV/bin/pyside6-lupdate" exec resources/translations/update.sh ;;
  bench)
    system_packages
    setup "[test,build]"
    exec "$VENV/bin/python" benchmarks/run.py "$@"
    ;;
  *)
    echo "usage: ./dev.sh app [ARGS...] | test [PYTEST ARGS...] | bench [NAME...]" >&2
    exit 2
    ;;
esac
