"""Where pressbot.extract spends its time, on the benchmark corpus.

    python bench/profile_extract.py [--n 300] [--top 25] [--pyinstrument] [--site mofa_ja|mofa_en]

cProfile (deterministic; inflates many small calls) prints the top functions by own time and by cumulative
time, then own time summed per source file (pressbot modules, lxml, re, pydantic, ...). With
``--pyinstrument`` a sampling profile (less distortion) of the same loop is printed too.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate


def _where(filename: str) -> str:
    if filename.startswith("~") or filename.startswith("<"):
        return "builtins (re, str, lxml C calls...)"
    if "/pressbot/" in filename:
        return "pressbot/" + filename.split("/pressbot/", 1)[1]
    if "site-packages/" in filename:
        return filename.split("site-packages/", 1)[1].split("/", 1)[0]
    return Path(filename).name


def print_profile(stats: pstats.Stats, top: int) -> None:
    """Top functions by own and cumulative time, then own time summed per source file."""
    total = stats.total_tt  # type: ignore[attr-defined]
    per_file: dict[str, float] = defaultdict(float)
    for (filename, _, _), (_, _, tottime, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        per_file[_where(filename)] += tottime
    stats.strip_dirs()
    for order in ("tottime", "cumulative"):
        buffer = io.StringIO()
        stats.stream = buffer  # type: ignore[attr-defined]
        stats.sort_stats(order).print_stats(top)
        text = buffer.getvalue()
        print(f"\n--- top {top} by {order}")
        print(text[text.index("ncalls") :].rstrip() if "ncalls" in text else text)
    stats.stream = sys.stdout  # type: ignore[attr-defined]
    print("\n--- own time per source")
    for where, seconds in sorted(per_file.items(), key=lambda kv: -kv[1])[:15]:
        print(f"  {seconds / total:6.1%}  {seconds:7.3f} s  {where}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--seed", type=int, default=20250718)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--site", choices=["mofa_ja", "mofa_en"])
    parser.add_argument("--pyinstrument", action="store_true")
    args = parser.parse_args(argv)

    from pressbot import extract

    pages = [(p.url, p.body) for p in generate(args.n, args.seed).releases if not args.site or p.site == args.site]
    for url, body in pages[:20]:  # warm-up: tables, caches, compiled selectors
        extract(body, url=url)

    profiler = cProfile.Profile()
    profiler.enable()
    for url, body in pages:
        extract(body, url=url)
    profiler.disable()

    stats = pstats.Stats(profiler)
    print(
        f"cProfile: {len(pages)} pages, {stats.total_tt:.2f} s under the profiler "  # type: ignore[attr-defined]
        f"({stats.total_tt / len(pages) * 1e3:.1f} ms/page)"
    )  # type: ignore[attr-defined]
    print_profile(stats, args.top)

    if args.pyinstrument:
        from pyinstrument import Profiler

        sampler = Profiler(interval=0.0005)
        sampler.start()
        for url, body in pages:
            extract(body, url=url)
        sampler.stop()
        print("\n--- pyinstrument (sampling)")
        print(sampler.output_text(unicode=True, color=False, show_all=False))


if __name__ == "__main__":
    main()
