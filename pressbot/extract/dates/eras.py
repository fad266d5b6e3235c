"""The Japanese era table (明治 … 令和) and era arithmetic: era ↔ western year, and the check that an era date lies
inside its era (DateError when it does not).
"""

from __future__ import annotations

import datetime
import unicodedata

from pressbot.extract import vocab
from pressbot.extract.dates.base import DateError

_ERA_TABLE = vocab.load("dates")["eras"]  # dates.toml [[eras]], oldest first
_ERAS: tuple[tuple[str, datetime.date], ...] = tuple((era["name"], era["start"]) for era in _ERA_TABLE)
_ERA_START: dict[str, datetime.date] = dict(_ERAS)
# First day of the following era (None for the current one): an era date on/after it is impossible.
_ERA_NEXT: dict[str, datetime.date | None] = {
    name: (_ERAS[i + 1][1] if i + 1 < len(_ERAS) else None) for i, (name, _) in enumerate(_ERAS)
}
_ERA_ALIASES: dict[str, str] = {alias: era["name"] for era in _ERA_TABLE for alias in era["aliases"]}


def _era_name(era: str) -> str:
    name = unicodedata.normalize("NFKC", era).strip()
    if name in _ERA_START:
        return name
    alias = _ERA_ALIASES.get(name.lower())
    if alias is None:
        raise DateError(f"unknown era: {era!r}")
    return alias


def era_to_western(era: str, year: int) -> int:
    """Western year of ``era`` year ``year`` (``('令和', 7)`` -> 2025); 元年 is year 1.

    Pure arithmetic: it does not check that the era had not already ended by then
    (``平成32`` gives 2020); the date parsers do that, since only a full date can be checked.
    """
    name = _era_name(era)
    if year < 1:
        raise DateError(f"era year must be >= 1: {era}{year}")
    return _ERA_START[name].year + year - 1


def western_to_era(d: datetime.date) -> tuple[str, int]:
    """The era and era year of a date (``2025-07-18`` -> ``('令和', 7)``)."""
    if isinstance(d, datetime.datetime):
        d = d.date()
    for name, start in reversed(_ERAS):
        if d >= start:
            return name, d.year - start.year + 1
    raise DateError(f"{d.isoformat()} is before the Meiji era (1868-10-23)")


def _era_date(name: str, era_year: int, month: int, day: int, raw: str) -> datetime.date | None:
    """Build an era date: None for an impossible calendar day, DateError outside the era."""
    if era_year < 1:
        raise DateError(f"era year must be >= 1: {raw!r}")
    try:
        d = datetime.date(_ERA_START[name].year + era_year - 1, month, day)
    except ValueError:
        return None
    nxt = _ERA_NEXT[name]
    if d < _ERA_START[name] or (nxt is not None and d >= nxt):
        raise DateError(f"{raw!r} is outside the {name} era ({d.isoformat()})")
    return d
