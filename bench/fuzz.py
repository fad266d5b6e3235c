"""Fuzz pressbot.extract with mutated fixture pages: anything but ExtractError is a bug, and so is a slow page.

    python bench/fuzz.py [--n 100000] [--seed 1] [--workers 2] [--max-bytes 2000000] [--deadline 04:50]
                         [--save-worst /tmp/fuzz-worst.html]

Pages are fixtures/*/*/response.html, mutated by a seeded RNG (byte flips, truncations, splices between pages,
repeated blocks, inserted tags and markers; at most --max-bytes). Each is read in-process by extract() with a
per-page timer. Prints the exceptions other than ExtractError (must be 0, with the first few shown), the worst
time and its page size, and how many pages took over 1 s: in wall time, and in the worker's CPU time
(time.process_time), which a shared machine's other load does not inflate. Pages run in chunks of 200; with
--deadline (UTC HH:MM) no chunk starts after it, and the counts say exactly how many pages ran. --save-worst
writes the slowest page's bytes there (to profile it). Last line: ``fuzz: pages=<n> other_exceptions=<k>
worst=<s>s size=<bytes> over_1s=<k> worst_cpu=<s>s cpu_size=<bytes> cpu_over_1s=<k>``.
"""

from __future__ import annotations

import argparse
import datetime
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


_PAGES: list[bytes] = []


def run(args: tuple[int, int, int, int, float]) -> dict:
    from pressbot import extract
    from pressbot.errors import ExtractError

    seed, start, count, max_bytes, deadline = args
    found = {"pages": 0, "others": [], "worst": 0.0, "size": 0, "slow": 0, "body": b"", "cpu": 0.0, "cpu_size": 0}
    found["cpu_slow"] = 0
    if time.time() > deadline:
        return found
    if not _PAGES:
        _PAGES.extend(p.read_bytes() for p in sorted(ROOT.glob("fixtures/*/*/response.html")))
    pages = _PAGES
    others: list[str] = found["others"]
    for i in range(start, start + count):
        rng = random.Random(f"{seed}:{i}")
        body = mutate(rng, pages, max_bytes)
        url = rng.choice([None, "https://www.mofa.go.jp/mofaj/press/release/pressit_000001_01276.html"])
        began, began_cpu = time.perf_counter(), time.process_time()
        try:
            extract(body, url=url, content_type=rng.choice([None, "text/plain", "text/html; charset=utf-8"]))
        except ExtractError:
            pass
        except BaseException as exc:
            if isinstance(exc, KeyboardInterrupt):
                raise
            others.append(f"page {i} ({len(body)} bytes): {type(exc).__name__}: {exc}\n{traceback.format_exc(limit=3)}")
        took, cpu = time.perf_counter() - began, time.process_time() - began_cpu
        found["pages"] += 1
        found["slow"] += took > 1.0
        found["cpu_slow"] += cpu > 1.0
        if took > found["worst"]:
            found.update(worst=took, size=len(body), body=body)
        if cpu > found["cpu"]:
            found.update(cpu=cpu, cpu_size=len(body))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--max-bytes", type=int, default=2_000_000)
    parser.add_argument("--deadline", help="UTC HH:MM after which no new chunk starts")
    parser.add_argument("--save-worst", type=Path, help="write the slowest page's bytes here")
    args = parser.parse_args()
    deadline = float("inf")
    if args.deadline:
        now = datetime.datetime.now(datetime.UTC)
        hour, minute = map(int, args.deadline.split(":"))
        at = now.replace(hour=hour, minute=minute, second=0, microsecond=0)
        deadline = (at if at > now else at + datetime.timedelta(days=1)).timestamp()
    chunk = 200
    jobs = [(args.seed, s, min(chunk, args.n - s), args.max_bytes, deadline) for s in range(0, args.n, chunk)]
    began = time.perf_counter()
    total = {"pages": 0, "others": [], "worst": 0.0, "size": 0, "slow": 0, "body": b"", "cpu": 0.0, "cpu_size": 0}
    total["cpu_slow"] = 0
    with multiprocessing.get_context("spawn").Pool(args.workers) as pool:
        for found in pool.imap_unordered(run, jobs):
            for key in ("pages", "slow", "cpu_slow", "others"):
                total[key] += found[key]
            if found["worst"] > total["worst"]:
                total.update(worst=found["worst"], size=found["size"], body=found["body"])
            if found["cpu"] > total["cpu"]:
                total.update(cpu=found["cpu"], cpu_size=found["cpu_size"])
    if args.save_worst and total["body"]:
        args.save_worst.write_bytes(total["body"])
    pages, others, slow, worst, size = (total[k] for k in ("pages", "others", "slow", "worst", "size"))
    for other in others[:5]:
        print(other)
    took = time.perf_counter() - began
    print(f"{pages} of {args.n} pages in {took:.0f} s (seed {args.seed}, at most {args.max_bytes} bytes each)")
    print(f"exceptions other than ExtractError: {len(others)}; pages over 1 s: {slow} wall, {total['cpu_slow']} CPU")
    print(f"worst CPU time {total['cpu']:.3f} s at {total['cpu_size']} bytes")
    print(
        f"fuzz: pages={pages} other_exceptions={len(others)} worst={worst:.3f}s size={size} over_1s={slow}"
        f" worst_cpu={total['cpu']:.3f}s cpu_size={total['cpu_size']} cpu_over_1s={total['cpu_slow']}"
    )


if __name__ == "__main__":
    main()
