#!/usr/bin/env bash
# Installs everything protestdb and its tests need on a fresh Debian machine with Python 3.11+,
# then runs the linter and the whole test suite (browser tests in headless Debian chromium).
# Leaves the checkout as it was (`git status` clean): browser screenshots go to a temporary
# folder; `python3 scripts/screenshots.py` refreshes docs/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "installing Debian chromium (apt-get, without recommended packages) ..."
  # -qq keeps apt's progress quiet; its errors still reach stderr. fonts-liberation: the one
  # recommended package the page needs (text in screenshots); daemons and the rest are left out.
  $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null \
    || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null; }
fi

python3 -m pip install -q -e ".[dev,scale]"
python3 -m ruff check src tests benchmarks
lint-imports  # the layer contract in pyproject.toml [tool.importlinter]
python3 -m pytest -q -p no:cacheprovider "$@"
