"""When a meeting took place: its local date (from the lead, the lines before it, the title, or a weekday
counted back from the page date), its start time and duration. Read by meeting.py; the date forms themselves
are in extract/dates/."""

from __future__ import annotations

import datetime as dt
import re

from pressbot.extract.dates import (
    DateError,
    DateMatch,
    find_dates,
    meeting_date,
    parse_duration,
    parse_time,
    weekday_date,
)
from pressbot.extract.text import Guarded
from pressbot.models import Meeting, Warning

_LOCAL_CLOCK = r"(?:現地|[^\s、。()（）日本]{0,8}(?:東部|西部|中部|山岳部|太平洋|大西洋|夏|標準))時間"
_LOCAL_TIME = Guarded(
    re.compile(_LOCAL_CLOCK + r"(?![。)）、])(?:同日|\d{1,2}日|[0-9０-９]{1,2}月[0-9０-９]{1,2}日)?"), ("時間",)
)
# 'local t' holds none of the letters re.I matches beyond their two cases (i matches İ and ı, which case-fold
# to something else), so a case-folded text without it cannot match.
_LOCAL_LABEL = Guarded(re.compile(r"\blocal time\b", re.I), ("local t",))
_TODAY = re.compile(r"\btoday\b|本日")
# \d\d{3} is \d{4}, but as a class first it lets re jump from digit to digit instead of trying every position.
_NUMERIC_DATE = re.compile(r"\d\d{3}[-/.]\s?\d{1,2}[-/.]\s?\d{1,2}")


def _read_when(
    meeting: Meeting,
    lead: str,
    preamble: list[str],
    title: str,
    ref: dt.date | None,
    language: str | None,
    published: dt.date | None,
    warnings: list[Warning] | None = None,
) -> str:
    """Date, start time and duration; returns the text the date was read from (the lead unless it has none).

    ``ref`` resolves partial dates (the page's date, else the latest full date in its text); only ``published``
    stands for the meeting's date when the text gives none."""
    source = None
    for text in [lead, *preamble, title]:
        try:
            found = meeting_date(text, ref, language=language)
            if found is None or found.rule != "local_time":
                found = _labelled_local_date(text, ref) or found
        except DateError as exc:
            if exc.text and text is lead:  # the lead's own date cannot be true: null, the raw text, a warning
                meeting.date_text = exc.text
                if warnings is not None:
                    warnings.append(Warning(field="meeting.date", text=exc.text, reason=str(exc)))
                _read_clock(meeting, lead, lead)
                return lead
            found = None
        if found and found.text.startswith("同日") and text is lead:
            found = _same_day(preamble[:-1], ref) or found  # '同日午後…' in a lead after the paragraph that dates it
        if found:
            found = _day_within_span(text, found, ref) or found
            meeting.date, meeting.date_text, meeting.date_rule = found.date, found.text, found.rule
            source = text
            break
    # 'met on Friday' in a lead with no date of its own: the last Friday on or before the page's date.
    anchor = meeting.date if meeting.date is not None else (published or (ref if source is None else None))
    # A stamp ('2023-04-08 New Delhi: … met on Friday') or a date from outside the lead dates the page, not the meeting.
    stamp = meeting.date_rule is not None and meeting.date_rule.startswith(("numeric", "korean_dots"))
    weekday = None
    if anchor is not None and (source is not lead or stamp):
        # a text copy's first line can be the lead sentence itself, taken for the title
        weekday = (
            weekday_date(lead, anchor)
            or (weekday_date(source, anchor) if source and stamp else None)
            or weekday_date(title, anchor)
        )
    if weekday is None and meeting.date is not None and meeting.date_text:
        weekday = _weekday_disagreeing(meeting.date_text, meeting.date)
    if weekday is not None:
        meeting.date, meeting.date_text, meeting.date_rule = weekday[0], weekday[1], "weekday"
        source = lead
    if meeting.date is None and published and _TODAY.search(lead):
        meeting.date, meeting.date_text, meeting.date_rule = published, "today", "published_today"
    elif meeting.date is None and published:
        meeting.date, meeting.date_rule = published, "published"  # the text gives no date: the page's own
    _read_clock(meeting, lead, source or lead)
    return source or lead


def _read_clock(meeting: Meeting, lead: str, source: str) -> None:
    """Start time and duration from the lead; a 'Date and venue' line ('May 31, 2025, 13:00-13:40 (local time),
    Singapore') that dated the meeting gives the clock the lead lacks."""
    for text in dict.fromkeys([lead, source]):
        time_text = _without_dates(text)
        local = _LOCAL_TIME.search(time_text)  # '日本時間19日午前3時(現地時間18日午後2時)': the local clock
        time = (parse_time(time_text[local.end() : local.end() + 20]) if local else None) or parse_time(time_text)
        if time:
            meeting.start_time, meeting.start_time_text = time.time, time.text
        duration = parse_duration(text)
        if duration:
            meeting.duration_minutes, meeting.duration_text = duration.minutes, duration.text
        if time or duration:
            break


_SPAN_BETWEEN = re.compile(r"\s*(?:から|より|～|〜|~|-|–|—|to|through|until)\s*")


def _same_day(before: list[str], ref: dt.date | None) -> DateMatch | None:
    """The last date of the paragraphs before the lead, which a lead's '同日' (the same day) refers to."""
    for text in reversed(before):
        try:
            found = find_dates(text, ref)
        except DateError:
            return None
        if found:
            return found[-1]
    return None


def _day_within_span(text: str, first: DateMatch, ref: dt.date | None) -> DateMatch | None:
    """'visiting from 19 to 20 August … on 20 August, … held the meeting': when the first date opens a span, a
    later single date inside that span is the meeting's day."""
    if first.rule == "local_time" or _SPAN_BETWEEN.match(text, first.end) is None:
        return None  # most leads: no span after the first date, nothing more to read
    try:
        found = find_dates(text[first.start : first.start + 400], ref)
    except DateError:
        return None
    if len(found) < 3 or not _SPAN_BETWEEN.fullmatch(text, first.start + found[0].end, first.start + found[1].start):
        return None
    low, high = found[0].date, found[1].date
    for later in found[2:]:
        if low <= later.date <= high:
            return DateMatch(later.date, later.text, later.rule, first.start + later.start, first.start + later.end)
    return None


def _weekday_disagreeing(date_text: str, date: dt.date) -> tuple[dt.date, str, int, int] | None:
    """'Thursday, July 28, 2023' where the 28th is a Friday: a caption dated the day it was posted, naming the
    event's weekday; the event is the last such weekday before that date."""
    found = weekday_date("on " + date_text, date)
    if found is None or found[2] != 3 or found[0] == date:
        return None
    return found[0], found[1], found[2] - 3, found[3] - 3


def _labelled_local_date(text: str, published: dt.date | None) -> DateMatch | None:
    """'July 18, Japan time (July 17, local time)': the date written right before 'local time'."""
    label = _LOCAL_LABEL.search(text)
    if label is None:
        return None
    for found in find_dates(text, published):
        if found.end <= label.start() and len(text[found.end : label.start()]) <= 3:
            return DateMatch(found.date, found.text, "local_time", found.start, found.end)
    return None


_FULL = ("era", "western_ja", "korean", "numeric", "korean_dots", "english_mdy", "english_dmy", "calendar")


def _latest_full_date(body: str) -> dt.date | None:
    """The latest date written with its year in the text (a page's own date is usually the latest it names)."""
    try:
        found = [m.date for m in find_dates(body) if m.rule.startswith(_FULL)]
    except DateError:
        return None
    return max(found) if found else None


def _without_dates(text: str) -> str:
    """Blank out date-like numbers so '2025-7-23' is never read as a clock time."""
    return _NUMERIC_DATE.sub(lambda m: " " * len(m.group(0)), text)
