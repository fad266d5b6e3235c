"""The markers that number a line of a release body (``1.`` / ``(1)`` / ``ア`` / ``①`` / bullets), as agenda.py
reads them: one pass of one pattern over the start of the line, chosen by its first character."""

from __future__ import annotations

import re
import unicodedata

# A marker family ("pnum", "num", "kata", "bullet:・", "ol:1", …): points nest by the family of their marker.
Family = str
# A marker read at the start of a line: (family, number as printed, value, rest of the line, numbered, weak).
# A plain tuple: one is made for most lines, and a tuple costs a fraction of an object with an __init__.
Marker = tuple[Family, str | None, int | None, str, bool, bool]

_KATA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}
_ROMAN_SINGLE_AFTER = {"i": "h", "v": "u", "x": "w"}  # (i) after (h) is a letter, not a roman one

_DIGITS = "0123456789０１２３４５６７８９"
_CIRCLED_CHARS = "".join(map(chr, (*range(0x2460, 0x2474), *range(0x3251, 0x3260))))  # ① … ⑳, ㉑ … ㉟
_PAREN_NUMBERS = "".join(map(chr, range(0x2474, 0x2488)))  # ⑴ … ⒇
# The marker families, in the order they are tried: the characters a match starts with, and the branch.
_MARKER_BRANCHES = (
    ("(（", r"(?P<pnum>[(（]\s*[0-9０-９]{1,2}\s*[)）])"),
    ("(（", r"(?P<pkata>[(（][KATA][)）])".replace("KATA", _KATA)),
    ("(（", r"(?P<palpha>[(（](?:[ivx]{1,4}|[a-zA-Z])[)）])"),
    (_CIRCLED_CHARS, r"(?P<circ>[\u2460-\u2473\u3251-\u325f])"),
    (_PAREN_NUMBERS, r"(?P<pchar>[\u2474-\u2487])"),
    (_DIGITS, r"(?P<rnum>[0-9０-９]{1,2}[)）])"),
    (_DIGITS, r"(?P<dnum>[0-9０-９]{1,2})[.．](?![0-9０-９])"),
    (_DIGITS, r"(?P<wnum>[0-9０-９]{1,2})(?=\s|\Z)"),
    (_KATA, r"(?P<kata>[KATA])(?:\s+|[.．]|\Z)".replace("KATA", _KATA)),
    ("•・°○●◯■□◆◇▶▷►➢ㅇ", r"(?P<bullet>[•・°○●◯■□◆◇▶▷►➢ㅇ])"),
    ("-–‐−o", r"(?P<sbullet>[-–‐−o])(?=\s)"),
)
# One pass over the start of a line; the named group says which marker family matched.
_MARKER = re.compile("|".join(branch for _, branch in _MARKER_BRANCHES))
# The same, by the line's first character: only the branches that can start with it, in their order (a match tries
# every branch in turn, ~200 instructions each), and no pattern at all for a line that opens with anything else (a
# match call costs ~2,000 instructions). tests/extract/test_agenda_fast.py compares with _MARKER.
_MARKER_BY_FIRST: dict[str, re.Pattern[str]] = {}
for _first in {char for firsts, _ in _MARKER_BRANCHES for char in firsts}:
    _MARKER_BY_FIRST[_first] = re.compile("|".join(branch for firsts, branch in _MARKER_BRANCHES if _first in firsts))
del _first
_INLINE_TRIM = " \t\u3000、，,;；"


def _read_marker(line: str) -> Marker | None:
    """Read the numbering or bullet at the start of a line, or None for plain text."""
    pattern = _MARKER_BY_FIRST.get(line[:1])
    m = pattern.match(line) if pattern is not None else None
    if m is None:
        return None
    kind = m.lastgroup or ""
    token = m.group(kind)
    rest = line[m.end() :].strip()
    if kind == "pnum" or kind == "rnum":
        # '(1)' / '（ 1 ）', rnum '1)': int() reads full-width digits and ignores the spaces around them.
        value = int(token[1:-1] if kind == "pnum" else token[:-1])
        if " " in token or "\u3000" in token:
            token = token.replace(" ", "").replace("\u3000", "")
        return kind, token, value, rest, True, False
    if kind == "dnum" or kind == "wnum":
        return "num", token, int(token), rest, True, kind == "wnum"
    if kind == "kata" or kind == "pkata":
        return kind, token, _KATA.index(token.strip("(（)）")) + 1, rest, True, False
    if kind == "bullet" or kind == "sbullet":
        if not rest or (token == "・" and rest.startswith("・")):
            return None
        return "bullet:" + token, None, None, rest, False, False
    if kind == "palpha":
        letter = token[1:-1]
        if letter in _ROMAN:  # (i) may still be the letter after (h): see _Reader._resolve_roman
            return "proman", token, _ROMAN[letter], rest, True, False
        if len(letter) > 1:  # '(xx)', '(iiii)': neither a roman numeral nor a letter, so not a marker
            return None
        return ("palpha_upper" if letter.isupper() else "palpha"), token, ord(letter.lower()) - 96, rest, True, False
    # circ '①', pchar '⑴' (numbered as '(1)')
    return ("circ" if kind == "circ" else "pnum"), token, int(unicodedata.numeric(token)), rest, True, False


def _li_marker(line: str, depth: int, ordinal: int | None) -> Marker:
    """An <ol> item is numbered by position; a <ul> item is a bullet unless it prints a number."""
    if ordinal is not None:
        return f"ol:{depth}", str(ordinal), ordinal if isinstance(ordinal, int) else None, line, True, False
    marker = _read_marker(line)
    if marker is not None and marker[4]:
        return marker
    rest = marker[3] if marker is not None else line
    return f"ul:{depth}", None, None, rest, False, False


def _circled(value: int) -> str:
    """The circled digit for 1..35 (① … ⑳ then ㉑ … ㉟)."""
    return chr(0x245F + value) if value <= 20 else chr(0x323C + value)


def _inline_pieces(value: int, body: str) -> list[tuple[int, str]]:
    """The text of ``value`` and of each next circled number in ``body`` (``…、②…、③…``); [] without a next one."""
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
        return []
    pieces.append((nxt - 1, body[start:]))
    return [(v, piece.strip().rstrip(_INLINE_TRIM).strip()) for v, piece in pieces]


_INLINE_NUMBER = re.compile(r"(?:(?<=[\s(（、,])|^)([1-9])[)）]\s*")
_INLINE_JOIN = re.compile(r"(?:[\s,、，;；]+(?:and|or|및|및|그리고))?[\s,、，;；]*$")


def _inline_numbers(text: str) -> tuple[str, list[tuple[int, str]]] | None:
    """``… in 1) defense, 2) clean energy, and 3) science.`` → the text before ``1)`` and one piece per number, in
    sequence from 1; None when the line does not count ``1)``, ``2)`` … in order."""
    found: list[re.Match[str]] = []
    for match in _INLINE_NUMBER.finditer(text):
        if int(match.group(1)) == len(found) + 1:
            found.append(match)
    if len(found) < 2:
        return None
    head = text[: found[0].start()].strip()
    pieces = []
    for at, match in enumerate(found):
        end = found[at + 1].start() if at + 1 < len(found) else len(text)
        pieces.append((at + 1, _INLINE_JOIN.sub("", text[match.end() : end]).strip()))
    return head, pieces


def _is_one(number: str | None) -> bool:
    """Whether a point's number is a plain 1 (``1``, ``1.``, ``１．``)."""
    return number is not None and number.rstrip(".．") in ("1", "１")
