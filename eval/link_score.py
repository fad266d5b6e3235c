"""Score event linking and person resolution on the real-page dev set.

    python eval/link_score.py [--eval-dir eval] [-v]

Reads ``realpages.jsonl`` (per page: ``id``, ``url``, ``source``, ``language``, ``event``,
``meeting.participants[].person``), ``link_pairs*.jsonl`` ({"a", "b", "same"}) and the page texts
``texts/<id>.txt``; extracts each text with ``pressbot.extract``, links all of them with ``pressbot.link``
and prints pairwise precision/recall of "same meeting", then person-resolution precision/recall over pairs of
participant mentions in different releases (same ``person`` label → should share an id; different labels →
must not). The last line is a summary. When the files are absent it says so and exits 0.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pressbot import extract  # noqa: E402
from pressbot.errors import ExtractError  # noqa: E402
from pressbot.link import link_records  # noqa: E402
from pressbot.link.names import name_keys, strip_honorific  # noqa: E402


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def _read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _gold_to_index(gold: dict, participants: list) -> int | None:
    """Which extracted participant a labelled one is: by name as written, else by a shared name key."""
    names = [n for n in (gold.get("name"), gold.get("name_en")) if n]
    for index, person in enumerate(participants):
        if any(
            strip_honorific(n) in (strip_honorific(person.name), strip_honorific(person.name_en or "")) for n in names
        ):
            return index
    keys = set().union(*(name_keys(n) for n in names)) if names else set()
    for index, person in enumerate(participants):
        if keys & (name_keys(person.name) | name_keys(person.name_en or "")):
            return index
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score pressbot link on the real-page dev set.")
    parser.add_argument("--eval-dir", type=Path, default=ROOT / "eval")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    pages_path, pairs_path, texts = (
        args.eval_dir / "realpages.jsonl",
        args.eval_dir / "link_pairs.jsonl",
        args.eval_dir / "texts",
    )
    missing = [str(p) for p in (pages_path, pairs_path, texts) if not p.exists()]
    if missing:
        print(f"link_score: no dev set here ({', '.join(missing)} missing); nothing to score")
        return 0
    pages = _read_jsonl(pages_path)
    pairs = [pair for path in sorted(args.eval_dir.glob("link_pairs*.jsonl")) for pair in _read_jsonl(path)]
    records, failed = {}, []
    for page in pages:
        text_path = texts / f"{page['id']}.txt"
        if not text_path.exists():
            failed.append((page["id"], "no text"))
            continue
        try:
            record = extract(text_path.read_text(encoding="utf-8"), url=page.get("url"))
        except ExtractError as exc:
            failed.append((page["id"], exc.reason))
            continue
        # Two dev-set pages can share an URL-derived id (republished copies): keep them apart by page id.
        records[page["id"]] = record.model_copy(update={"id": f"{record.site}:{page['id']}"})
    state = link_records(records.values())
    event_of = {pid: state.event_of(r.id) for pid, r in records.items()}

    tp = fp = fn = tn = 0
    for pair in pairs:
        a, b = event_of.get(pair["a"]), event_of.get(pair["b"])
        predicted = a is not None and a == b
        if pair["same"] and predicted:
            tp += 1
        elif pair["same"]:
            fn += 1
            if args.verbose:
                print(f"  missed: {pair['a']} / {pair['b']} ({pair.get('why', '')})")
        elif predicted:
            fp += 1
            if args.verbose:
                print(f"  wrongly joined: {pair['a']} / {pair['b']} ({pair.get('why', '')})")
        else:
            tn += 1
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    print(f"pages: {len(pages)}, extracted {len(records)}, failed {len(failed)} {failed if args.verbose else ''}")
    positives = sum(1 for p in pairs if p["same"])
    print(f"pairs: {len(pairs)} ({positives} same meeting); tp {tp} fp {fp} fn {fn} tn {tn}")
    print(f"event linking: precision {precision:.3f} recall {recall:.3f}")

    mentions = []  # (page id, label, person id or None)
    unmatched = 0
    for page in pages:
        record = records.get(page["id"])
        gold = ((page.get("meeting") or {}).get("participants")) or []
        for person in gold:
            if not person.get("person"):
                continue
            index = _gold_to_index(person, record.meeting.participants) if record and record.meeting else None
            person_id = state.person_of(record.id, index) if index is not None else None
            unmatched += person_id is None
            mentions.append((page["id"], person["person"], person_id))
    ptp = pfp = pfn = 0
    for (page_a, label_a, id_a), (page_b, label_b, id_b) in itertools.combinations(mentions, 2):
        if page_a == page_b:
            continue
        same_id = id_a is not None and id_a == id_b
        if label_a == label_b and same_id:
            ptp += 1
        elif label_a == label_b:
            pfn += 1
            if args.verbose:
                print(f"  person split: {label_a}: {page_a} {id_a} / {page_b} {id_b}")
        elif same_id:
            pfp += 1
            if args.verbose:
                print(f"  persons merged: {label_a} / {label_b} as {id_a}")
    p_precision, p_recall = _ratio(ptp, ptp + pfp), _ratio(ptp, ptp + pfn)
    print(f"person mentions: {len(mentions)} ({unmatched} not found among the extracted participants)")
    print(f"person resolution: precision {p_precision:.3f} recall {p_recall:.3f} (pairs tp {ptp} fp {pfp} fn {pfn})")
    print(
        f"SUMMARY link P={precision:.3f} R={recall:.3f} ({len(pairs)} pairs, {positives} positive) | "
        f"person P={p_precision:.3f} R={p_recall:.3f} | {len(records)}/{len(pages)} pages extracted"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
