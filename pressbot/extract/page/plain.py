"""Plain-text pages (a copied release): the first line is the title, a short dated line near the top the date line,
and sentences a copy broke across lines are re-joined (``_reflow``).
"""

from __future__ import annotations

import re

from pressbot.errors import ExtractError
from pressbot.extract.blocks import Block
from pressbot.extract.dates import DateError, parse_date
from pressbot.extract.page.chrome import _CHROME_HEADING, _cut_chrome, strip_residue
from pressbot.extract.page.document import Page
from pressbot.extract.text import clean


def _read_text(text: str) -> Page:
    lines = [line for line in clean(strip_residue(text)).split("\n") if line]
    if not lines:
        raise ExtractError("empty", "the text has no content")
    title = lines[0]
    date_at = next((i for i, line in enumerate(lines[1:6], 1) if len(line) <= 40 and _has_date(line)), None)
    rest = _reflow(lines[date_at + 1 :] if date_at is not None else lines[1:])
    blocks = _cut_chrome([Block(line, "line") for line in rest])
    return Page(title=title, date_text=lines[date_at] if date_at is not None else None, blocks=blocks, is_html=False)


_SENTENCE_DONE = re.compile(r"[。．.!?！？:：」』]$")
_STARTS_POINT = re.compile(
    r"^(?:[0-9０-９]{1,2}(?:[.．\s　]|$)|[(（][0-9０-９a-zア-ン]{1,2}[)）]|[①-⑳]|[ア-ン][\s　]|[-•・°*※])"
)
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_OPEN_WORD = re.compile(r"\b(?:for|of|the|and|with|to|a|an|in|on|at|by|from|as|that|his|her|their|its)$")


def _reflow(lines: list[str]) -> list[str]:
    """Re-join sentences a copy broke across lines (a long line that stops mid-sentence continues below)."""
    out: list[str] = []
    for line in lines:
        previous = out[-1] if out else ""
        open_paren = previous.count("(") + previous.count("（") > previous.count(")") + previous.count("）")
        if (
            (len(previous) >= 20 or open_paren)
            and not _SENTENCE_DONE.search(previous)
            and not _STARTS_POINT.match(line)
            and not _CHROME_HEADING.match(line)
            and (
                _CJK.search(previous.rstrip(")）")[-1:] + line[:1])
                or previous[-1] in "、，,"
                or line[:1].islower()
                or open_paren
                or _OPEN_WORD.search(previous)
                or (previous[-1].isdigit() and line[:1].isdigit() and _CJK.search(previous[-3:]))
            )
        ):
            joined_word = _CJK.search(previous[-1] + line[:1]) or (previous[-1].isdigit() and line[:1].isdigit())
            out[-1] = previous + ("" if joined_word else " ") + line
        else:
            out.append(line)
    return out


def _has_date(text: str) -> bool:
    try:
        return parse_date(text) is not None
    except DateError:
        return True
