"""Export: CCC Phase 3 CSV, full JSON records, GeoJSON."""

from protestdb.export.ccc import ccc_columns, event_to_row, events_to_rows, write_ccc_csv
from protestdb.export.geojson import events_to_geojson, write_geojson
from protestdb.export.records import event_to_dict, write_json

__all__ = [
    "ccc_columns",
    "event_to_dict",
    "event_to_row",
    "events_to_geojson",
    "events_to_rows",
    "write_ccc_csv",
    "write_geojson",
    "write_json",
]
