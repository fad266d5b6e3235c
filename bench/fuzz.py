"""Fuzz pressbot.extract with mutated fixture pages: anything but ExtractError is a bug, and so is a slow page.

    python bench/fuzz.py [--n 100000] [--seed 1] [--workers 2] [--max-bytes 2000000]

Pages are fixtures/*/*/response.html, mutated by a seeded RNG (byte flips, truncations, splices between pages,
repeated blocks, inserted tags and markers; at most --max-bytes). Each is read in-process by extract() with a
per-page timer. Prints the exceptions other than ExtractError (must be 0, with the first few shown), the worst
time and its page size. Last line: ``fuzz: pages=<n> other_exceptions=<k> worst=<s>s size=<bytes>``.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MARKERS = [
    b"<meta", b"<meta charset=", b"<?xml version='1.0'?>", b"\xef\xbb\xbf", b"\xff\xfe", b"<h1>", b"</h1>", b"<ol>",
    b"<li>", b"</li></ol>", b"<br>", b"<script>", b"<!--", b"-->", b"\x00", "令和元年2月1日".encode(),
    "平成32年1月1日".encode(), "(現地時間".encode(), b"July 18, 2025", b"Mr. FOO Bar, Minister of X,", b"(", b")",
    "概要は以下のとおりです。".encode(), "は、".encode(), b"\n", b"&#xD800;", b"<div class='ranking'>",
]  # fmt: skip


def mutate(rng: random.Random, pages: list[bytes], max_bytes: int) -> bytes:
    data = bytearray(rng.choice(pages))
    for _ in range(rng.randint(1, 6)):
        op = rng.randrange(6)
        if op == 0 and data:  # byte flips
            for _ in range(rng.randint(1, 20)):
                data[rng.randrange(len(data))] = rng.randrange(256)
        elif op == 1 and data:  # truncation
            data = data[: rng.randrange(len(data) + 1)]
        elif op == 2:  # splice with another page
            other = rng.choice(pages)
            cut, at = rng.randrange(len(data) + 1), rng.randrange(len(other) + 1)
            data = data[:cut] + other[at:]
        elif op == 3 and data:  # a repeated block
            a = rng.randrange(len(data))
            b = min(len(data), a + rng.randint(1, 4000))
            data[a:a] = data[a:b] * rng.randint(2, 200)
        else:  # inserted tags / markers
            for _ in range(rng.randint(1, 10)):
                at = rng.randrange(len(data) + 1)
                data[at:at] = rng.choice(MARKERS)
        if len(data) > max_bytes:
            data = data[:max_bytes]
    return bytes(data)


def run(args: tuple[int, int, int, int]) -> tuple[int, list[str], float, int]:
    from pressbot import extract
    from pressbot.errors import ExtractError

    seed, start, count, max_bytes = args
    pages = [p.read_bytes() for p in sorted(ROOT.glob("fixtures/*/*/response.html"))]
    others: list[str] = []
    worst, worst_size = 0.0, 0
    for i in range(start, start + count):
        rng = random.Random(f"{seed}:{i}")
        body = mutate(rng, pages, max_bytes)
        url = rng.choice([None, "https://www.mofa.go.jp/mofaj/press/release/pressit_000001_01276.html"])
        began = time.perf_counter()
        try:
            extract(body, url=url, content_type=rng.choice([None, "text/plain", "text/html; charset=utf-8"]))
        except ExtractError:
            pass
        except BaseException as exc:
            if isinstance(exc, KeyboardInterrupt):
                raise
            others.append(f"page {i} ({len(body)} bytes): {type(exc).__name__}: {exc}\n{traceback.format_exc(limit=3)}")
        took = time.perf_counter() - began
        if took > worst:
            worst, worst_size = took, len(body)
    return count, others, worst, worst_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--max-bytes", type=int, default=2_000_000)
    args = parser.parse_args()
    chunk = -(-args.n // args.workers)
    jobs = [(args.seed, s, min(chunk, args.n - s), args.max_bytes) for s in range(0, args.n, chunk)]
    began = time.perf_counter()
    with multiprocessing.get_context("spawn").Pool(args.workers) as pool:
        results = pool.map(run, jobs)
    pages = sum(r[0] for r in results)
    others = [o for r in results for o in r[1]]
    worst, size = max(((r[2], r[3]) for r in results), default=(0.0, 0))
    for other in others[:5]:
        print(other)
    print(f"{pages} pages in {time.perf_counter() - began:.0f} s; exceptions other than ExtractError: {len(others)}")
    print(f"fuzz: pages={pages} other_exceptions={len(others)} worst={worst:.3f}s size={size}")


if __name__ == "__main__":
    main()
