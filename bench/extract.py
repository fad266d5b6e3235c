"""Extraction speed: pressbot.extract against the lxml parse floor and trafilatura, on the same pages.

    python bench/extract.py [--n 500] [--seed S] [--warmup 50]

In one process, on the corpus' release pages (bench/corpus.py, ja and en, 10–60 KB), after a warm-up pass,
each page is given as bytes to (a) ``lxml.html.fromstring`` alone (the floor: parsing, nothing else),
(b) ``pressbot.extract(body, url=url)`` and (c) ``trafilatura.extract(body, url=url, with_metadata=True,
output_format="json")`` (what a user would pick instead). Prints the median per-page time and pages/s of
each, and the ratios b/a and b/c. The cost of the first call (imports, tables built on first use) is
measured separately, each library in a fresh subprocess (bytecode cached, median of three).

The last line is always ``ratios: pressbot/lxml=<x> pressbot/trafilatura=<y>`` (two decimals).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate

COLD = {
    "lxml": ("import lxml.html", "lxml.html.fromstring(body)"),
    "pressbot": ("from pressbot import extract", "extract(body, url=url)"),
    "trafilatura": (
        "import trafilatura",
        "trafilatura.extract(body, url=url, with_metadata=True, output_format='json')",
    ),
}

_COLD_SCRIPT = """
import json, sys, time
t0 = time.perf_counter()
{imp}
t1 = time.perf_counter()
pages = json.load(open(sys.argv[1]))
times = []
for path, url in pages:
    body = open(path, "rb").read()
    s = time.perf_counter()
    {call}
    times.append(time.perf_counter() - s)
print(json.dumps({{"import": t1 - t0, "first": times[0], "second": times[1], "third": times[2]}}))
"""


def cold_start(pages: list[tuple[str, bytes]]) -> dict[str, dict[str, float]]:
    """Import time and the first three calls (on three different pages) of each library, in a fresh process."""
    out: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="pressbot-bench-") as tmp:
        listed = []
        for i, (url, body) in enumerate(pages[:3]):
            path = Path(tmp) / f"page{i}.html"
            path.write_bytes(body)
            listed.append((str(path), url))
        spec = Path(tmp) / "pages.json"
        spec.write_text(json.dumps(listed))
        # Bytecode is cached outside the tree (as an installed package has it): one priming run, then the
        # median of three measured runs, each a fresh interpreter.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "pressbot-bench-pycache")
        for name, (imp, call) in COLD.items():
            script = _COLD_SCRIPT.format(imp=imp, call=call)
            runs = []
            for _ in range(4):
                result = subprocess.run(
                    [sys.executable, "-c", script, str(spec)], capture_output=True, text=True, env=env
                )
                if result.returncode != 0:
                    raise SystemExit(f"cold start of {name} failed:\n{result.stderr[-2000:]}")
                runs.append(json.loads(result.stdout.strip().splitlines()[-1]))
            out[name] = {key: statistics.median(r[key] for r in runs[1:]) for key in runs[0]}
    return out


def measure(pages: list[tuple[str, bytes]], warmup: int) -> dict[str, list[float]]:
    import lxml.html
    import trafilatura

    from pressbot import extract

    def a(url: str, body: bytes) -> None:
        lxml.html.fromstring(body)

    def b(url: str, body: bytes) -> None:
        extract(body, url=url)

    def c(url: str, body: bytes) -> None:
        trafilatura.extract(body, url=url, with_metadata=True, output_format="json")

    funcs = {"lxml": a, "pressbot": b, "trafilatura": c}
    for url, body in pages[:warmup]:
        for func in funcs.values():
            func(url, body)
    times: dict[str, list[float]] = {name: [] for name in funcs}
    clock = time.perf_counter
    for url, body in pages:
        for name, func in funcs.items():
            start = clock()
            func(url, body)
            times[name].append(clock() - start)
    return times


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=500, help="release pages (default 500)")
    parser.add_argument("--seed", type=int, default=20250718)
    parser.add_argument("--warmup", type=int, default=50, help="pages run through each extractor first (default 50)")
    parser.add_argument("--no-cold", action="store_true", help="skip the first-call measurement")
    args = parser.parse_args(argv)

    corpus = generate(args.n, args.seed)
    releases = corpus.releases
    pages = [(p.url, p.body) for p in releases]
    sizes = sorted(len(b) for _, b in pages)
    print(
        f"corpus: {len(pages)} release pages (seed {args.seed}), median {sizes[len(sizes) // 2] / 1024:.1f} KB, "
        f"{sizes[0] / 1024:.1f}-{sizes[-1] / 1024:.1f} KB; python {sys.version.split()[0]}, {os.cpu_count()} CPUs"
    )

    if not args.no_cold:
        cold = cold_start(pages)
        print("\nfirst call, each in a fresh process (ms): import | 1st call | 2nd call | 3rd call")
        for name, t in cold.items():
            print(
                f"  {name:12} {t['import'] * 1e3:8.1f} | {t['first'] * 1e3:8.1f} | {t['second'] * 1e3:8.1f} | "
                f"{t['third'] * 1e3:8.1f}"
            )

    times = measure(pages, min(args.warmup, len(pages)))
    med = {name: statistics.median(values) for name, values in times.items()}
    print(
        f"\nper page, after a warm-up of {min(args.warmup, len(pages))} pages "
        "(median ms | p90 ms | pages/s at the median | pages/s overall)"
    )
    for name, values in times.items():
        p90 = sorted(values)[int(len(values) * 0.9)]
        print(
            f"  {name:12} {med[name] * 1e3:8.2f} | {p90 * 1e3:8.2f} | {1 / med[name]:9.0f} | "
            f"{len(values) / sum(values):9.0f}"
        )
    by_site: dict[str, dict[str, list[float]]] = {}
    for i, page in enumerate(releases):
        for name in times:
            by_site.setdefault(page.site, {n: [] for n in times})[name].append(times[name][i])
    for site, values in sorted(by_site.items()):
        print(f"  {site}: " + ", ".join(f"{n} {statistics.median(v) * 1e3:.2f} ms" for n, v in values.items()))
    kb = statistics.median(len(b) for _, b in pages) / 1024
    print(f"  pressbot per KB (median page {kb:.1f} KB): {med['pressbot'] * 1e3 / kb:.3f} ms/KB")
    b_a = med["pressbot"] / med["lxml"]
    b_c = med["pressbot"] / med["trafilatura"]
    print(
        f"\ntargets: pressbot/lxml <= 8 ({'met' if b_a <= 8 else 'NOT met'}), "
        f"pressbot/trafilatura <= 0.1 ({'met' if b_c <= 0.1 else 'NOT met'})"
    )
    print(f"ratios: pressbot/lxml={b_a:.2f} pressbot/trafilatura={b_c:.2f}")


if __name__ == "__main__":
    main()
