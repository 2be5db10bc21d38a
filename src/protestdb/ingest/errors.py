"""Bad input: one clear, one-line error that names the file (or URL) and what went wrong."""

from __future__ import annotations


class IngestError(Exception):
    """An input that could not be read. ``source`` names the file, ``file:line`` or URL.

    It is both raised (``read_url``) and yielded (``read_path``), so a batch can report it
    and carry on with the next input.
    """

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = str(source)
        self.message = " ".join(str(message).split())  # always one line

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"

    def __repr__(self) -> str:
        return f"IngestError({self.source!r}, {self.message!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, IngestError) and (self.source, self.message) == (other.source, other.message)

    def __hash__(self) -> int:
        return hash((self.source, self.message))
