"""Numbered agenda points of a release body, as a tree of ``AgendaPoint``.

The caller passes the body blocks that follow the lead paragraph. Releases number their points in
several styles (``1`` / ``1.`` / ``(1)`` / ``ア`` / ``①`` / ``<ol><li>`` / bullets); we read the marker
at the start of each block and nest by *marker family*:

* the first family seen is level 1; a family not seen before nests under the current point
  (``1`` → ``(1)`` → ``ア`` → ``①``); a family already on the stack pops back to its level, so a
  restarted ``1`` is a sibling of the earlier ``1``;
* a numbered family never nests under a bullet: bullets are the weakest structure (ROK ``1.`` then
  ``o``), and bullets are top-level points (number None) only when there is no numbering around;
* ``<li>`` items form one family per list kind and depth, so list nesting nests points.

Unnumbered blocks after a point continue its text until the next marker. Terminators (``(以上)``,
``END``, ``###``) end the agenda. Footnotes (``*``, ``※``, ``（注）``), translation disclaimers and
``(参考)`` close the current point: the text and bullets after them are not agenda, but the next
numbered marker resumes. An unnumbered heading (``<h3>Related Links</h3>``) closes the point too and
starts a section whose points are top-level again.

Inline circled numbers: a block whose content *starts* with ① and then contains ②, ③ … in sequence is
split into one point per number (``(2) ①…、②…`` gives (2) with sub-points ①, ②). Circled numbers that
only appear mid-sentence (``両者は①…及び②…を確認した。``) stay text, since they enumerate inside a
sentence rather than structure the release.

Bare numbers (``1`` alone, ``1 text``) are weak evidence (``18 July…``, ``3 countries…``), so they count
only in sequence: ``1`` always, otherwise one or two past the last sibling of the same family.
The function is pure and never raises on odd input.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from pydantic import BaseModel

from pressbot.extract.agenda_markers import (  # noqa: F401 - _KATA, _MARKER…: read by tests/extract
    _KATA,
    _MARKER,
    _MARKER_BY_FIRST,
    _ROMAN_SINGLE_AFTER,
    Family,
    Marker,
    _circled,
    _inline_numbers,
    _inline_pieces,
    _is_one,
    _li_marker,
    _read_marker,
)
from pressbot.extract.blocks import Block
from pressbot.extract.vocab import words
from pressbot.models import AgendaPoint

__all__ = ["agenda_around_lead", "extract_agenda"]


_TERMINATOR = re.compile(r"[(（]?\s*(?:以上|了)\s*[)）]?|(?:-+\s*)?end(?:\s*-+)?|(?:[#＃]\s*){3}", re.IGNORECASE)
_CLOSER = re.compile(
    r"""
    [*＊※†‡]                                   # footnote marks
    |[(（]\s*[*＊※]\s*[)）]
    |[(（【\[]\s*(?:注|参考)                      # (注) (注1) (参考) 【参考】
    |注\s*[0-9０-９]*\s*[:：)）]
    |\(?\s*note\s*[0-9]*\s*\)?\s*[:：]
    |[\[(（【]?\s*(?:provisional|tentative|unofficial)\s+(?:english\s+)?translation
    |this\s+is\s+an?\s+(?:(?:english|unofficial|provisional|tentative)\s+)*translation
    |the\s+date\s+is\s+that\s+of\s+the\s+japanese
    |[\[(（【]?\s*(?:仮訳|暫定訳)
    """,
    re.IGNORECASE | re.VERBOSE,
)
# The characters a terminator or closer can start with (lines arrive stripped), or, after an opening bracket,
# continue with (see _key_char): a line keyed on anything else cannot match, so most lines, '(1) …' included,
# skip both patterns. tests/extract/test_fast_paths.py checks these sets.
_TERMINATOR_FIRST = frozenset("(（以了-#＃eE")
_CLOSER_FIRST = frozenset("*＊※†‡(（【[注参仮暫nNpPtTuU")
_BRACKETS = frozenset("(（【[")
# A line whose first character is in neither set is keyed on that character (the brackets are in the closer
# set), so it skips both patterns without computing its key.
_KEYED_FIRST = _TERMINATOR_FIRST | _CLOSER_FIRST
# ' - ' after a sentence's end, in a page whose points are '- ' bullets: a copy ran the next bullet into this line.
_RUN_IN_BULLET = re.compile(r"(?<=[。．.!?！？])[ \t\u3000]+-[ \t\u3000]+(?=\S)")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]")
_ABBREVIATION_END = re.compile(r"[a-z]{2}\. ")  # 'Mr. Smith met … talks. Then': an English sentence, not a title
# A paragraph numbered '1.', '2.' …: a numbered lead (value read from the digits).
_NUMBERED_PARAGRAPH = re.compile(r"^\s*([0-9０-９]{1,2})[.．](?![0-9０-９])")
_SENTENCE_END = frozenset("。．.!?！？,，、;；")
_CIRCLED = frozenset(chr(code) for code in (*range(0x2460, 0x2474), *range(0x3251, 0x3260)))  # ① … ⑳, ㉑ … ㉟
_OUTLINE_FOLLOWS = re.compile("|".join(map(re.escape, words("agenda", "outline_follows"))), re.IGNORECASE)
_OUTLINE_HEADINGS = frozenset(word.casefold() for word in words("agenda", "outline_headings"))
_PARAGRAPH_MIN = 20  # a paragraph point is a sentence of some length, not a caption
_HEADING_MAX_JA = 25
_HEADING_MAX_EN = 60
_H_TAG_HEADING_MAX = 100
_MAX_LEVELS = 16  # real releases use 4 or 5; a cap keeps odd input serialisable (no deep recursion)

# The slots of a pydantic model, set through their descriptors (see _new_point).
_NEW = object.__new__
_SET_DICT = BaseModel.__dict__["__dict__"].__set__
_SET_FIELDS_SET = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_SET_EXTRA = BaseModel.__dict__["__pydantic_extra__"].__set__
_SET_PRIVATE = BaseModel.__dict__["__pydantic_private__"].__set__
_FIELDS_SET = set(AgendaPoint.model_fields)


# An open level of the tree: (family, value, numbered, sub-points) of the point that holds it. A tuple: the
# reader makes one for most lines, and a tuple costs a fifth of an object with an __init__ (callgrind).
_Level = tuple[Family, int | None, bool, list[AgendaPoint]]


def extract_agenda(blocks: Sequence[Block]) -> list[AgendaPoint]:
    """Return the numbered points of the body as a tree; [] when the body has no markers."""
    return _Reader().read(blocks)


def agenda_around_lead(blocks: Sequence[Block], lead_at: int) -> list[AgendaPoint]:
    """The points of a release whose lead paragraph is ``blocks[lead_at]``: those after it, from the first block of
    its numbered run when the lead is itself a numbered paragraph (ROK ``1. On the occasion of …``, a joint release
    whose lead is point 2 or 3); else, when nothing follows, bullets before it that are sentences (a fast-fact page
    puts its points above the lead)."""
    first = lead_at + 1
    if 0 <= lead_at < len(blocks):
        marker = _NUMBERED_PARAGRAPH.match(blocks[lead_at].text)
        if marker is not None:
            first = lead_at
            value = int(marker.group(1))
            while value > 1 and first > 0:
                before = _NUMBERED_PARAGRAPH.match(blocks[first - 1].text)
                if before is None or int(before.group(1)) != value - 1:
                    break
                first, value = first - 1, value - 1
        elif _numbered_start(blocks[lead_at].text) or (
            lead_at > 0 and _numbered_start(blocks[lead_at - 1].text, heading=True)
        ):  # the lead found is inside the list (a copy without its lead): the list starts where its markers do
            first = lead_at if _numbered_start(blocks[lead_at].text) else lead_at - 1
            while first > 0 and _numbered_start(blocks[first - 1].text):
                first -= 1
    points = extract_agenda(blocks[max(first, 0) :])
    if not points and 0 <= lead_at < first and _OUTLINE_FOLLOWS.search(blocks[lead_at].text):
        points = _sentence_paragraphs(blocks[first:])
    if points or lead_at <= 0:
        return points
    before_lead = extract_agenda(blocks[:lead_at])
    if len(before_lead) >= 2 and all(
        point.number is None and point.text[-1:] in _SENTENCE_END and not point.points for point in before_lead
    ):
        return before_lead
    return points


def _numbered_start(text: str, heading: bool = False) -> bool:
    """Whether a block starts with a numbering marker (not a bullet, not a bare number out of sequence), and with
    ``heading`` only a heading after it (``1 冒頭``)."""
    line = text.strip()
    marker = _read_marker(line) if line else None
    if marker is None or not marker[4] or (marker[5] and marker[2] != 1):
        return False
    return not heading or _heading_like(marker[3])


def _sentence_paragraphs(blocks: Sequence[Block]) -> list[AgendaPoint]:
    """A body with no markers at all: each paragraph after the lead that is a sentence is a point (number None),
    up to the first block that is not one (a link, a caption, site chrome) or a terminator."""
    points: list[AgendaPoint] = []
    last = len(blocks) - 1
    for at, block in enumerate(blocks):
        text = block.text.strip() if isinstance(block.text, str) else ""
        if len(text) < _PARAGRAPH_MIN or _read_marker(text) is not None:
            break
        if text[-1] not in _SENTENCE_END and at < last:  # the copy's last paragraph may be cut off mid-sentence
            break
        points.append(_new_point({"number": None, "heading": None, "text": text, "points": []}))
    return points if len(points) >= 2 else []


class _Reader:
    """Single pass over the lines with a stack of open levels, one per marker family.

    The points are models from the start: each goes into its parent's list when its marker is read. Only the
    latest point takes text (the lines after it, until the next marker or a closer), so its text is kept here
    and written to it when it closes; headings get their final form once every point's text is known.
    """

    def __init__(self) -> None:
        self.roots: list[AgendaPoint] = []
        self.stack: list[_Level] = []
        self.levels: dict[Family, int] = {}
        self.closed = False  # after a footnote or reference note, bullets are not points
        self.headed: list[dict] = []  # the fields of the points given a heading
        # The open point: its model's fields (None when there is none), text lines, heading, list depth.
        self.open: dict | None = None
        self.parts: list[str] = []
        self.heading: str | None = None
        self.await_heading = False
        self.li_depth: int | None = None
        # Families restarted at 1 under a point that is only a heading (``2. 地域情勢`` then ``1. …``): the family
        # read there nests under it, as ``family>``, until a heading-like point of the family comes back.
        self.restarted: set[Family] = set()

    def read(self, blocks: Sequence[Block]) -> list[AgendaPoint]:
        read_line = self._read_line
        if isinstance(blocks, list) and not _breaks_lines(_joined_texts(blocks)):
            # Every text is one line (as the blocks of a page are): no splitlines() per block (~2,000 instructions
            # a block, most of them the scan of its text). tests/extract/test_agenda_fast.py compares with the loop
            # below.
            for text, tag, depth, ordinal in blocks:
                if not read_line(text.strip(), tag, depth if isinstance(depth, int) else 0, ordinal):
                    break
            return self._build()
        # A Block is a tuple: unpacking it is one step where reading its four fields by name took four (~600
        # instructions a block).
        for text, tag, depth, ordinal in blocks:
            if not isinstance(text, str):
                text = str(text or "")
            if not isinstance(depth, int):
                depth = 0
            for raw in text.splitlines() or [""]:
                if not read_line(raw.strip(), tag, depth, ordinal):
                    return self._build()
                # Lines after the first of an <li> or <h> are its continuation, not new items.
                tag, ordinal = "line", None
        return self._build()

    def _read_line(self, line: str, tag: str, depth: int, ordinal: int | None) -> bool:
        if " - " in line and tag != "li" and "bullet:-" in self.levels:
            pieces = _RUN_IN_BULLET.split(line)
            if len(pieces) > 1:
                if not self._read_line(pieces[0], tag, depth, ordinal):
                    return False
                return all(self._read_line("- " + piece, "line", depth, None) for piece in pieces[1:])
        if not line:
            if tag == "li" and ordinal is not None:  # an empty <li> still holds its place
                self._place(f"ol:{depth}", str(ordinal), ordinal, True, depth)
                self.await_heading = True
            return True
        if line[0] in _KEYED_FIRST:
            key = _key_char(line)
            if key in _TERMINATOR_FIRST and _TERMINATOR.fullmatch(line):
                return False
            if key in _CLOSER_FIRST and _CLOSER.match(line):
                self._close()
                self.closed = bool(self.roots)
                return True
        marker = _li_marker(line, depth, ordinal) if tag == "li" else _read_marker(line)
        if marker is not None:
            family, number, value, rest, numbered, weak = marker
            if not (
                (weak and not self._in_sequence(family, value))
                # (参考) then ・2023年11月 マニラ: a reference list, not a sub-point
                or (self.closed and not numbered)
            ):
                self.closed = False
                if family == "proman":
                    family, value = self._resolve_roman(number, value)
                if numbered and tag != "li":
                    family = self._restart_family(family, value, rest)
                li_depth = depth if tag == "li" else None
                if (family == "circ" or (rest and rest[0] in _CIRCLED)) and self._add_inline(
                    family, number, value, numbered, li_depth, rest
                ):
                    return True
                self._place(family, number, value, numbered, li_depth)
                if tag == "h" and numbered and 0 < len(rest) <= _H_TAG_HEADING_MAX:
                    self.heading = rest  # <h3>1 概要</h3>
                elif not rest:
                    self.await_heading = numbered
                elif numbered and _heading_like(rest):
                    self.heading = rest
                elif ")" in rest and (inline := _inline_numbers(rest)) is not None:
                    self.parts.append(inline[0])  # '… in 1) defense, 2) energy': sub-points of this one
                    for inner, piece in inline[1]:
                        self._place("inline)", f"{inner})", inner, True, li_depth)
                        self.parts.append(piece)
                else:
                    self.parts.append(rest)
                return True
        if tag == "h":  # an unnumbered heading starts a new section: its points start afresh
            self._close()
            self.stack.clear()
        else:
            self._continue(line, depth)
        return True

    def _resolve_roman(self, number: str | None, value: int | None) -> tuple[Family, int | None]:
        """Read ``(i)``, ``(v)``, ``(x)`` as letters when they follow ``(h)``, ``(u)``, ``(w)``."""
        letter = (number or "")[1:-1]
        if letter in _ROMAN_SINGLE_AFTER:
            previous = ord(_ROMAN_SINGLE_AFTER[letter]) - 96
            if any(family == "palpha" and sibling == previous for family, sibling, _, _ in self.stack):
                return "palpha", previous + 1
        return "proman", value

    def _restart_family(self, family: Family, value: int | None, rest: str) -> Family:
        """The family a numbered marker goes in: a ``1`` right after a point that is only a heading of the same
        family nests under it (a copy lost the list's indent), and so do the family's next markers, until a
        heading-like one (the next section) comes back to the first level."""
        if family in self.restarted:
            if _heading_like(rest):
                self.restarted.discard(family)
                return family
            return family + ">"
        if (
            value == 1
            and self.stack
            and self.stack[-1][0] == family
            and self.heading is not None
            and not self.parts
            and not self.stack[-1][3]
        ):
            self.restarted.add(family)
            return family + ">"
        return family

    def _in_sequence(self, family: Family, value: int | None) -> bool:
        """Accept a bare number only as 1 or one or two past its sibling of the same family."""
        value = value or 0
        if value == 1:
            return True
        for family_, sibling, _, _ in reversed(self.stack):
            if family_ == family:
                return sibling is not None and sibling < value <= sibling + 2
        return False

    def _add_inline(
        self, family: Family, number: str | None, value: int | None, numbered: bool, li_depth: int | None, rest: str
    ) -> bool:
        """Split ``①…、②…、③…`` at the start of a line's content into one point per number; False if no ② follows.

        A circled marker is the first sub-point itself; any other marker becomes their parent, with no text.
        """
        if family == "circ":
            pieces = _inline_pieces(value or 0, rest)
        else:
            pieces = _inline_pieces(int(unicodedata.numeric(rest[0])), rest[1:])
        if not pieces:
            return False
        if family != "circ":
            self._place(family, number, value, numbered, li_depth)
        for circled, piece in pieces:
            self._place("circ", _circled(circled), circled, True, li_depth)
            if piece:
                self.parts.append(piece)  # never a heading: it enumerates inside one line
            else:
                self.await_heading = True
        return True

    def _place(
        self, family: Family, number: str | None, value: int | None, numbered: bool, li_depth: int | None
    ) -> None:
        """Open a point for a marker where its family goes in the tree; it takes the text that follows."""
        stack = self.stack
        cut = len(stack) - 1
        while cut >= 0 and stack[cut][0] != family:
            cut -= 1
        if cut < 0:  # a family not open: nest under the current point, or go back to its earlier level
            cut = len(stack)
            level = self.levels.get(family, cut)
            if level < cut:
                cut = level
            if numbered:  # a numbered point never nests under a bullet
                while cut > 0 and not stack[cut - 1][2]:
                    cut -= 1
        if cut >= _MAX_LEVELS:  # (not min(): a builtin call costs ~800 instructions, on every point)
            cut = _MAX_LEVELS - 1
        del stack[cut:]
        points: list[AgendaPoint] = []
        fields = {"number": number, "heading": None, "text": "", "points": points}
        (stack[-1][3] if stack else self.roots).append(_new_point(fields))
        stack.append((family, value, numbered, points))
        self.levels[family] = cut
        self._close()
        self.open = fields
        self.parts = []
        self.li_depth = li_depth

    def _close(self) -> None:
        """Write the open point's text and heading to it: no line after this one goes to it."""
        fields = self.open
        if fields is None:
            return
        if self.parts:
            fields["text"] = "\n".join(self.parts)
        if self.heading is not None:
            fields["heading"] = self.heading
            self.headed.append(fields)
            self.heading = None
        self.await_heading = False
        self.open = None

    def _continue(self, line: str, depth: int) -> None:
        """Append an unnumbered line to the open point, if any (text before point 1 is dropped)."""
        if self.open is None:
            return
        if self.li_depth is not None and depth < self.li_depth:
            self._close()  # a paragraph after the list is not part of the last item
            return
        if self.await_heading and _heading_like(line):
            self.heading = line
        else:
            self.parts.append(line)
        self.await_heading = False

    def _build(self) -> list[AgendaPoint]:
        """A heading alone is the point's text; otherwise it loses its trailing colon.

        Two cleanups of the top level: a first point ``1`` followed by another ``1`` is a numbered lead whose own
        list follows (``1. 本22日…`` then ``1 冒頭…``), so it goes; and unnumbered points before the first
        numbered one (photo captions, ``・写真:…``) go when numbered points follow; a summary's outline section
        (``3 概要`` over ``（1）…``, vocab/agenda.toml) is the agenda.
        """
        self._close()
        for fields in self.headed:
            heading = fields["heading"]
            if not fields["text"] and not fields["points"]:
                fields["text"], fields["heading"] = heading, None  # a lone short line is the content, not a title
            else:
                fields["heading"] = heading.rstrip(":：").strip() or None
        roots = self.roots
        if len(roots) > 1 and _is_one(roots[0].number) and _is_one(roots[1].number) and not roots[0].points:
            del roots[0]
        for point in roots:
            if point.points and (point.heading or "").casefold() in _OUTLINE_HEADINGS:
                return point.points  # '3 概要 （1）…': the summary's outline section holds the points
        first_numbered = next((i for i, point in enumerate(roots) if point.number is not None), 0)
        if first_numbered:
            del roots[:first_numbered]
        return roots


# Every character str.splitlines() breaks a line at; only the first seven can occur in ASCII text.
_LINE_BREAKS = ("\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")
_ASCII_LINE_BREAKS = _LINE_BREAKS[:7]


def _joined_texts(blocks: list[Block]) -> str:
    """The blocks' texts run together, or a line break when one of them is not a str (read splits it then)."""
    try:
        return "".join([block[0] for block in blocks])
    except TypeError:
        return "\n"


def _breaks_lines(text: str) -> bool:
    """Whether ``text.splitlines()`` would cut ``text``: a scan for each line break (memchr, in C) costs a tenth
    of splitting it."""
    for char in _ASCII_LINE_BREAKS if text.isascii() else _LINE_BREAKS:  # noqa: SIM110 - as in Guarded.may_match
        if char in text:
            return True
    return False


def _new_point(fields: dict) -> AgendaPoint:
    """The AgendaPoint with these fields, made as ``model_construct`` makes it but without its loop in Python.

    The reader only puts str, None and lists of points in the fields, which validation would return as they
    are, and in the model's order (the serializer writes them in the order of the dict); validating cost about
    9 K instructions a point, this about 4 K (callgrind). tests/extract/test_agenda_fast.py checks that the two
    give the same model.
    """
    point = _NEW(AgendaPoint)
    _SET_DICT(point, fields)
    _SET_FIELDS_SET(point, _FIELDS_SET.copy())
    _SET_EXTRA(point, None)
    _SET_PRIVATE(point, None)
    return point


def _key_char(line: str) -> str:
    """The first character; after an opening bracket, the first one after it and its spaces ('(注)' → 注).

    Spaces run on after the bracket leave the bracket itself as the key, which is in both sets (so both
    patterns are tried): the key is only ever a shortcut past patterns that cannot match.
    """
    first = line[0]
    if first in _BRACKETS:
        after = line[1:4].lstrip()
        if after:
            return after[0]
    return first


def _heading_like(text: str) -> bool:
    """A short line with no sentence ending reads as a title (``冒頭``, ``Bilateral Relations``).

    Titles in CJK script are at most 25 characters, others 60 and not a sentence ('talks. Then'): the length
    decides before the script does where both limits give the same answer.
    """
    if not text or text[-1] in _SENTENCE_END or "。" in text:
        return False
    size = len(text)
    if size > _HEADING_MAX_EN:  # too long for either
        return False
    if size <= _HEADING_MAX_JA and ". " not in text:  # short enough for both, and no 'ab. '
        return True
    if _CJK.search(text):
        return size <= _HEADING_MAX_JA
    return not _ABBREVIATION_END.search(text)
