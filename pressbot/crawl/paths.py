"""The files of one crawl: checked before anything is opened, so no file overwrites or corrupts another."""

from __future__ import annotations

import os
from pathlib import Path

from pressbot.crawl.stdout import check_stdout

# Formats pressbot does not write: JSON Lines in a file named like this would mislead every reader.
NOT_JSON_LINES = (".csv", ".tsv", ".xml", ".json", ".parquet", ".xlsx", ".html")


def _same(a: str, b: str) -> bool:
    if a == "-" or b == "-":
        return False
    pa, pb = Path(a), Path(b)
    if pa.exists() and pb.exists():
        return os.path.samefile(pa, pb)
    return pa.resolve() == pb.resolve()


def check_paths(output: str | None, rejects: str | None, manifest: str | None, state: str | None) -> None:
    """ValueError (a usage error) when the output is missing or unsupported, or two of the files are one."""
    if not output:
        raise ValueError("no output: give -o FILE (append) or -O FILE (overwrite); -O - writes to stdout")
    check_stdout(output, state)
    if Path(output).suffix.lower() in NOT_JSON_LINES:
        raise ValueError(f"{output}: pressbot writes JSON Lines; name the output .jsonl (got {Path(output).suffix})")
    named = {"output": output, "--rejects": rejects, "--manifest": manifest, "--state": state}
    items = [(k, v) for k, v in named.items() if v]
    for i, (name_a, a) in enumerate(items):
        for name_b, b in items[i + 1 :]:
            if _same(a, b) or (name_b == "--state" and _same(a, f"{b}.lock")):
                raise ValueError(f"{name_a} and {name_b} are the same file ({a}): each needs its own")
