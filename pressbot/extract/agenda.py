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
from dataclasses import dataclass, field

from pydantic import BaseModel

from pressbot.extract.blocks import Block
from pressbot.models import AgendaPoint

__all__ = ["extract_agenda"]

Family = tuple[str, ...]

_KATA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}
_ROMAN_SINGLE_AFTER = {"i": "h", "v": "u", "x": "w"}  # (i) after (h) is a letter, not a roman one

# One pass over the start of a line; the named group says which marker family matched.
_MARKER = re.compile(
    r"""
    (?P<pnum>[(（]\s*[0-9０-９]{1,2}\s*[)）])
    |(?P<pkata>[(（][KATA][)）])
    |(?P<palpha>[(（](?:[ivx]{1,4}|[a-zA-Z])[)）])
    |(?P<circ>[\u2460-\u2473\u3251-\u325f])
    |(?P<pchar>[\u2474-\u2487])
    |(?P<rnum>[0-9０-９]{1,2}[)）])
    |(?P<dnum>[0-9０-９]{1,2})[.．](?![0-9０-９])
    |(?P<wnum>[0-9０-９]{1,2})(?=\s|\Z)
    |(?P<kata>[KATA])(?:\s+|[.．]|\Z)
    |(?P<bullet>[•・°○●◯■□◆◇▶▷►➢ㅇ])
    |(?P<sbullet>[-–‐−o])(?=\s)
    """.replace("KATA", _KATA),
    re.VERBOSE,
)
_ORDERED_FAMILIES = {
    "pnum": "pnum",
    "pchar": "pnum",
    "pkata": "pkata",
    "circ": "circ",
    "rnum": "rnum",
    "dnum": "num",
    "wnum": "num",
    "kata": "kata",
}

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
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]")
_ABBREVIATION_END = re.compile(r"[a-z]{2}\. ")  # 'Mr. Smith met … talks. Then': an English sentence, not a title
_SENTENCE_END = frozenset("。．.!?！？,，、;；")
_INLINE_TRIM = " \t\u3000、，,;；"
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


@dataclass(slots=True)
class _Marker:
    """A marker read at the start of a line; ``rest`` is the text after it."""

    family: Family
    number: str | None
    value: int | None
    rest: str
    numbered: bool = True
    weak: bool = False
    inline: bool = False  # produced by splitting ①…②… inside one line: never a heading
    split_parent: bool = False  # its content went to inline sub-points


@dataclass(slots=True, eq=False)
class _Node:
    """A point under construction; converted to ``AgendaPoint`` once the body is read."""

    number: str | None
    family: Family
    value: int | None
    numbered: bool
    li_depth: int | None
    heading: str | None = None
    parts: list[str] = field(default_factory=list)
    children: list[_Node] = field(default_factory=list)
    await_heading: bool = False


def extract_agenda(blocks: Sequence[Block]) -> list[AgendaPoint]:
    """Return the numbered points of the body as a tree; [] when the body has no markers."""
    return _Reader().read(blocks)


class _Reader:
    """Single pass over the lines with a stack of open points, one per marker family."""

    def __init__(self) -> None:
        self.roots: list[_Node] = []
        self.nodes: list[_Node] = []
        self.stack: list[_Node] = []
        self.levels: dict[Family, int] = {}
        self.open: _Node | None = None
        self.closed = False  # after a footnote or reference note, bullets are not points

    def read(self, blocks: Sequence[Block]) -> list[AgendaPoint]:
        read_line = self._read_line
        for block in blocks:
            text = block.text if isinstance(block.text, str) else str(block.text or "")
            tag, ordinal = block.tag, block.ordinal
            depth = block.depth if isinstance(block.depth, int) else 0
            for raw in text.splitlines() or [""]:
                if not read_line(raw.strip(), tag, depth, ordinal):
                    return self._build()
                # Lines after the first of an <li> or <h> are its continuation, not new items.
                tag, ordinal = "line", None
        return self._build()

    def _read_line(self, line: str, tag: str, depth: int, ordinal: int | None) -> bool:
        if not line:
            if tag == "li" and ordinal is not None:  # an empty <li> still holds its place
                self._add([_Marker(("ol", str(depth)), str(ordinal), ordinal, "")], depth)
            return True
        if line[0] in _KEYED_FIRST:
            key = _key_char(line)
            if key in _TERMINATOR_FIRST and _TERMINATOR.fullmatch(line):
                return False
            if key in _CLOSER_FIRST and _CLOSER.match(line):
                self.open = None
                self.closed = bool(self.nodes)
                return True
        marker = _li_marker(line, depth, ordinal) if tag == "li" else _read_marker(line)
        if marker is not None and (
            (marker.weak and not self._in_sequence(marker))
            # (参考) then ・2023年11月 マニラ: a reference list, not a sub-point
            or (self.closed and not marker.numbered)
        ):
            marker = None
        if marker is None:
            if tag == "h":
                self._new_section()
            else:
                self._continue(line, depth)
            return True
        self.closed = False
        family = marker.family
        rest = marker.rest
        if family == ("proman",):
            marker = self._resolve_roman(marker)
        inline = family == ("circ",) or (rest and _is_circled(rest[0]))
        markers = _split_inline(marker) if inline else [marker]
        node = self._add(markers, depth if tag == "li" else None)
        if tag == "h" and len(markers) == 1 and node.numbered and 0 < len(rest) <= _H_TAG_HEADING_MAX:
            node.heading, node.parts, node.await_heading = rest, [], False  # <h3>1 概要</h3>
        return True

    def _new_section(self) -> None:
        """An unnumbered heading starts a new section: its points start afresh."""
        self.open = None
        self.stack.clear()

    def _resolve_roman(self, marker: _Marker) -> _Marker:
        """Read ``(i)``, ``(v)``, ``(x)`` as letters when they follow ``(h)``, ``(u)``, ``(w)``."""
        if marker.family != ("proman",):
            return marker
        letter = (marker.number or "")[1:-1]
        if letter not in _ROMAN_SINGLE_AFTER:
            return marker
        previous = ord(_ROMAN_SINGLE_AFTER[letter]) - 96
        if any(node.family == ("palpha",) and node.value == previous for node in self.stack):
            return _Marker(("palpha",), marker.number, previous + 1, marker.rest)
        return marker

    def _in_sequence(self, marker: _Marker) -> bool:
        """Accept a bare number only as 1 or one or two past its sibling of the same family."""
        value = marker.value or 0
        if value == 1:
            return True
        for node in reversed(self.stack):
            if node.family == marker.family:
                return node.value is not None and node.value < value <= node.value + 2
        return False

    def _add(self, markers: list[_Marker], li_depth: int | None) -> _Node:
        """Place each marker's point in the tree; the last one takes continuation text."""
        node: _Node | None = None
        for marker in markers:
            node = self._place(marker, li_depth)
            rest = marker.rest
            if marker.split_parent:
                continue  # its content went to the inline sub-points
            if not rest:
                node.await_heading = node.numbered
            elif node.numbered and not marker.inline and _heading_like(rest):
                node.heading = rest
            else:
                node.parts.append(rest)
        assert node is not None
        self.open = node
        return node

    def _place(self, marker: _Marker, li_depth: int | None) -> _Node:
        stack = self.stack
        family = marker.family
        cut = len(stack) - 1
        while cut >= 0 and stack[cut].family != family:
            cut -= 1
        if cut < 0:  # a family not open: nest under the current point, or go back to its earlier level
            cut = min(len(stack), self.levels.get(family, len(stack)))
            if marker.numbered:  # a numbered point never nests under a bullet
                while cut > 0 and not stack[cut - 1].numbered:
                    cut -= 1
        cut = min(cut, _MAX_LEVELS - 1)
        del stack[cut:]
        node = _Node(marker.number, family, marker.value, marker.numbered, li_depth)
        (stack[-1].children if stack else self.roots).append(node)
        stack.append(node)
        self.levels[family] = cut
        self.nodes.append(node)
        return node

    def _continue(self, line: str, depth: int) -> None:
        """Append an unnumbered line to the open point, if any (text before point 1 is dropped)."""
        node = self.open
        if node is None:
            return
        if node.li_depth is not None and depth < node.li_depth:
            self.open = None  # a paragraph after the list is not part of the last item
            return
        if node.await_heading and _heading_like(line):
            node.heading = line
        else:
            node.parts.append(line)
        node.await_heading = False

    def _build(self) -> list[AgendaPoint]:
        """Convert nodes bottom-up (children are created after parents), so no recursion."""
        built: dict[int, AgendaPoint] = {}
        for node in reversed(self.nodes):
            text = "\n".join(node.parts)
            heading = node.heading
            if heading is not None and not text and not node.children:
                text, heading = heading, None  # a lone short line is the content, not a title
            elif heading is not None:
                heading = heading.rstrip(":：").strip() or None
            points = [built.pop(id(child)) for child in node.children]
            built[id(node)] = _new_point({"number": node.number, "heading": heading, "text": text, "points": points})
        return [built.pop(id(node)) for node in self.roots]


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


def _read_marker(line: str) -> _Marker | None:
    """Read the numbering or bullet at the start of a line, or None for plain text."""
    m = _MARKER.match(line)
    if m is None:
        return None
    kind = m.lastgroup or ""
    token = m.group(kind)
    rest = line[m.end() :].strip()
    if kind in ("bullet", "sbullet"):
        if not rest or (token == "・" and rest.startswith("・")):
            return None
        return _Marker(("bullet", token), None, None, rest, numbered=False)
    if kind == "palpha":
        letter = token[1:-1]
        if letter in _ROMAN:  # (i) may still be the letter after (h): see _Reader._resolve_roman
            return _Marker(("proman",), token, _ROMAN[letter], rest)
        family = ("palpha_upper",) if letter.isupper() else ("palpha",)
        return _Marker(family, token, ord(letter.lower()) - 96, rest)
    family: Family = (_ORDERED_FAMILIES[kind],)
    if kind in ("dnum", "wnum"):
        return _Marker(family, token, int(token), rest, weak=kind == "wnum")
    if kind in ("circ", "pchar"):
        return _Marker(family, token, int(unicodedata.numeric(token)), rest)
    if kind in ("kata", "pkata"):
        return _Marker(family, token, _KATA.index(token.strip("(（)）")) + 1, rest)
    # pnum '(1)' / '（ 1 ）', rnum '1)': int() reads full-width digits and ignores the spaces around them.
    value = int(token[1:-1] if kind == "pnum" else token[:-1])
    spaced = " " in token or "\u3000" in token
    return _Marker(family, token.replace(" ", "").replace("\u3000", "") if spaced else token, value, rest)


def _li_marker(line: str, depth: int, ordinal: int | None) -> _Marker:
    """An <ol> item is numbered by position; a <ul> item is a bullet unless it prints a number."""
    if ordinal is not None:
        return _Marker(("ol", str(depth)), str(ordinal), ordinal if isinstance(ordinal, int) else None, line)
    marker = _read_marker(line)
    if marker is not None and marker.numbered:
        return marker
    rest = marker.rest if marker is not None else line
    return _Marker(("ul", str(depth)), None, None, rest, numbered=False)


def _is_circled(char: str) -> bool:
    """① … ⑳ and ㉑ … ㉟."""
    return "\u2460" <= char <= "\u2473" or "\u3251" <= char <= "\u325f"


def _circled(value: int) -> str:
    """The circled digit for 1..35 (① … ⑳ then ㉑ … ㉟)."""
    return chr(0x245F + value) if value <= 20 else chr(0x323C + value)


def _split_inline(marker: _Marker) -> list[_Marker]:
    """Split ``①…、②…、③…`` at the start of a line's content into one marker per number."""
    if marker.family == ("circ",):
        head, body, value = None, marker.rest, marker.value or 0
    elif marker.rest and _is_circled(marker.rest[0]):
        head, body, value = marker, marker.rest[1:], int(unicodedata.numeric(marker.rest[0]))
    else:
        return [marker]
    pieces: list[tuple[int, str]] = []
    start = 0
    nxt = value + 1
    while nxt <= 35:
        pos = body.find(_circled(nxt), start)
        if pos < 0:
            break
        pieces.append((nxt - 1, body[start:pos]))
        start = pos + 1
        nxt += 1
    if not pieces:
        return [marker]
    pieces.append((nxt - 1, body[start:]))
    inline = [
        _Marker(("circ",), _circled(v), v, piece.strip().rstrip(_INLINE_TRIM).strip(), inline=True)
        for v, piece in pieces
    ]
    if head is None:
        return inline
    return [
        _Marker(head.family, head.number, head.value, "", head.numbered, head.weak, split_parent=True),
        *inline,
    ]


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
