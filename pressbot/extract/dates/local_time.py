"""The local date of a meeting: ``meeting_date`` takes a lead's first date and, when it is paired in brackets
with a Japan-time / local-time date (``本6日(現地時間5日)``), the local one.
"""

from __future__ import annotations

import datetime
import re

from pressbot.extract.dates.base import DateError, DateMatch, _normalize, _span
from pressbot.extract.dates.forms import _scan

_LOCAL_LABEL = (
    r"現地時間|現地|ワシントン時間|(?:米国?)?東部(?:標準|夏)?時間|ソウル時間|韓国時間|北京時間|ロンドン時間"
    r"|\b(?:[ECMP][SD]T|ET|GMT|UTC|BST|CES?T|KST|EES?T)\b"
    r"|(?i:local\s+time|eastern\s+(?:standard\s+|daylight\s+)?time|washington(?:,?\s*d\.?c\.?)?\s+time"
    r"|new\s+york\s+time|seoul\s+time)"
)
_JAPAN_LABEL = (
    r"日本時間|東京時間|\bJST\b"
    r"|(?i:japan(?:ese)?\s+(?:standard\s+)?time|tokyo\s+time|in\s+japan\b|in\s+tokyo\b)"
)
_LABEL_RE = re.compile(rf"(?P<local>{_LOCAL_LABEL})|(?P<japan>{_JAPAN_LABEL})")
_LABEL_BEFORE_RE = re.compile(rf"(?:(?P<local>{_LOCAL_LABEL})|(?P<japan>{_JAPAN_LABEL}))\s*:?\s*$")
_PAREN_AFTER_RE = re.compile(r"[^()、。,;\n]{0,24}\(")
_SEPARATOR_RE = re.compile(r"[;,、]")


def _close_paren(t: str, open_at: int) -> int | None:
    depth = 0
    for i in range(open_at, min(len(t), open_at + 200)):
        c = t[i]
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i
    return None


def _local_pair(
    t: str, outer: tuple[datetime.date, str, int, int], inner: tuple[datetime.date, str, int, int] | None
) -> tuple[datetime.date, int, int] | None:
    """If ``outer (… inner …)`` is a Japan-time/local-time pair, the local date and the pair's span.

    The local date is the one labelled local (現地時間, local time, EST …); failing that, the one
    not labelled Japan time. An unlabelled pair is not a pair.
    """
    if inner is None:
        return None
    o_date, o_rule, o_s, o_e = outer
    gap = _PAREN_AFTER_RE.match(t, o_e)
    if gap is None:
        return None
    open_at = gap.end() - 1
    close_at = _close_paren(t, open_at)
    i_date, i_rule, i_s, i_e = inner
    if close_at is None or not (open_at < i_s and i_e <= close_at):
        return None
    outer_label = inner_label = None
    start = o_s
    before = _LABEL_BEFORE_RE.search(t, max(0, o_s - 24), o_s)
    if before is not None:
        outer_label = before.lastgroup
        start = before.start()
    for lab in _LABEL_RE.finditer(t, o_e, open_at):
        outer_label = outer_label or lab.lastgroup
    for lab in _LABEL_RE.finditer(t, open_at + 1, i_s):
        if _SEPARATOR_RE.search(t, lab.end(), i_s):  # "(local time; July 18 …" labels the outer date
            outer_label = outer_label or lab.lastgroup
        else:  # "(現地時間5日)" labels the inner date
            inner_label = lab.lastgroup
    if inner_label is None:
        lab = _LABEL_RE.search(t, i_e, close_at)
        if lab is not None:
            inner_label = lab.lastgroup
    if inner_label == "local" and outer_label != "local":
        pick, other, pick_rule, other_rule = i_date, o_date, i_rule, o_rule
    elif outer_label == "local" or inner_label == "japan":
        pick, other, pick_rule, other_rule = o_date, i_date, o_rule, i_rule
    elif outer_label == "japan":
        pick, other, pick_rule, other_rule = i_date, o_date, i_rule, o_rule
    else:
        return None
    near = any((pick + datetime.timedelta(days=k)).day == other.day for k in (0, -1, 1))
    if pick_rule in ("day_only", "month_day") and not (other_rule in ("day_only", "month_day") and near):
        # Local and Japan dates are at most a day apart: re-anchor a partial date on the other one (unless both
        # are partial and already a day apart: 27日(現地時間;日本時間28日) on a page of the 27th is the 27th, and the
        # 28th was only read as last month's because it is after the page's date).
        for k in (0, -1, 1):
            cand = other + datetime.timedelta(days=k)
            if cand.day == pick.day and (pick_rule == "day_only" or cand.month == pick.month):
                pick = cand
                break
    return pick, start, close_at + 1


def meeting_date(text: str, ref: datetime.date | None = None, *, language: str | None = None) -> DateMatch | None:
    """The local date of the event a lead sentence describes, or None.

    Takes the first date; when it is paired with another in brackets as Japan time vs local time
    (``本6日(現地時間5日)``, ``July 17 (local time; July 18, Japan time)``), the local one, with
    rule ``local_time`` and the whole pair as ``text``. Partial dates use ``ref``; without it they
    fall back to the last full date earlier in the text. Only the first date raises DateError.
    """
    if isinstance(ref, datetime.datetime):
        ref = ref.date()
    t, idx = _normalize(text)
    scan = _scan(t, ref, text_anchor=True, language=language)
    first = next(scan, None)
    if first is None:
        return None
    pair = None
    # A second date matters only to _local_pair, which needs a bracket opening right after the first: without one,
    # the rest of the lead is not read (half of meeting_date's cost on the bench pages). A second date that cannot
    # be read ('平成32年', an era year past the era's end, in a quoted plan) does not undo the first.
    if _PAREN_AFTER_RE.match(t, first[3]) is not None:
        try:
            second = next(scan, None)
        except DateError:
            second = None
        pair = _local_pair(t, first, second)
    if pair is None:
        d, rule, ns, ne = first
    else:
        (d, ns, ne), rule = pair, "local_time"
    s, e = _span(idx, ns, ne)
    return DateMatch(d, text[s:e], rule, s, e)
