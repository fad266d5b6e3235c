"""Time ``pressbot link`` on synthetic records: 10,000 releases from scratch, then 100 new ones into the saved state.

    PYTHONPATH=. python bench/link.py [--records 10000] [--new 100] [--seed 1]

The records are made up (varied countries, dates, people, sites and spellings); each meeting is reported by
one to four sites, so the linker has real joins to make. Targets on the 2-core machine: < 10 s and < 1 s.
Not a test: it prints figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

from pressbot.link import LinkState

COUNTRIES = ["US", "KR", "CN", "AU", "IN", "GB", "FR", "DE", "PH", "VN", "ID", "SG", "CA", "IT", "UA", "MN", "TH"]
SITES = [("mofa_ja", "ja", "JP"), ("mofa_en", "en", "JP"), ("us_state", "en", "US"), ("kr_mofa", "en", "KR")]
GIVEN = ["Takeshi", "Yoko", "Hiroshi", "Min-jun", "Seo-yeon", "John", "Maria", "Wei", "Priya", "Anna", "Luca", "Tran"]
FAMILY = ["Tanaka", "Suzuki", "Kim", "Park", "Lee", "Smith", "Garcia", "Wang", "Singh", "Muller", "Rossi", "Nguyen"]
OFFICES = [
    ("Minister for Foreign Affairs", "Foreign Ministers' Meeting"),
    ("Vice-Minister for Foreign Affairs", "Vice-Ministerial Meeting"),
    ("Prime Minister", "Summit Meeting"),
    ("Director-General", "Senior Officials' Meeting"),
]


def people_pool(rng: random.Random, n: int) -> list[tuple[str, str]]:
    pool = set()
    while len(pool) < n:
        pool.add((rng.choice(FAMILY), rng.choice(GIVEN) + rng.choice(["", "a", "o", "ko", "ng"])))
    return sorted(pool)


def spell(family: str, given: str, site: str) -> str:
    if site == "mofa_en":
        return f"{family.upper()} {given}"
    if site == "kr_mofa":
        return f"{family} {given.replace('-', '')}"
    return f"{given} {family}"


def make_records(n: int, rng: random.Random, start: dt.date, tag: str) -> list[dict]:
    pool = people_pool(rng, 600)  # of the 720 family × given combinations
    records: list[dict] = []
    meeting = 0
    while len(records) < n:
        meeting += 1
        day = start + dt.timedelta(days=rng.randrange(1500))
        others = rng.sample(COUNTRIES, rng.choice([1, 1, 1, 2]))
        countries = sorted({"JP", *others})
        office, name = rng.choice(OFFICES)
        mode = rng.choice(["in_person"] * 6 + ["telephone", "video"])
        people = [(c, *rng.choice(pool)) for c in countries]
        for site, language, _country in rng.sample(SITES, rng.randint(1, 4)):
            if len(records) >= n:
                break
            gap = -1 if site == "us_state" and rng.random() < 0.3 else 0
            participants = [
                {"name": spell(f, g, site), "name_en": spell(f, g, site), "country": c, "title": office,
                 "title_en": office, "role": "host" if i == 0 else "counterpart"}
                for i, (c, f, g) in enumerate(people)
            ]  # fmt: skip
            records.append({
                "id": f"{site}:{tag}{meeting:06d}",
                "site": site,
                "language": language,
                "title": name,
                "kind": "telephone_talk" if mode == "telephone" else "meeting",
                "published": (day + dt.timedelta(days=gap)).isoformat(),
                "url": f"https://example.org/{site}/{tag}{meeting}",
                "meeting": {"name": name, "date": (day + dt.timedelta(days=gap)).isoformat(),
                            "countries": countries, "mode": mode, "participants": participants},
            })  # fmt: skip
    return records


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--new", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    base = make_records(args.records, rng, dt.date(2019, 1, 1), "a")
    new = make_records(args.new, random.Random(args.seed + 1), dt.date(2023, 1, 1), "b")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "state.sqlite"
        t0 = time.perf_counter()
        state = LinkState()
        state.add(base)
        events = state.event_lines()
        persons = state.persons()
        state.save(path)
        full = time.perf_counter() - t0
        size = path.stat().st_size
        t1 = time.perf_counter()
        state = LinkState.load(path)
        state.add(new)
        events2 = state.event_lines()
        state.save(path)
        incremental = time.perf_counter() - t1
    print(
        f"link {args.records} records: {full:.2f} s "
        f"({len(events)} events, {len(persons)} people, state {size / 1e6:.1f} MB)"
    )
    print(f"add {args.new} records to that state (load, link, events, save): {incremental:.2f} s "
          f"({len(events2) - len(events):+d} events)")  # fmt: skip
    print(f"targets: < 10 s and < 1 s: {'met' if full < 10 and incremental < 1 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
