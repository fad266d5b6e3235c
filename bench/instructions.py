"""Instructions per page for each extraction stage, counted by callgrind: the same figure on every run.

    python bench/instructions.py [--n 30] [--stage full --stage lxml ...]

Wall time on a shared 2-core machine moves by 2x between runs; instruction counts do not (same code, same
pages, PYTHONHASHSEED=0). Each stage runs in its own process under ``valgrind --tool=callgrind`` with
instrumentation off until the measured loop (switched with callgrind_control), after a warm-up of 10 pages.
Stages: lxml (lxml.html.fromstring, the floor), parse (pressbot's parse_html), page (read_page: decode is
not included), agenda (extract_agenda on the page's blocks), release (read_release), full (extract()), reader
(what a crawl's reader process does per page: read_release_page, which adds the record's JSON and hashes, and
pickling the reply; default: all but reader). Under valgrind, sha256 runs without the CPU's SHA instructions,
so the reader's two hashes count about 3 M instructions per page that cost far less on the machine.
The last line reads ``instructions: pressbot/lxml=<x>``. Needs valgrind (Debian: apt install valgrind).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
STAGES = ("lxml", "parse", "page", "agenda", "release", "full", "reader")


def _work(stage: str, n: int) -> tuple[Callable[[Any], Any], list[Any]]:
    """The function a stage measures and its inputs (one per page); imports happen here, outside the count."""
    sys.path.insert(0, str(HERE))
    import lxml.html
    from corpus import generate

    from pressbot import extract
    from pressbot.crawl.workers import read_release_page
    from pressbot.extract import read_release
    from pressbot.extract.agenda import extract_agenda
    from pressbot.extract.page import decode, parse_html, read_page
    from pressbot.sites import site_for_url

    pages = generate(n + 10, 20250718).releases

    def page_of(p: Any) -> Any:
        return read_page(decode(p.body)[0], p.url, site_for_url(p.url))

    if stage == "lxml":
        return lxml.html.fromstring, [p.body for p in pages]
    if stage == "parse":
        return parse_html, [decode(p.body)[0] for p in pages]
    if stage == "page":
        return (lambda x: read_page(*x)), [(decode(p.body)[0], p.url, site_for_url(p.url)) for p in pages]
    if stage == "agenda":
        return extract_agenda, [page_of(p).blocks for p in pages]
    if stage == "release":
        return (lambda x: read_release(*x)), [(page_of(p), p.url, site_for_url(p.url)) for p in pages]
    if stage == "reader":
        import pickle

        def reader(x: Any) -> bytes:
            return pickle.dumps(("ok", read_release_page(*x)), protocol=pickle.HIGHEST_PROTOCOL)

        return reader, [(p.body, p.url, p.site, "text/html; charset=UTF-8") for p in pages]
    return (lambda x: extract(x[0], url=x[1])), [(p.body, p.url) for p in pages]


def child(stage: str, n: int) -> None:
    """Runs under callgrind: warm up, switch instrumentation on, run the stage on n pages, switch it off."""
    fn, items = _work(stage, n)
    for item in items[:10]:
        fn(item)

    def instrument(state: str) -> None:
        subprocess.run(["callgrind_control", "-i", state, str(os.getpid())], check=True, capture_output=True)

    instrument("on")
    for item in items[10:]:
        fn(item)
    instrument("off")


def count(stage: str, n: int) -> float:
    """Millions of instructions per page for one stage."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    command = [
        "valgrind", "--tool=callgrind", "--instr-atstart=no", "--callgrind-out-file=/dev/null",
        sys.executable, __file__, "--child", stage, "--n", str(n),
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    found = re.search(r"Collected : (\d+)", result.stderr)
    if result.returncode != 0 or found is None:
        raise SystemExit(f"{stage}: callgrind failed:\n{result.stderr[-2000:]}")
    return int(found.group(1)) / n / 1e6


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=30, help="pages measured per stage (after 10 of warm-up)")
    parser.add_argument("--stage", action="append", choices=STAGES, help="repeatable; default: all")
    parser.add_argument("--child", choices=STAGES, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.n)
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt install valgrind)")
    stages = args.stage or [stage for stage in STAGES if stage != "reader"]
    figures = {stage: count(stage, args.n) for stage in stages}
    print(f"callgrind instructions per page, {args.n} corpus pages per stage (millions)")
    for stage, millions in figures.items():
        print(f"  {stage:8s} {millions:7.2f}")
    if "full" in figures and "lxml" in figures:
        print(f"instructions: pressbot/lxml={figures['full'] / figures['lxml']:.2f}")


if __name__ == "__main__":
    main()
