"""Dates, clock times and durations in diplomatic press releases (ja / en / ko).

Pure and clock-free: relative forms (``本6日``, ``July 18``, ``同日``) are resolved against a ``ref``
date the caller passes (the release's own date), so the same text always gives the same answer.
Everything is plain regex over an NFKC view of the text (full-width digits, ``（）``, ``㋿``), with an
offset map so every match points into the caller's original string. dateparser is not used: it has
no Japanese eras and is slow; the western/English forms here are few and regular.

The package is split along its seams: ``base`` (match types, NFKC view, numerals), ``eras`` (the era
table), ``forms`` (every written date form, ``find_dates``, ``parse_date``), ``relative`` (dates
without a year or month), ``local_time`` (``meeting_date``: Japan time vs local time), ``times``
(clock times and durations). The words they read (eras, months, weekdays, time labels) are in
``pressbot/extract/vocab/``.
"""

from __future__ import annotations

from pressbot.extract.dates.base import DateError, DateMatch, DurationMatch, TimeMatch
from pressbot.extract.dates.base import _normalize as _normalize
from pressbot.extract.dates.base import _span as _span
from pressbot.extract.dates.eras import era_to_western, western_to_era
from pressbot.extract.dates.forms import _scan as _scan
from pressbot.extract.dates.forms import find_dates, parse_date, url_date
from pressbot.extract.dates.local_time import _local_pair as _local_pair
from pressbot.extract.dates.local_time import meeting_date
from pressbot.extract.dates.relative import weekday_date
from pressbot.extract.dates.times import parse_duration, parse_time

__all__ = [
    "DateError",
    "DateMatch",
    "DurationMatch",
    "TimeMatch",
    "era_to_western",
    "find_dates",
    "meeting_date",
    "parse_date",
    "parse_duration",
    "parse_time",
    "url_date",
    "weekday_date",
    "western_to_era",
]
