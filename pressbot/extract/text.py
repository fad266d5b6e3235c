"""Text normalisation shared by every rule: one place decides what 'the same text' means."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

_SPACES = re.compile(r"[ \t\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff]+")
_UNUSUAL_SPACE = re.compile(r"[\t\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff]|  ")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def nfkc(text: str) -> str:
    """Full-width digits, letters and parentheses to their ASCII forms (Ｍｒ．１ → Mr.1)."""
    return unicodedata.normalize("NFKC", text)


def clean(text: str) -> str:
    """Collapse runs of spaces (incl. ideographic) on each line; strip the ends; keep line breaks."""
    stripped = text.strip()
    # Most blocks are one line whose only odd spacing is the source indentation around it: done when the
    # stripped text holds no double space, no line break, no CR and no space of _SPACES but ' '. The last
    # three kinds are all "not printable" (str.isprintable), so that test is exact and cheaper than any regex
    # scan (measured with callgrind). In ASCII text (isascii() reads a flag) they are only tab, CR and LF:
    # three memchr scans for those cost a tenth of isprintable(). page._BlockWriter._emit repeats this test
    # inline (a call per block cost it 0.14 M instructions a page); tests/extract/test_page_fast.py keeps them equal.
    if (
        ("\n" not in stripped and "\t" not in stripped and "\r" not in stripped)
        if stripped.isascii()
        else stripped.isprintable()
    ) and "  " not in stripped:
        return stripped
    # Japanese text spaces a number from its heading with U+3000 ('1\u3000人的交流'): when that is the only odd
    # space, one at a time, the collapse is a replace (the same test on the result; the regexes below cost ~8,000
    # instructions on such a line). tests/extract/test_page_fast.py compares with the full rule.
    if "\u3000" in stripped:
        spaced = stripped.replace("\u3000", " ")
        if spaced.isprintable() and "  " not in spaced:
            return spaced
    if _UNUSUAL_SPACE.search(text):
        text = _SPACES.sub(" ", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\n" not in text:
        return text.strip()
    return "\n".join(stripped for line in text.split("\n") if (stripped := line.strip()))


def one_line(text: str) -> str:
    return _SPACES.sub(" ", text.replace("\n", " ")).strip()


@dataclass(frozen=True, slots=True)
class Guarded:
    """A regex behind a literal prefilter: ``search`` runs the regex only when the text holds one of ``needles``.

    Python's re has no prefilter for a case-insensitive alternation: a search that finds nothing tries every
    branch at every position (100,000-400,000 instructions on one lead paragraph), while a substring test is a
    C scan. Every match of ``pattern`` contains a needle (case-folded when the pattern ignores case):
    tests/extract/test_fast_paths.py checks that on matches generated from the pattern.
    """

    pattern: re.Pattern[str]
    needles: tuple[str, ...]
    folds: bool = field(init=False)  # the pattern ignores case (decided once: a RegexFlag test costs per call)

    def __post_init__(self) -> None:
        object.__setattr__(self, "folds", bool(self.pattern.flags & re.IGNORECASE))

    def may_match(self, text: str) -> bool:
        """False only where the pattern cannot match: the text holds none of the needles."""
        haystack = _fold(text) if self.folds else text
        for needle in self.needles:  # noqa: SIM110 - a loop, not any(): this runs on every block
            if needle in haystack:
                return True
        return False

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text) if self.may_match(text) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text) if self.may_match(text) else iter(())

    def sub(self, replacement: str, text: str) -> str:
        return self.pattern.sub(replacement, text) if self.may_match(text) else text


def _fold(text: str) -> str:
    """Case-fold as re.I matches ASCII letters: casefold() maps ſ to s and K (Kelvin) to k, but re.I also
    matches İ and ı to i, which casefold() leaves as 'i̇' and 'ı'."""
    folded = text.casefold()
    if "\u0307" in folded or "ı" in folded:
        folded = folded.replace("i\u0307", "i").replace("ı", "i")
    return folded


def starting_with(first: str, rule: str, flags: int = 0) -> re.Pattern[str]:
    """``rule`` compiled behind a lookahead for the characters a match of it can start with.

    re has no prefilter for an alternation that ignores case or whose branches open with ``\\b``: a search tries
    every branch at every position (~2,500 instructions per character of a lead). A one-class lookahead fails in
    a few dozen where no match can start, and changes nothing where one can, provided ``first`` holds the first
    character of every branch (lower case is enough under re.I: a class then matches whatever the literal does).
    tests/extract/test_fast_paths.py checks that on matches generated from ``rule``.
    """
    return re.compile(f"(?=[{first}])(?:{rule})", flags)
