"""`pressbot crawl`, counting how many release pages were actually parsed (for bench/incremental.py).

    PRESSBOT_BENCH_COUNTS=counts.json python bench/counting_crawl.py crawl mofa_ja ... (same arguments)

Wraps, before the spiders are imported, ``pressbot.crawl.workers.extract`` (what the spider's
``read_release_page`` calls per release response read in this process), ``pressbot.crawl.workers.ReaderPool.read``
(a page sent to a worker process, where this process' wrappers do not reach) and
``pressbot.extract.read_page`` (the HTML parse inside an in-process extract()), then runs the normal CLI.
``spider_extract_calls`` counts both kinds of page. At exit the counts are written to $PRESSBOT_BENCH_COUNTS;
a count is null when its hook point no longer exists (the code moved), so the benchmark can say so
instead of reporting a false zero.
"""

from __future__ import annotations

import atexit
import json
import os
import sys

# Run as a script, this file's folder (bench/) is sys.path[0], and bench/incremental.py would shadow the
# `incremental` package Twisted imports: drop the folder before anything imports Twisted.
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != os.path.dirname(os.path.abspath(__file__))]

counts: dict[str, int | None] = {"spider_extract_calls": None, "read_page_calls": None}


def _wrap(module: object, name: str, key: str) -> None:
    original = getattr(module, name, None)
    if not callable(original):
        return
    counts[key] = 0

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        counts[key] += 1  # type: ignore[operator]
        return original(*args, **kwargs)

    setattr(module, name, counted)


def _install() -> None:
    import pressbot.extract  # noqa: F401 - the module, through sys.modules (the package shadows the name)

    _wrap(sys.modules["pressbot.extract"], "read_page", "read_page_calls")
    try:
        import pressbot.crawl.workers as workers
    except ImportError:
        return
    _wrap(workers, "extract", "spider_extract_calls")
    pool_read = getattr(getattr(workers, "ReaderPool", None), "read", None)
    if counts["spider_extract_calls"] is None or pool_read is None:
        counts["spider_extract_calls"] = None  # one of the two hook points is gone: no count rather than a low one
        return

    async def counted_read(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        counts["spider_extract_calls"] += 1  # type: ignore[operator]
        return await pool_read(self, *args, **kwargs)

    workers.ReaderPool.read = counted_read  # type: ignore[method-assign]


def _write() -> None:
    path = os.environ.get("PRESSBOT_BENCH_COUNTS")
    if path:
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(counts, handle)


if __name__ == "__main__":
    _install()
    atexit.register(_write)
    from pressbot.cli import main

    sys.argv = ["pressbot", *sys.argv[1:]]
    main()
