"""`pressbot reparse`: rebuild records from WARC archives with the current parser (the command; the work is in
reparse.py). Registered by pressbot/cli.py, like the commands of link/ and export/."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import click


@click.command()
@click.argument("archives", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-O", "--overwrite-output", "output", required=True, help="Write the records to this JSONL file.")
@click.option("--rejects", help="Write rejected pages (with reasons) to this JSONL file.")
@click.option("-j", "--jobs", type=int, help="Worker processes (default: every core).")
@click.option("--diff", "old", type=click.Path(exists=True, dir_okay=False), help="Compare with these records.")
@click.option("--diff-out", help="Where to write the diff as JSON (default: OUTPUT.diff.json, with --diff).")
@click.option("--reader", type=click.Choice(["fastwarc", "warcio"]), help="WARC reader (default: fastwarc).")
def reparse(
    archives: tuple[Path, ...],
    output: str,
    rejects: str | None,
    jobs: int | None,
    old: str | None,
    diff_out: str | None,
    reader: str | None,
) -> None:
    """Rebuild records from WARC archives (files or folders) with the current parser: no network, archive order."""
    from pressbot.crawl.reparse import diff_records, load_records, render_diff
    from pressbot.crawl.reparse import reparse as run_reparse
    from pressbot.jsonfmt import json_document

    Path(output).parent.mkdir(parents=True, exist_ok=True)
    with contextlib.ExitStack() as stack:
        out = stack.enter_context(open(output, "wb"))
        rej = stack.enter_context(open(rejects, "wb")) if rejects else None
        counts = run_reparse(archives, out, rej, jobs=jobs, reader=reader)
    summary = counts.as_dict()
    click.echo(
        f"pressbot reparse: {summary['responses']} responses: {sum(counts.records.values())} records, "
        f"{sum(counts.rejects.values())} rejects, {sum(counts.blocked.values())} blocked, "
        f"skipped {summary['skipped']}",
        err=True,
    )
    if old:
        diff = diff_records(load_records(old), load_records(output))
        for line in render_diff(diff):
            click.echo(line)
        target = Path(diff_out or f"{output}.diff.json")
        target.write_text(json_document({"old": old, "new": output, **diff}), encoding="utf-8")
        click.echo(f"diff: {target}", err=True)
    sys.exit(0 if counts.responses else 1)
