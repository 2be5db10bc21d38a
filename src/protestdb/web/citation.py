"""Credit lines for what the server hands out: CCC for rows it coded, protestdb for extracted ones.

The Crowd Counting Consortium asks to be cited as the source of its data; every download
and every CCC-derived event carries that line.
"""

from __future__ import annotations

from typing import Any

CCC_CREDIT = (
    "Crowd Counting Consortium (Harvard Kennedy School Ash Center / University of Connecticut), "
    "https://ash.harvard.edu/programs/crowd-counting-consortium/"
)
PROTESTDB_CREDIT = "protestdb: events extracted by machine from the news reports listed as sources"


def credit_for(origin: str | None) -> str:
    """The credit line of one event: CCC's for imported rows, protestdb's for extracted events."""
    return CCC_CREDIT if origin == "ccc" else PROTESTDB_CREDIT


def citation(version: str) -> dict[str, Any]:
    """What a download says about where its rows come from (JSON/GeoJSON metadata)."""
    return {
        "citation": {
            "ccc": f"Rows with origin 'ccc': {CCC_CREDIT}. Please cite the Crowd Counting Consortium.",
            "protestdb": f"Rows with origin 'extract': {PROTESTDB_CREDIT} (protestdb {version}).",
        },
        "codebook": "/codebook",
    }
