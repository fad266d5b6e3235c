"""`pressbot reparse` against its floor: pages/s over an archive of N release pages, on -j cores.

    python bench/reparse.py [--n 10000] [--n 1000] [--jobs 2] [--repeat 3]

The archive is generated: every fixture release page (fixtures/<site>/<case>, status 200, with a record in its
expected.json) copied round-robin with a new id in its URL and its title and a comment changed, written by
pressbot's own writer (crawl/archive.py), one file per site. For each N, alternating, median of --repeat runs:

- readers: one pass over the archive with FastWARC and with warcio (one core, bodies read, nothing parsed);
- extract: ``pressbot.extract.extract`` alone on every page, one core (only its calls timed): the parser's own
  speed, so ``-j`` times it is the ceiling of any reparse on this machine at this moment;
- floor: read the archive and parse every page with ``lxml.html.fromstring``, nothing else, with the same
  processes as reparse (this one finds the records, -j workers read their spans and parse, results in order);
- reparse: ``pressbot reparse`` as a user runs it (a fresh interpreter: start-up, the pool, writing the JSONL);
  its peak RSS is that of its largest process (the parent or a worker, whichever is larger);
- start-up: ``pressbot reparse`` of an archive of 10 pages (interpreter, imports, the pool), so that
  ``steady`` = N / (reparse time - start-up) is the rate once it runs.

The machine may be shared: compare the figures of one run with each other (the ratios), not across runs.
Prints one line per figure and ``ratio: reparse/floor=<x>`` (goal: >= 1,500 pages/s and <= 2.5x the floor).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Not bench/ itself: bench/incremental.py would stand in for the `incremental` package Twisted imports.
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]

from pressbot.crawl.archive import SiteArchive  # noqa: E402
from pressbot.crawl.reparse import outcomes  # noqa: E402
from pressbot.crawl.warcread import iter_responses, warc_files  # noqa: E402
from pressbot.fixtures.cases import find_cases  # noqa: E402
from pressbot.sites import get_site  # noqa: E402

_DIGITS = re.compile(r"(\d+)(?!.*\d)")


def _varied_url(url: str, i: int) -> str:
    if url.endswith("/"):  # State's slugs
        return f"{url[:-1]}-copy-{i}/"
    match = _DIGITS.search(url)
    assert match, url
    return url[: match.start()] + f"{int(match.group(1)) + 100000 + i}" + url[match.end() :]


def generate(directory: Path, n: int) -> int:
    cases = [c for c in find_cases(ROOT / "fixtures") if c.status == 200 and "id" in (c.expected() or {})]
    cases = [c for c in cases if c.site != "generic"]
    archives: dict[str, SiteArchive] = {}
    total = 0
    for i in range(n):
        case = cases[i % len(cases)]
        url = _varied_url(case.url, i)
        assert get_site(case.site).release_key(url) is not None, url
        body = case.body.replace(b"</h1>", f" {i}</h1>".encode(), 1) + f"<!-- copy {i} -->".encode()
        archive = archives.get(case.site)
        if archive is None:
            archive = archives[case.site] = SiteArchive(directory, case.site, "2026-01-01T00:00:00Z")
        headers = [(k.encode("latin-1"), [v.encode("latin-1")]) for k, v in case.headers]
        archive.write(url, 200, headers, body, None, case.fetched_at or "2026-01-01T00:00:00Z")
        total += len(body)
    for archive in archives.values():
        archive.close()
    return total


def _lxml_batch(batch: list) -> list[int]:
    import lxml.html

    return [len(lxml.html.fromstring(r.body)) for r in batch]


def floor(directory: Path, jobs: int) -> float:
    import lxml.html  # noqa: F401  (loaded before the workers fork)

    start = time.perf_counter()
    count = sum(1 for _ in outcomes(warc_files([directory]), jobs, task=_lxml_batch))
    return count / (time.perf_counter() - start)


def extract_only(directory: Path) -> float:
    """pages/s of extract() alone on one core: the bodies are read first, only the calls are timed."""
    from pressbot.crawl.reparse import site_of
    from pressbot.errors import ExtractError
    from pressbot.extract import extract

    spent, count = 0.0, 0
    for path in warc_files([directory]):
        for response in iter_responses(path):
            site, content_type = site_of(response), response.header("Content-Type")
            start = time.perf_counter()
            with contextlib.suppress(ExtractError):
                extract(response.body, url=response.url, site=site, content_type=content_type)
            spent += time.perf_counter() - start
            count += 1
    return count / spent


def read_only(directory: Path, reader: str) -> float:
    start = time.perf_counter()
    count = 0
    for path in warc_files([directory]):
        for response in iter_responses(path, reader):
            count += len(response.body) > 0
    return count / (time.perf_counter() - start)


# Runs the command in a child of its own and reports that child's peak RSS (its own or its workers', whichever is
# larger). Measured from the bench's process, ru_maxrss would be at least the bench's own: Linux keeps a process'
# high-water mark across fork and exec, and the bench holds what it generated (about 170 MB at N=10,000).
_LAUNCH = """
import os, sys, time
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.execv(sys.executable, [sys.executable, *sys.argv[1:]])
_, status, usage = os.wait4(pid, 0)
sys.stderr.write(f"\\nlaunch: {time.perf_counter() - start} {usage.ru_maxrss}\\n")
sys.exit(os.waitstatus_to_exitcode(status))
"""


def reparse(directory: Path, out: Path, jobs: int, n: int) -> tuple[float, float]:
    """Seconds and the peak RSS (MB) of its largest process."""
    command = ["-m", "pressbot.cli", "reparse", str(directory), "-O", str(out), "-j", str(jobs)]
    result = subprocess.run([sys.executable, "-c", _LAUNCH, *command], cwd=ROOT, capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(f"reparse failed: {result.stderr}")
    assert f"{n} responses" in result.stderr, result.stderr  # every page read: a record, or a reject / block
    elapsed, maxrss = result.stderr.rsplit("launch: ", 1)[1].split()
    return float(elapsed), int(maxrss) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, action="append", help="pages (repeatable; default 1000 and 10000)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sizes = args.n or [1000, 10000]
    print(f"cores: {os.cpu_count()}, jobs: {args.jobs}, repeat: {args.repeat}")
    last_ratio = None
    with tempfile.TemporaryDirectory(prefix="pressbot-reparse-") as tmp:
        tiny = Path(tmp) / "tiny"
        generate(tiny, 10)
        for n in sizes:
            last_ratio = measure(Path(tmp), tiny, n, args.jobs, args.repeat)
    print(f"ratio: reparse/floor={last_ratio:.2f}")


def measure(tmp: Path, tiny: Path, n: int, jobs: int, repeat: int) -> float:
    directory = tmp / f"warc-{n}"
    start = time.perf_counter()
    size = generate(directory, n)
    files = warc_files([directory])
    on_disk = sum(p.stat().st_size for p in files)
    print(
        f"N={n}: archive of {n} pages ({size / 1e6:.1f} MB of bodies, {on_disk / 1e6:.1f} MB gzipped in "
        f"{len(files)} files) written in {time.perf_counter() - start:.1f} s"
    )
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in files)).hexdigest()[:12]
    names = ("fastwarc", "warcio", "extract", "floor", "startup", "reparse", "steady", "rss")
    figures: dict[str, list[float]] = {name: [] for name in names}
    for _ in range(repeat):
        figures["fastwarc"].append(read_only(directory, "fastwarc"))
        figures["warcio"].append(read_only(directory, "warcio"))
        figures["extract"].append(extract_only(directory))
        figures["floor"].append(floor(directory, jobs))
        startup, _ = reparse(tiny, tmp / "tiny.jsonl", jobs, 10)
        elapsed, rss = reparse(directory, tmp / "out.jsonl", jobs, n)
        figures["startup"].append(startup)
        figures["reparse"].append(n / elapsed)
        figures["steady"].append(n / max(elapsed - startup, 1e-9))
        figures["rss"].append(rss)
    med = {k: statistics.median(v) for k, v in figures.items()}
    print(f"N={n}: read only, 1 core: fastwarc {med['fastwarc']:.0f} pages/s, warcio {med['warcio']:.0f}")
    ceiling = med["extract"] * jobs
    print(f"N={n}: extract() only, 1 core: {med['extract']:.0f} pages/s (x{jobs} = {ceiling:.0f}: the ceiling)")
    print(f"N={n}: floor (read + lxml.html.fromstring, {jobs} workers): {med['floor']:.0f} pages/s")
    runs = " / ".join(f"{p:.0f}" for p in figures["reparse"])
    print(f"N={n}: pressbot reparse -j {jobs}: {med['reparse']:.0f} pages/s (runs: {runs})")
    print(
        f"N={n}: start-up (10 pages) {med['startup']:.2f} s; steady state {med['steady']:.0f} pages/s "
        f"({med['steady'] / ceiling:.0%} of the ceiling)"
    )
    print(f"N={n}: peak RSS of reparse's largest process: {max(figures['rss']):.1f} MB (archive {digest})")
    ratio = med["floor"] / med["reparse"]
    steady_ratio = med["floor"] / med["steady"]
    print(f"N={n}: ratio: reparse/floor={ratio:.2f}, steady/floor={steady_ratio:.2f} (time per page over the floor's)")
    shutil.rmtree(directory)
    return ratio


if __name__ == "__main__":
    main()
