"""Crowd Counting Consortium data: read CCC CSV files of every phase, map rows to events,
import them into a store (merging across CCC snapshots), and link articles to CCC events.

```python
from protestdb.ccc import read_ccc, import_ccc
report = import_ccc(store, ["ccc-phase3-public_asof-2025-03-06.csv"])
```
"""

from protestdb.ccc.importer import FileReport, ImportReport, import_ccc, import_ccc_file
from protestdb.ccc.mapping import ccc_key, map_event_types, reconcile_row, row_to_event
from protestdb.ccc.reader import CCCFile, CCCRow, RowError, read_ccc, read_ccc_text

__all__ = [
    "CCCFile",
    "CCCRow",
    "FileReport",
    "ImportReport",
    "RowError",
    "ccc_key",
    "import_ccc",
    "import_ccc_file",
    "map_event_types",
    "read_ccc",
    "read_ccc_text",
    "reconcile_row",
    "row_to_event",
]
