#!/usr/bin/env bash
# `make test`'s first step: on Debian or Ubuntu, install with apt-get what the test suite needs and the machine lacks,
# judged by command presence (a tool already there, however installed, is left alone):
#   python3-venv (the suite's virtual environment), chromium (the browser tests; Playwright drives Debian's package,
#   it never downloads a browser), npm (the browser checkers axe-core and vnu-jar), a Java runtime (the Nu HTML Checker),
#   LibreOffice Calc (tests/test_open_data.py reads the CSV exports back as a spreadsheet does).
# Uses sudo when not root. Says what it installs; installs nothing when nothing is missing.
set -euo pipefail
PYTHON="${PYTHON:-python3}"

packages=()
"$PYTHON" -c "import ensurepip, venv" >/dev/null 2>&1 || [ -x .venv/bin/python ] || packages+=(python3-venv)
command -v chromium >/dev/null 2>&1 || packages+=(chromium)
command -v npm >/dev/null 2>&1 || packages+=(npm)
command -v java >/dev/null 2>&1 || packages+=(default-jre-headless)
command -v soffice >/dev/null 2>&1 || packages+=(libreoffice-calc-nogui)
[ ${#packages[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "The tests need: ${packages[*]} (Debian package names). Install them, then run make test again." >&2
  exit 1
fi
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
echo "Installing what the tests need and this machine lacks: ${packages[*]} (apt-get${SUDO:+, with sudo})"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${packages[@]}"
