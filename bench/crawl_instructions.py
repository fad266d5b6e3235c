"""Instructions executed by the crawler's own process, bare spider against `pressbot crawl`, counted by callgrind.

    python bench/crawl_instructions.py [--n 200] [--n 400]

Wall time and CPU time of a crawl move by 2x between identical runs on a shared machine; the instructions a
process executes barely move. Each crawler runs once per N under ``valgrind --tool=callgrind`` against the
corpus server of bench/crawl.py, with the same settings. pressbot's readers are separate processes, started by
multiprocessing's forkserver and not traced (--trace-children=no): the figure is the crawler's process alone,
interpreter start-up and imports included. With two N values it also prints the cost per extra page, which
leaves start-up out. Slow: valgrind runs Python about 50x slower (a few minutes per run at N=200).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from corpus import generate
from crawl import ROOT, bare_cmd, child_env, pressbot_cmd

CRAWLERS = ("bare", "pressbot")


def count(cmd: list[str], log: Path) -> int:
    """Instructions executed by ``cmd``'s own process."""
    env = {**child_env(), "PYTHONHASHSEED": "0"}
    valgrind = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", "--trace-children=no"]
    result = subprocess.run([*valgrind, *cmd], cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    log.write_text(result.stdout + result.stderr, encoding="utf-8")
    found = re.search(r"Collected : (\d+)", result.stderr)
    if result.returncode != 0 or found is None:
        raise SystemExit(f"callgrind run failed (exit {result.returncode}); see {log}")
    return int(found.group(1))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, action="append", help="release pages; repeat for several (default 200)")
    parser.add_argument("--seed", type=int, default=20250718)
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt install valgrind)")
    sizes = sorted(set(args.n or [200]))
    totals: dict[int, dict[str, int]] = {}
    for n in sizes:
        server = generate(n, args.seed).serve()
        work = Path(tempfile.mkdtemp(prefix=f"pressbot-crawl-instr-{n}-"))
        try:
            totals[n] = {}
            for name in CRAWLERS:
                folder = work / name
                folder.mkdir()
                cmd = bare_cmd(server.url, folder) if name == "bare" else pressbot_cmd(server.url, folder)
                totals[n][name] = count(cmd, folder / "callgrind.log")
                print(f"  N={n:<6} {name:9} {totals[n][name] / 1e9:7.3f} G instructions", flush=True)
        finally:
            server.stop()
            shutil.rmtree(work, ignore_errors=True)
    if len(sizes) > 1:
        small, big = sizes[0], sizes[-1]
        per_page = {name: (totals[big][name] - totals[small][name]) / (big - small) / 1e6 for name in CRAWLERS}
        print(
            f"per extra release page (N={small}->{big}): bare {per_page['bare']:.2f} M, "
            f"pressbot {per_page['pressbot']:.2f} M"
        )
    last = totals[sizes[-1]]
    print(f"crawler instructions: pressbot/bare={last['pressbot'] / last['bare']:.2f}")


if __name__ == "__main__":
    sys.exit(main())
