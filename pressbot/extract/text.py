"""Text normalisation shared by every rule: one place decides what 'the same text' means."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[ \t\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff]+")
_UNUSUAL_SPACE = re.compile(r"[\t\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff]|  ")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def nfkc(text: str) -> str:
    """Full-width digits, letters and parentheses to their ASCII forms (Ｍｒ．１ → Mr.1)."""
    return unicodedata.normalize("NFKC", text)


def clean(text: str) -> str:
    """Collapse runs of spaces (incl. ideographic) on each line; strip the ends; keep line breaks."""
    stripped = text.strip()
    # Most blocks are one line whose only odd spacing is the source indentation around it: done. Line breaks
    # and every space in _SPACES but ' ' are "not printable" (str.isprintable), so this test is exact.
    if stripped.isprintable() and "  " not in stripped:
        return stripped
    if _UNUSUAL_SPACE.search(text):
        text = _SPACES.sub(" ", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\n" not in text:
        return text.strip()
    return "\n".join(stripped for line in text.split("\n") if (stripped := line.strip()))


def one_line(text: str) -> str:
    return _SPACES.sub(" ", text.replace("\n", " ")).strip()
