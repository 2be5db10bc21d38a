#!/usr/bin/env bash
# Installs everything protestdb and its tests need on a fresh Debian machine with Python 3.11+,
# then runs the linter and the whole test suite (browser tests in headless Debian chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get install -y -q chromium >/dev/null 2>&1 || { $SUDO apt-get update -q >/dev/null && $SUDO apt-get install -y -q chromium >/dev/null; }
fi

python3 -m pip install -q -e ".[dev,scale]"
python3 -m ruff check src tests benchmarks
python3 -m pytest -q -p no:cacheprovider "$@"
