"""Plain-text pages (a copied release): the title is the first headline-like line after the site chrome a copy
opens with (section names, skip links, banners, breadcrumbs, a mirror's date stamp: chrome.toml [top]), the date
line the labelled or short dated line near it, and sentences a copy broke across lines are re-joined (``_reflow``).
"""

from __future__ import annotations

import re

from pressbot.errors import ExtractError
from pressbot.extract import vocab
from pressbot.extract.blocks import Block
from pressbot.extract.countries import _EN_WORD, JA_WORD
from pressbot.extract.dates import DateError, parse_date
from pressbot.extract.page.chrome import _CHROME_HEADING, _cut_chrome, strip_residue
from pressbot.extract.page.document import Page
from pressbot.extract.text import clean

_TOP = vocab.load("chrome")["top"]
_TOP_LINES = frozenset(word.casefold() for word in _TOP["lines"])
_TOP_HOLDING = tuple(_TOP["holding"])
_TOP_ENDINGS = tuple(word.casefold() for word in _TOP["endings"])
_PUBLISHED_LABELS = frozenset(word.casefold() for word in _TOP["published_labels"])
_OTHER_LABELS = frozenset(word.casefold() for word in _TOP["other_labels"])
_LABELLED = re.compile(
    r"^(?:" + vocab.alternation(sorted(_TOP["published_labels"], key=len, reverse=True)) + r")\s*[:：]?\s*(?=\S)", re.I
)
_STAMP = re.compile(r"^(?:" + vocab.alternation(_TOP["stamps"]) + r")\s+(\d{4}-\d{2}-\d{2})(?!\S)\s*(.*)$", re.I)
_MARKER = re.compile(r"^(?:[•·*|–—-]+\s*|[(（]?\d{1,2}[.)）]\s+)")  # a bullet or list number before a menu item
_BREADCRUMB = re.compile(r"\S\s+[>›»]\s+\S.*?\s+[>›»]\s+\S")  # 'Home > News > …': two separators
_TITLE_TAIL = re.compile(r"(?:\s+#\w+)*\s+https?://\S+$|\s+\[[a-z]{2}\]$|\s*[|｜]$")  # tweet link, '[fr]', '|'
_PARENTHESIS = re.compile(r"[(（][^)）]*[)）]$")
_LETTER = re.compile(r"[^\W\d_]")
_WIDE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3]")
_TOP_WINDOW = 30  # lines of chrome a copy may open with
_HEADER_WINDOW = 8  # lines between the title and its date line (labels, a byline, a kind)


def _read_text(text: str) -> Page:
    lines = [line for line in clean(strip_residue(text)).split("\n") if line]
    if not lines:
        raise ExtractError("empty", "the text has no content")
    stamp = None
    found = _STAMP.match(lines[0])
    if found:  # a mirror's date stamp: the date, then the title or the text
        stamp = found.group(1)
        lines = ([found.group(2)] if found.group(2) else []) + lines[1:]
        if not lines:
            raise ExtractError("empty", "the text has no content")
    title_at, early_date = _title_at(lines)
    title = _TITLE_TAIL.sub("", lines[title_at]) or lines[title_at]
    date_text, body_at = _header(lines, title_at)
    if date_text is None:
        date_text = stamp or early_date
    if body_at == title_at + 1 and not _headline_like(title):
        body_at = title_at  # no recognisable title: the first line is text, and stays in the body
    rest = _reflow(lines[body_at:])
    blocks = _cut_chrome([Block(line, "line") for line in rest])
    return Page(title=title, date_text=date_text, blocks=blocks, is_html=False)


def _title_at(lines: list[str]) -> tuple[int, str | None]:
    """Where the title is (the first headline-like line that is not chrome) and a date line above it."""
    first = None  # the first line that is not plain chrome: the title when no line is headline-like
    early_date = None
    for index, line in enumerate(lines[:_TOP_WINDOW]):
        if _is_date_line(line):
            early_date = early_date or line
            continue
        if _is_chrome(line):
            continue
        if first is None:
            first = index
        if _is_short(line):
            continue
        if _headline_like(line):
            return index, early_date
        break
    return (first if first is not None else 0), early_date


def _header(lines: list[str], title_at: int) -> tuple[str | None, int]:
    """The date line below the title (a labelled value, 'Posted on …', a short dated line) and where the body
    starts: after the date line and the labels around it; right after the title when there is no date line."""
    date_text = None
    end = title_at + 1
    index = title_at + 1
    limit = min(len(lines), title_at + 1 + _HEADER_WINDOW)
    while index < limit:
        line = lines[index]
        key = line.casefold().rstrip(":：")
        if key in _PUBLISHED_LABELS or key in _OTHER_LABELS:  # a label, its value on the next line
            value = lines[index + 1] if index + 1 < len(lines) else ""
            if key in _PUBLISHED_LABELS and date_text is None and _has_date(value):
                date_text = value
            index += 2
            end = index
            continue
        if date_text is not None:
            break
        labelled = _LABELLED.match(line)
        if labelled and len(line) <= 60 and _has_date(line[labelled.end() :]):
            date_text = line[labelled.end() :]
            end = index = index + 1
            continue
        if _is_date_line(line, 80):
            date_text = line
            end = index = index + 1
            continue
        index += 1
    return date_text, end if date_text is not None else title_at + 1


def _is_date_line(line: str, longest: int = 120) -> bool:
    """A short line with a date, or one up to ``longest`` that opens with a date ('08/03/2024 | Press release | …',
    'Wednesday, April 19, 2017, 4:42 p.m. Ministry of Foreign Affairs')."""
    if len(line) <= 40:
        return _has_date(line)
    try:
        found = parse_date(line[:40])
    except DateError:
        return False
    return found is not None and found.start <= 2 and len(line) <= longest


def _is_chrome(line: str) -> bool:
    """A section name, skip link, banner, breadcrumb, menu item, logo, or a line with no letters."""
    if not _LETTER.search(line):
        return True
    bare = _MARKER.sub("", line).strip()
    key = bare.casefold()
    if key in _TOP_LINES or line.casefold() in _TOP_LINES or _PARENTHESIS.sub("", key).strip() in _TOP_LINES:
        return True
    if any(word in line for word in _TOP_HOLDING):
        return True
    if len(line) <= 60 and key.endswith(_TOP_ENDINGS):
        return True
    if bare != line and len(bare) <= 20:  # '• 国家象徴', '2. ENGLISH': a menu item
        return True
    if _BREADCRUMB.search(line) or line.count(" | ") >= 2:  # a breadcrumb; 'date | kind | distributor' meta
        return True
    return _is_country(bare)


def _is_country(line: str) -> bool:
    """A line that is only a country's name ('インド', '英国(グレートブリテン…)', 'France'): a section heading."""
    name = _PARENTHESIS.sub("", line).strip() or line
    found = JA_WORD.fullmatch(name)
    if found:
        return True
    return len(name) <= 40 and _EN_WORD.fullmatch(name) is not None


def _is_short(line: str) -> bool:
    """Too short for a headline (under five characters of Japanese or Korean, under three words otherwise):
    a section name or masthead when a headline-like line follows."""
    if _WIDE.search(line):
        return len(line.replace(" ", "")) < 5
    return len(line.split()) < 3


def _headline_like(line: str) -> bool:
    return len(line) <= 200 and not _SENTENCE_DONE.search(line) and not _STARTS_POINT.match(line)


_SENTENCE_DONE = re.compile(r"[。．.!?！？:：」』]$")
_STARTS_POINT = re.compile(
    r"^(?:[0-9０-９]{1,2}(?:[.．\s　]|$)|[(（][0-9０-９a-zア-ン]{1,2}[)）]|[①-⑳]|[ア-ン][\s　]|[-•・°*※])"
)
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_OPEN_WORD = re.compile(r"\b(?:for|of|the|and|with|to|a|an|in|on|at|by|from|as|that|his|her|their|its)$")


def _reflow(lines: list[str]) -> list[str]:
    """Re-join sentences a copy broke across lines (a long line that stops mid-sentence continues below).

    Linear in the text: the line being built is kept as parts, with its length, its open-bracket balance and its
    last characters, instead of re-reading (and re-copying) the whole joined line for every line added to it.
    """
    out: list[str] = []
    parts: list[str] = []  # the line being built
    size = 0
    balance = 0  # opening minus closing brackets in it
    tail = ""  # its last _TAIL characters: all that the tests below read of it
    for line in lines:
        previous = tail
        open_paren = balance > 0
        if (
            parts
            and (size >= 20 or open_paren)
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
            glue = "" if joined_word else " "
            parts.append(glue + line)
            size += len(glue) + len(line)
            tail = (tail + glue + line)[-_TAIL:]
        else:
            if parts:
                out.append("".join(parts))
            parts, size, balance, tail = [line], len(line), 0, line[-_TAIL:]
        balance += line.count("(") + line.count("（") - line.count(")") - line.count("）")
    if parts:
        out.append("".join(parts))
    return out


_TAIL = 256


def _has_date(text: str) -> bool:
    try:
        return parse_date(text) is not None
    except DateError:
        return True
