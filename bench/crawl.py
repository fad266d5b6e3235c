"""Crawl throughput and memory: a bare Scrapy spider against `pressbot crawl`, on a local corpus server.

    python bench/crawl.py [--n 1000] [--n 10000] [--repeat R] [--profile] [--polite]

For each N, the corpus (bench/corpus.py: N releases, ja and en, plus listing pages) is written to a
temporary directory and served on 127.0.0.1 by pressbot.fixtures.server.FixtureServer (in this process,
on its own threads). Then the same crawl is run twice, each in its own subprocess:

  (a) bare      bench/bare_spider.py: follows the listing links, counts bytes, parses no release
  (b) pressbot  `pressbot crawl mofa_ja mofa_en --upstream URL --state S -O OUT --rejects R --manifest M`
                (all pipelines, SQLite state, fsync'd output)

both with politeness off for the benchmark only (DOWNLOAD_DELAY=0, AUTOTHROTTLE_ENABLED=False,
CONCURRENT_REQUESTS(_PER_DOMAIN)=16, ROBOTSTXT_OBEY=False). Wall time runs from the crawler's start to its exit
(interpreter start and imports included); peak RSS comes from os.wait4() of that one process, forked by a
small wrapper so that it does not inherit this process' RSS high-water mark; CPU time is that process' and
its descendants' (pressbot reads pages in worker processes by default: PRESSBOT_EXTRACT_WORKERS=auto;
``--workers 0`` reads them in the crawler's process).
Prints pages/s for each, the ratio pressbot/bare, and peak RSS; with two N values, the RSS growth.
``--profile`` also runs (b) once under cProfile and prints where the crawl process spends its time.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from corpus import generate, summary  # noqa: E402

POLITENESS_OFF = (
    "-s",
    "DOWNLOAD_DELAY=0",
    "-s",
    "AUTOTHROTTLE_ENABLED=False",
    "-s",
    "CONCURRENT_REQUESTS_PER_DOMAIN=16",
    "-s",
    "CONCURRENT_REQUESTS=16",
    "-s",
    "ROBOTSTXT_OBEY=False",
)
RSS_TARGET_MB = 50
# --polite: pressbot keeps its own settings (pressbot/settings.py); the bare spider is given the same ones.
POLITE_BARE = (
    "-s",
    "DOWNLOAD_DELAY=1.0",
    "-s",
    "AUTOTHROTTLE_ENABLED=True",
    "-s",
    "AUTOTHROTTLE_START_DELAY=1.0",
    "-s",
    "AUTOTHROTTLE_TARGET_CONCURRENCY=1.0",
    "-s",
    "CONCURRENT_REQUESTS_PER_DOMAIN=1",
    "-s",
    "CONCURRENT_REQUESTS=8",
    "-s",
    "ROBOTSTXT_OBEY=True",
)


@dataclass
class Result:
    name: str
    n: int
    wall: float
    cpu: float
    maxrss_mb: float
    code: int
    requests: int
    statuses: Counter
    body_bytes: int
    span: float  # first to last request the server saw
    own_cpu: float = 0.0  # the crawler's own process, without the readers it started
    server_cpu: float = 0.0  # this process' CPU during the run: the server's threads
    first: float = 0.0  # from the crawler's launch to the first request the server saw (start-up)
    extra: dict = field(default_factory=dict)

    @property
    def pages_per_s(self) -> float:
        return self.requests / self.wall if self.wall else 0.0


# Peak RSS must be the crawler's own: a child forked (or vforked) from this process inherits this process'
# memory high-water mark in ru_maxrss (Linux carries it over exec), and this process holds the whole corpus.
# So a small wrapper interpreter forks and execs the command, and reports wall, CPU and ru_maxrss of it.
# The wrapper is also a subreaper (Linux prctl): pressbot's reader processes are children of multiprocessing's
# forkserver, which the crawler never waits for; reaped here, their CPU is counted in "cpu" too.
_WRAPPER = """
import ctypes, json, os, resource, sys, time
try:
    ctypes.CDLL(None).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
except (AttributeError, OSError):
    pass
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.execv(sys.argv[2], sys.argv[2:])
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - start
while True:  # orphaned descendants (the forkserver and its workers) come to us; wait for them to end
    try:
        os.wait()
    except ChildProcessError:
        break
tree = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(sys.argv[1], "w") as handle:
    json.dump({"wall": wall, "cpu": tree.ru_utime + tree.ru_stime, "own_cpu": usage.ru_utime + usage.ru_stime,
               "maxrss_kb": usage.ru_maxrss,
               "code": os.waitstatus_to_exitcode(status)}, handle)
"""


def run_child(cmd: list[str], log: Path, env: dict[str, str] | None = None) -> tuple[float, float, float, int, float]:
    """Run ``cmd``; return wall seconds, CPU seconds (user+sys, with the processes it started), peak RSS in MB of
    the command's own process, its exit code, and the CPU seconds of its own process alone."""
    usage_file = log.with_suffix(".usage.json")
    with open(log, "wb") as out:
        subprocess.run(
            [sys.executable, "-c", _WRAPPER, str(usage_file), *cmd],
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
            env=env,
            check=False,
        )
    usage = json.loads(usage_file.read_text(encoding="utf-8"))
    return usage["wall"], usage["cpu"], usage["maxrss_kb"] / 1024, usage["code"], usage["own_cpu"]


def child_env() -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PRESSBOT_UPSTREAM", "PRESSBOT_REPLAY", "SCRAPY_SETTINGS_MODULE")
    }
    # Bytecode cached outside the tree, as for an installed package (this sandbox sets PYTHONDONTWRITEBYTECODE,
    # which would make every run compile pressbot from source).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "pressbot-bench-pycache")
    return env


def pressbot_cmd(
    server_url: str, work: Path, *, profile: Path | None = None, polite: bool = False, workers: str = "auto"
) -> list[str]:
    prefix = [sys.executable, "-m", "cProfile", "-o", str(profile)] if profile else [sys.executable]
    return [
        *prefix,
        "-m",
        "pressbot.cli",
        "crawl",
        "mofa_ja",
        "mofa_en",
        "--upstream",
        server_url,
        "--state",
        str(work / "state.sqlite"),
        "-O",
        str(work / "releases.jsonl"),
        "--rejects",
        str(work / "rejects.jsonl"),
        "--manifest",
        str(work / "manifest.json"),
        *(() if polite else POLITENESS_OFF),
        "-s",
        f"PRESSBOT_EXTRACT_WORKERS={workers}",
        "--quiet",
    ]


def bare_cmd(server_url: str, work: Path, *, polite: bool = False) -> list[str]:
    return [
        sys.executable,
        str(HERE / "bare_spider.py"),
        "--upstream",
        server_url,
        "--stats",
        str(work / "bare.json"),
        *(POLITE_BARE if polite else ()),
    ]


def measure(name: str, n: int, server, cmd: list[str], work: Path) -> Result:  # type: ignore[no-untyped-def]
    server.log.clear()
    before = resource.getrusage(resource.RUSAGE_SELF)
    launched = time.monotonic()  # the server stamps its log with time.monotonic()
    wall, cpu, rss, code, own_cpu = run_child(cmd, work / f"{name}.log", child_env())
    after = resource.getrusage(resource.RUSAGE_SELF)
    server_cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    log = list(server.log)
    span = (log[-1].at - log[0].at) if len(log) > 1 else 0.0
    result = Result(
        name,
        n,
        wall,
        cpu,
        rss,
        code,
        len(log),
        Counter(s.status for s in log),
        sum(s.body_bytes for s in log),
        span,
        own_cpu,
        server_cpu,
        log[0].at - launched if log else 0.0,
    )
    if name == "pressbot" and (work / "manifest.json").exists():
        manifest = json.loads((work / "manifest.json").read_text(encoding="utf-8"))
        sites = manifest.get("sites", {})
        result.extra = {
            "releases": {s: v.get("releases") for s, v in sites.items()},
            "rejects": {s: v.get("rejects") for s, v in sites.items()},
            "exit_code": manifest.get("exit_code"),
            "gates": {g: v.get("ok") for g, v in (manifest.get("gates") or {}).items()},
        }
    elif name == "bare" and (work / "bare.json").exists():
        result.extra = json.loads((work / "bare.json").read_text(encoding="utf-8"))
    if code != 0:
        tail = (work / f"{name}.log").read_text(encoding="utf-8", errors="replace")[-1500:]
        print(f"  ! {name} exited {code}; last output:\n{tail}", file=sys.stderr)
    return result


def profile_crawl(server, work: Path, top: int) -> None:  # type: ignore[no-untyped-def]
    import pstats

    from profile_extract import print_profile

    prof = work / "crawl.prof"
    server.log.clear()
    wall, cpu, _, code, _ = run_child(pressbot_cmd(server.url, work, profile=prof), work / "profile.log", child_env())
    print(f"\nprofile of `pressbot crawl` under cProfile ({wall:.1f} s wall, {cpu:.1f} s CPU, exit {code}):")
    stats = pstats.Stats(str(prof))
    breakdown(stats)
    print_profile(stats, top)


# Where the crawl's time goes, by stage: the cumulative time of pressbot's entry points, summed over the functions
# named (none of them calls another of its own group).
STAGES = (
    ("pressbot/extract/__init__.py", ("extract",), "extract() of release pages"),
    ("pressbot/extract/listing.py", ("read_listing",), "read_listing() of listing pages"),
    ("pressbot/spiders/base.py", ("parse_release", "parse_release_pooled"), "spider parse_release (extract, item)"),
    ("pressbot/pipelines.py", ("process_item",), "item pipelines (every process_item)"),
    (
        "pressbot/crawl/state.py",
        ("begin_write", "finish_write", "settle", "get", "by_url", "touch"),
        "  of which state",
    ),
    ("pressbot/crawl/run.py", ("emit", "sync"), "  of which writing the record line (incl. fsync)"),
    ("pressbot/crawl/records.py", ("line",), "  of which assembling the record line"),
)


def breakdown(stats) -> None:  # type: ignore[no-untyped-def]
    total = stats.total_tt  # type: ignore[attr-defined]
    print(f"  by stage (cumulative, of {total:.1f} s profiled):")
    for path, names, label in STAGES:
        seconds = sum(
            cumtime
            for (filename, _, name), (_, _, _, cumtime, _) in stats.stats.items()  # type: ignore[attr-defined]
            if filename.endswith(path) and name in names
        )
        print(f"    {seconds:7.2f} s {seconds / total:6.1%}  {label}")


def describe(r: Result) -> str:
    statuses = ", ".join(f"{k}: {v}" for k, v in sorted(r.statuses.items()))
    return (
        f"  {r.name:9} {r.wall:7.2f} s wall  {r.cpu:7.2f} s CPU ({r.own_cpu:.2f} s own)  "
        f"{r.pages_per_s:7.1f} pages/s  (first request at {r.first:.2f} s, requests over {r.span:.2f} s)  "
        f"peak RSS {r.maxrss_mb:6.1f} MB  requests {r.requests} ({statuses})  "
        f"{r.body_bytes / 1024 / 1024:.1f} MB served ({r.server_cpu:.2f} s server CPU)  exit {r.code}"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, action="append", help="release pages; repeat for several (default 1000)")
    parser.add_argument("--seed", type=int, default=20250718)
    parser.add_argument(
        "--repeat",
        type=int,
        default=5,
        help="runs of each crawler per N, alternating; medians are "
        "reported (a shared machine's speed moves between runs: one pair is not a measurement)",
    )
    parser.add_argument("--profile", action="store_true", help="also profile `pressbot crawl` once (first N)")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument(
        "--workers",
        default="auto",
        help="PRESSBOT_EXTRACT_WORKERS for pressbot: pressbot's default "
        "'auto' (three worker processes with a second core), or a number (0: read pages in-process)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary directories")
    parser.add_argument(
        "--polite",
        action="store_true",
        help="keep politeness on (pressbot's own settings, the same "
        "given to the bare spider): the production case; use a small N (about 1 page/s per site)",
    )
    args = parser.parse_args(argv)
    sizes = args.n or [1000]

    if args.polite:
        print("politeness ON (pressbot/settings.py for both crawlers): expect about 1 page/s per site")
    print(
        f"machine: {os.cpu_count()} CPUs, python {sys.version.split()[0]}, load average "
        f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    table: dict[int, dict[str, Result]] = {}
    for n in sizes:
        corpus = generate(n, args.seed)
        work_root = Path(tempfile.mkdtemp(prefix=f"pressbot-crawl-{n}-"))
        corpus_dir = corpus.write(work_root / "corpus")
        print(f"\nN={n}: {summary(corpus).splitlines()[0]}\n  corpus written to {corpus_dir}")
        server = corpus.serve()
        del corpus  # the server holds the bodies
        runs: dict[str, list[Result]] = {"bare": [], "pressbot": []}
        try:
            for i in range(args.repeat):
                order = ("bare", "pressbot") if i % 2 == 0 else ("pressbot", "bare")
                for name in order:
                    work = work_root / f"{name}-{i}"
                    work.mkdir()
                    cmd = (
                        bare_cmd(server.url, work, polite=args.polite)
                        if name == "bare"
                        else pressbot_cmd(server.url, work, polite=args.polite, workers=args.workers)
                    )
                    result = measure(name, n, server, cmd, work)
                    runs[name].append(result)
                    print(describe(result))
                    if result.extra and name == "pressbot":
                        print(
                            f"            manifest: releases {result.extra['releases']}, rejects "
                            f"{result.extra['rejects']}, exit {result.extra['exit_code']}"
                        )
            if args.profile and n == sizes[0]:
                work = work_root / "profile"
                work.mkdir()
                profile_crawl(server, work, args.top)
        finally:
            server.stop()
        table[n] = {name: sorted(rs, key=lambda r: r.wall)[len(rs) // 2] for name, rs in runs.items()}
        if not args.keep:
            import shutil

            shutil.rmtree(work_root, ignore_errors=True)

    print("\nsummary (median run of each)")
    print(
        f"  {'N':>6} {'bare p/s':>9} {'pressbot p/s':>13} {'ratio':>6} {'CPU ratio':>9} "
        f"{'bare RSS':>9} {'pressbot RSS':>13}"
    )
    for n, row in table.items():
        bare, pb = row["bare"], row["pressbot"]
        ratio = pb.pages_per_s / bare.pages_per_s if bare.pages_per_s else 0.0
        cpu_ratio = (bare.cpu / bare.requests) / (pb.cpu / pb.requests) if pb.requests and bare.requests else 0.0
        print(
            f"  {n:>6} {bare.pages_per_s:>9.1f} {pb.pages_per_s:>13.1f} {ratio:>6.2f} {cpu_ratio:>9.2f} "
            f"{bare.maxrss_mb:>7.1f}MB {pb.maxrss_mb:>11.1f}MB"
        )
    last = table[sizes[-1]]
    ratio = last["pressbot"].pages_per_s / last["bare"].pages_per_s
    print(
        f"\ntarget crawl ratio >= 0.9: {'met' if ratio >= 0.9 else 'NOT met'} (pressbot/bare = {ratio:.2f} at "
        f"N={sizes[-1]}; CPU ratio = bare CPU per page / pressbot CPU per page)"
    )
    if len(table) > 1:
        small, big = min(table), max(table)
        for name in ("bare", "pressbot"):
            grow = table[big][name].maxrss_mb - table[small][name].maxrss_mb
            verdict = "met" if grow <= RSS_TARGET_MB else "NOT met"
            print(f"RSS growth {name} N={small}->{big}: {grow:+.1f} MB (target <= {RSS_TARGET_MB} MB: {verdict})")
    print(f"ratio: pressbot/bare={ratio:.2f}")


if __name__ == "__main__":
    main()
