"""Ingest: files, folders, JSON lines and URLs -> :class:`~protestdb.models.Article`."""

from protestdb.ingest.encoding import decode_bytes, repair_mojibake
from protestdb.ingest.errors import IngestError
from protestdb.ingest.fetch import read_url
from protestdb.ingest.html import parse_html
from protestdb.ingest.readers import html_to_article, read_article, read_file, read_path, text_to_article

__all__ = [
    "IngestError",
    "decode_bytes",
    "html_to_article",
    "parse_html",
    "read_article",
    "read_file",
    "read_path",
    "read_url",
    "repair_mojibake",
    "text_to_article",
]
