#!/usr/bin/env python3
"""Refresh docs/screenshots/ from the browser tests (they write to a temporary folder otherwise).

    python3 scripts/screenshots.py        # runs tests/test_web_browser.py and tests/test_web_ccc_browser.py

Needs Debian chromium at /usr/bin/chromium and, for the CCC screenshots, ../shared/data/ccc.
Prints each screenshot written; exits with pytest's status.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "docs" / "screenshots"
TESTS = ["tests/test_web_browser.py", "tests/test_web_ccc_browser.py"]


def main() -> int:
    SHOTS.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    env = {**os.environ, "PROTESTDB_SCREENSHOTS": str(SHOTS)}
    code = subprocess.call([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *TESTS], cwd=ROOT, env=env)
    fresh = sorted(p.name for p in SHOTS.glob("*.png") if p.stat().st_mtime >= t0 - 1)
    print(f"{len(fresh)} screenshot(s) written to {SHOTS.relative_to(ROOT)}: {', '.join(fresh) or 'none'}")
    return code


if __name__ == "__main__":
    sys.exit(main())
