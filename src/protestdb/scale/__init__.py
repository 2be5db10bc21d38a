"""Scale: the same pipeline as a Ray Data job (``protestdb batch``).

The driver reads the inputs with the ordinary :mod:`protestdb.ingest` readers, Ray
workers run detection + extraction in parallel (spaCy loaded once per worker), the
results come back as JSON lines shards (articles + mentions), and the driver merges each
shard into the store as the only writer. Ray is an optional dependency (extra ``scale``):
importing this package does not import Ray.
"""

from protestdb.scale.ray_job import (
    BatchReport,
    ExtractBatch,
    extract_rows,
    merge_shards,
    read_shard,
    run_batch,
)

__all__ = ["BatchReport", "ExtractBatch", "extract_rows", "merge_shards", "read_shard", "run_batch"]
