"""The second crawl of an unchanged corpus: how many requests, how many release bodies, how many parses.

    python bench/incremental.py [--n 1000] [--changed 10]

Serves the corpus (bench/corpus.py) on 127.0.0.1 and runs `pressbot crawl mofa_ja mofa_en` with one SQLite
state (politeness off, as in bench/crawl.py), several times:

  1. first     fresh state: every release is new
  2. second    the same, unchanged corpus, default settings (conditional requests expected: 304s)
  3. window    unchanged corpus again, with -s PRESSBOT_REVALIDATE_HOURS=24 (known releases not requested)
  4. changed   --changed K releases edited on the server, default settings (K changed records expected)

For each run: requests the server logged (listing / release, 200 vs 304), release bodies served (200),
release pages parsed (calls of pressbot's extract from the spider, counted by bench/counting_crawl.py),
and the manifest's new / changed / unchanged counts. Goal for an unchanged corpus: listing pages only
(or 304s), 0 releases parsed, 0 records written.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import generate, summary  # noqa: E402
from crawl import POLITENESS_OFF, child_env, run_child  # noqa: E402


def crawl(server, work: Path, state: Path, name: str, *extra: str) -> dict:  # type: ignore[no-untyped-def]
    out = work / f"{name}.jsonl"
    manifest_path = work / f"{name}.manifest.json"
    counts_path = work / f"{name}.counts.json"
    cmd = [
        sys.executable,
        str(HERE / "counting_crawl.py"),
        "crawl",
        "mofa_ja",
        "mofa_en",
        "--upstream",
        server.url,
        "--state",
        str(state),
        "-o",
        str(out),
        "--rejects",
        str(work / f"{name}.rejects.jsonl"),
        "--manifest",
        str(manifest_path),
        *POLITENESS_OFF,
        "--quiet",
        *extra,
    ]
    env = child_env()
    env["PRESSBOT_BENCH_COUNTS"] = str(counts_path)
    server.log.clear()
    wall, cpu, _, code, _ = run_child(cmd, work / f"{name}.log", env)
    log = list(server.log)
    manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else {}
    counts = json.loads(counts_path.read_text(encoding="utf-8")) if counts_path.exists() else {}
    records = sum(1 for _ in out.open(encoding="utf-8")) if out.exists() else 0
    releases: Counter[str] = Counter()
    for site in manifest.get("sites", {}).values():
        releases.update(site.get("releases", {}))
    if code != 0:
        tail = (work / f"{name}.log").read_text(encoding="utf-8", errors="replace")[-1500:]
        print(f"  ! {name} exited {code}; last output:\n{tail}", file=sys.stderr)
    return {
        "name": name,
        "wall": wall,
        "cpu": cpu,
        "code": code,
        "log": log,
        "counts": counts,
        "releases": releases,
        "records": records,
    }


def report(run: dict, listing_urls: set[str], release_urls: set[str]) -> dict:
    log = run["log"]
    listing = [s for s in log if s.url in listing_urls]
    release = [s for s in log if s.url in release_urls]
    other = len(log) - len(listing) - len(release)
    rel_status = Counter(s.status for s in release)
    parsed = run["counts"].get("spider_extract_calls")
    parsed_text = "n/a (hook point gone)" if parsed is None else str(parsed)
    row = {
        "requests": len(log),
        "listing": len(listing),
        "release_requests": len(release),
        "release_200": rel_status.get(200, 0),
        "release_304": rel_status.get(304, 0),
        "parsed": parsed,
        "records": run["records"],
        "bytes": sum(s.body_bytes for s in log),
    }
    print(
        f"  {run['name']:8} {run['wall']:6.1f} s wall {run['cpu']:6.1f} s CPU, exit {run['code']}: "
        f"{len(log)} requests = {len(listing)} listing + {len(release)} release "
        f"({', '.join(f'{k}: {v}' for k, v in sorted(rel_status.items())) or 'none'})"
        + (f" + {other} other" if other else "")
    )
    print(
        f"           release bodies served (200): {row['release_200']}, releases parsed: {parsed_text}, "
        f"records written: {run['records']}, manifest {dict(run['releases'])}, "
        f"{row['bytes'] / 1024 / 1024:.1f} MB served"
    )
    return row


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=20250718)
    parser.add_argument("--changed", type=int, default=10, help="releases to edit before the last run (0: skip)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args(argv)

    corpus = generate(args.n, args.seed)
    work = Path(tempfile.mkdtemp(prefix=f"pressbot-incremental-{args.n}-"))
    corpus.write(work / "corpus")
    print(
        f"{summary(corpus).splitlines()[0]}\nwork dir {work}; load average "
        f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    listing_urls = {p.url for p in corpus.listings}
    release_urls = {p.url for p in corpus.releases}
    state = work / "state.sqlite"
    server = corpus.serve()
    rows = {}
    try:
        rows["first"] = report(crawl(server, work, state, "first"), listing_urls, release_urls)
        rows["second"] = report(crawl(server, work, state, "second"), listing_urls, release_urls)
        rows["window"] = report(
            crawl(server, work, state, "window", "-s", "PRESSBOT_REVALIDATE_HOURS=24"), listing_urls, release_urls
        )
        if args.changed:
            step = max(len(corpus.releases) // args.changed, 1)
            edited = corpus.releases[::step][: args.changed]
            for page in edited:  # a note appended to the release text, as a ministry amends a page
                note = (
                    "<p>（追記）本件の内容を更新しました。</p>\n" if page.site == "mofa_ja" else "<p>(Updated.)</p>\n"
                )
                server.set_body(
                    page.url,
                    page.body.replace(b'</div>\n<div class="link-', note.encode() + b'</div>\n<div class="link-', 1),
                )
            rows["changed"] = report(crawl(server, work, state, "changed"), listing_urls, release_urls)
    finally:
        server.stop()
        if not args.keep:
            import shutil

            shutil.rmtree(work, ignore_errors=True)

    listings = len(listing_urls)
    print(f"\ngoal for an unchanged corpus: {listings} listing requests only (or release 304s), 0 releases parsed")
    for name in ("second", "window"):
        row = rows[name]
        only_listing = row["release_requests"] == 0
        no_bodies = row["release_200"] == 0
        parsed_zero = row["parsed"] == 0
        verdict = (
            "met (listing pages only)"
            if only_listing and parsed_zero
            else "met for parsing (releases revalidated with 304, no bodies)"
            if no_bodies and parsed_zero
            else "NOT met"
        )
        print(
            f"  {name:8} requests {row['requests']} (release {row['release_requests']}, of which 200: "
            f"{row['release_200']}), parsed {row['parsed']}: {verdict}"
        )
    if "changed" in rows:
        row = rows["changed"]
        print(
            f"  changed  {args.changed} edited: records {row['records']}, parsed {row['parsed']} "
            f"({'met' if row['records'] == args.changed else 'NOT met'}: the edited releases and only them)"
        )
    second = rows["second"]
    print(
        f"incremental: requests={second['requests']} release_bodies={second['release_200']} parsed={second['parsed']}"
    )


if __name__ == "__main__":
    main()
