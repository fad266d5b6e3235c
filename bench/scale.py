"""Pages per second for 1 and 3 workers on the politeness-bound 30-host farm, in one run.

    python bench/scale.py [--releases 900] [--hosts 30] [--delay 0.2] [--workers 1,3]

Each measurement: a fresh Redis (pressbot.fixtures.redis) and a fresh farm (pressbot.fixtures.farm: listing pages
on www.mofa.go.jp linking releases spread over 30 hosts), N workers started at once with `pressbot crawl --redis`
(per-host delay --delay, no AutoThrottle, pages read in the worker process). Pages/s is release pages answered by
the farm divided by the time from the farm's first release answer to its last, from the server's own log, so
process start-up is not counted. A worker's CONCURRENT_REQUESTS (8) bounds how many hosts it works at once; the
shared politeness (pressbot/crawl/politeness.py) bounds each host to one request per delay across all workers.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pressbot.fixtures.farm import farm_server, min_gaps  # noqa: E402
from pressbot.fixtures.redis import RedisServer  # noqa: E402


def measure(workers: int, releases: int, hosts: int, delay: float) -> dict:
    redis = RedisServer().start()
    farm = farm_server(releases, hosts)
    out = Path(tempfile.mkdtemp(prefix="pressbot-scale-"))
    try:
        procs = []
        for i in range(workers):
            args = [sys.executable, "-m", "pressbot.cli", "crawl", "mofa_en", "--upstream", farm.url, "--quiet"]
            args += ["--redis", redis.url, "--run-id", "bench", "--worker", f"w{i}", "--run-dir", str(out)]
            for setting in (
                f"DOWNLOAD_DELAY={delay}",
                "AUTOTHROTTLE_ENABLED=False",
                "PRESSBOT_EXTRACT_WORKERS=0",
                "PRESSBOT_PROGRESS_INTERVAL=0",
                "LOG_LEVEL=ERROR",
            ):
                args += ["-s", setting]
            log = open(out / f"w{i}.log", "wb")  # noqa: SIM115 - closed with the process
            procs.append((subprocess.Popen(args, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT), log))
        codes, cpu = [], 0.0
        for process, log in procs:
            _, status, usage = os.wait4(process.pid, 0)  # the worker's own CPU time (user + system)
            process.returncode = os.waitstatus_to_exitcode(status)
            codes.append(process.returncode)
            cpu += usage.ru_utime + usage.ru_stime
            log.close()
        pages = [s for s in farm.log if "pressite_" in s.url and s.status == 200]
        first, last = min(s.arrived for s in pages), max(s.at for s in pages)
        records = sum(len(p.read_bytes().splitlines()) for p in (out / "bench").glob("releases-*.jsonl"))
        gaps = min_gaps(farm.log)
        per_host: dict[str, list[float]] = {}
        for served in pages:
            per_host.setdefault(served.url.split("/")[2], []).append(served.arrived)
        intervals = [(max(t) - min(t)) / (len(t) - 1) for t in per_host.values() if len(t) > 1]
        return {
            "workers": workers,
            "exit_codes": codes,
            "pages": len(pages),
            "records": records,
            "seconds": last - first,
            "pages_per_s": len(pages) / (last - first),
            "min_gap": min(gaps.values()),
            "cpu_seconds": cpu,
            "mean_interval": sum(intervals) / len(intervals),
        }
    finally:
        farm.stop()
        redis.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--releases", type=int, default=900)
    parser.add_argument("--hosts", type=int, default=30)
    parser.add_argument("--delay", type=float, default=0.2)
    parser.add_argument("--workers", default="1,3")
    args = parser.parse_args()
    print(f"farm: {args.releases} releases on {args.hosts} hosts, per-host delay {args.delay}s, {os.cpu_count()} CPUs")
    print(f"politeness bound: {args.hosts} hosts / {args.delay}s = {args.hosts / args.delay:.0f} pages/s at most")
    results = []
    for n in (int(x) for x in args.workers.split(",")):
        r = measure(n, args.releases, args.hosts, args.delay)
        results.append(r)
        print(
            f"{r['workers']} worker(s): {r['pages']} release pages in {r['seconds']:.2f}s = {r['pages_per_s']:.1f} "
            f"pages/s; {r['records']} records; mean interval per host {r['mean_interval']:.3f}s, "
            f"shortest between two requests to one host {r['min_gap']:.3f}s; "
            f"workers' CPU {r['cpu_seconds']:.1f}s (start-up included); exit codes {r['exit_codes']}"
        )
    if len(results) > 1:
        print(
            f"speed-up {results[-1]['workers']} vs {results[0]['workers']}: "
            f"{results[-1]['pages_per_s'] / results[0]['pages_per_s']:.2f}x"
        )


if __name__ == "__main__":
    main()
