"""Bytes -> text: BOMs, UTF-16/32, UTF-8, cp1252/Latin-1 fallback, mojibake repair, binary sniffing."""

from __future__ import annotations

import codecs
import re
import unicodedata

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Characters that cp1252 (or Latin-1, for the 5 undefined bytes) gives for bytes 0x80-0xBF,
#: i.e. what UTF-8 continuation bytes look like when mis-decoded.
_CONT = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0xC0))
#: ... and for UTF-8 lead bytes 0xC2-0xF4.
_LEAD = "".join(bytes([b]).decode("cp1252") for b in range(0xC2, 0xF5))
_MOJIBAKE = re.compile(f"[{re.escape(_LEAD)}][{re.escape(_CONT)}]{{1,3}}")

#: Share of control characters (other than tab, newline, CR, form feed) above which
#: decoded text is taken for binary junk.
MAX_CONTROL_RATIO = 0.05


def _bom(data: bytes) -> tuple[str, int] | None:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc, len(bom)
    return None


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without BOM: mostly-ASCII text has a NUL in every other byte."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even = sample[0::2]
    odd = sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def is_binary_bytes(data: bytes) -> bool:
    """NUL bytes in data that is not UTF-16/32 text."""
    sample = data[:8192]
    if _bom(sample) or _looks_utf16(sample):
        return False
    return b"\x00" in sample


def control_ratio(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:20000]
    bad = sum(1 for c in sample if c not in "\t\n\r\f" and unicodedata.category(c) == "Cc")
    return bad / len(sample)


def is_binary_text(text: str) -> bool:
    return "\x00" in text[:20000] or control_ratio(text) > MAX_CONTROL_RATIO


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 read as cp1252/Latin-1 ("â€™" -> "’", "Ã©" -> "é"), sequence by sequence."""

    def fix(m: re.Match[str]) -> str:
        s = m.group(0)
        try:
            raw = s.encode("cp1252")
        except UnicodeEncodeError:
            try:
                raw = s.encode("latin-1")
            except UnicodeEncodeError:
                return s
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return s

    if not _MOJIBAKE.search(text):
        return text
    return _MOJIBAKE.sub(fix, text)


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` to text; returns ``(text, encoding used)``.

    Order: a BOM; UTF-16 without BOM; UTF-8; the ``declared`` encoding (HTTP header,
    HTML meta); cp1252; Latin-1 (never fails). Newlines are normalised to ``\\n`` and
    common UTF-8-as-cp1252 mojibake is repaired.
    """
    enc: str
    found = _bom(data)
    if found:
        enc, skip = found
        text = data[skip:].decode(enc, errors="replace")
    elif guess := _looks_utf16(data):
        enc = guess
        text = data.decode(enc, errors="replace")
    else:
        text = ""
        enc = ""
        candidates = ["utf-8"]
        if declared:
            candidates.append(declared)
        candidates += ["cp1252"]
        for cand in candidates:
            try:
                text = data.decode(cand)
                enc = cand
                break
            except (UnicodeDecodeError, LookupError):
                continue
        else:
            text, enc = data.decode("latin-1"), "latin-1"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return repair_mojibake(text), enc
