"""Bad input: one clear, one-line error that names the file (or URL) and what went wrong."""

from __future__ import annotations


def _short(text: str, limit: int) -> str:
    """``text`` with its middle cut out if it is longer than ``limit`` (keeps a ``file:line`` end)."""
    if len(text) <= limit:
        return text
    tail = limit // 2
    return text[: limit - tail - 3] + "..." + text[-tail:]


class IngestError(Exception):
    """An input that could not be read. ``source`` names the file, ``file:line`` or URL.

    It is both raised (``read_url``) and yielded (``read_path``), so a batch can report it
    and carry on with the next input.
    """

    #: Longest ``source`` and ``message`` kept (the middle of a longer one is cut out).
    MAX_SOURCE = 500
    MAX_MESSAGE = 600

    def __init__(self, source: str, message: str) -> None:
        self.source = _short(" ".join(str(source).split()), self.MAX_SOURCE)
        self.message = _short(" ".join(str(message).split()), self.MAX_MESSAGE)  # always one short line
        super().__init__(f"{self.source}: {self.message}")

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"

    def __repr__(self) -> str:
        return f"IngestError({self.source!r}, {self.message!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, IngestError) and (self.source, self.message) == (other.source, other.message)

    def __hash__(self) -> int:
        return hash((self.source, self.message))
