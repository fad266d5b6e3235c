"""The ``export`` command: ``pressbot export RELEASES.jsonl... --format parquet|csv|jsonl DIR`` or ``--snapshot ROOT``.

Owns: the command line. It is a click command that ``pressbot/cli.py`` registers in its group
(``main.add_command(export)``); until then ``python -m pressbot.export ...`` runs it. This is the one place of
the package that reads the clock: ``--date`` defaults to today's local date.

Exit 0 when written, 1 for bad input (``FILE:LINE: reason``: the first line that is not a valid release; nothing
is written) or a snapshot that exists, 2 for a bad command line.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

FORMATS = ("parquet", "csv", "jsonl")


def _fail(message: str) -> None:
    click.echo(f"pressbot export: {message}", err=True)
    sys.exit(1)


@click.command("export", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="RELEASES.jsonl... [DIR]")
@click.option("--format", "fmt", type=click.Choice(FORMATS), help="Write this format into DIR (the last argument).")
@click.option(
    "--snapshot",
    "snapshot_root",
    type=click.Path(file_okay=False, path_type=Path),
    metavar="ROOT",
    help="Write a dated snapshot ROOT/YYYY-MM-DD/ (JSONL, Parquet, manifest, changelog).",
)
@click.option(
    "--date", "snapshot_date", type=click.DateTime(["%Y-%m-%d"]), help="The snapshot's date (default: today, local)."
)
@click.option("--overwrite", is_flag=True, help="Replace an existing snapshot of the same date.")
@click.option(
    "--no-carry-forward",
    is_flag=True,
    help="Hold only the input's releases (default: the previous snapshot's releases are kept unless superseded).",
)
def export(
    paths: tuple[Path, ...],
    fmt: str | None,
    snapshot_root: Path | None,
    snapshot_date: dt.datetime | None,
    overwrite: bool,
    no_carry_forward: bool,
) -> None:
    """Typed outputs of release records: the latest revision of each id, as Parquet, CSV or JSONL, or a snapshot.

    \b
    pressbot export out/releases.jsonl --format parquet out/parquet
    pressbot export out/releases.jsonl --snapshot data/snapshots [--date 2026-12-08]
    """
    if (fmt is None) == (snapshot_root is None):
        raise click.UsageError("give either --format FORMAT (with DIR last) or --snapshot ROOT")
    if snapshot_root is None and (snapshot_date or overwrite or no_carry_forward):
        raise click.UsageError("--date, --overwrite and --no-carry-forward go with --snapshot")
    try:
        from pressbot.export.inputs import InputError
        from pressbot.export.snapshot import SnapshotError, write_snapshot
    except ImportError as exc:  # pyarrow
        _fail(f"{exc.name or exc}: not installed (pip install 'pressbot[export]')")
        return
    try:
        if snapshot_root is not None:
            today = snapshot_date.date() if snapshot_date else dt.date.today()
            snapshot = write_snapshot(
                paths, snapshot_root, today, overwrite=overwrite, carry_forward=not no_carry_forward
            )
            counts = snapshot.manifest["counts"]
            changes = ", ".join(f"{n} {name}" for name, n in counts["changes"].items())
            previous = snapshot.manifest["previous"]
            against = f"against {previous['snapshot']}" if previous else "first snapshot"
            click.echo(f"{snapshot.path}: {counts['releases']} releases; {changes} ({against})")
            return
        *inputs, out_dir = paths
        if not inputs:
            raise click.UsageError("give the input files, then the output folder DIR")
        if out_dir.exists() and not out_dir.is_dir():
            raise click.UsageError(f"the last argument is the output folder, and {out_dir} is a file")
        counts = _write(fmt or "", inputs, out_dir)
        click.echo(
            f"{out_dir}: {counts['releases']} releases"
            + (f", {counts['participants']} participants, {counts['agenda']} agenda points" if len(counts) > 1 else "")
        )
    except (InputError, SnapshotError) as exc:
        _fail(str(exc))


def _write(fmt: str, inputs: list[Path], out_dir: Path) -> dict[str, int]:
    if fmt == "parquet":
        from pressbot.export.parquet import export_parquet

        return export_parquet(inputs, out_dir)
    if fmt == "csv":
        from pressbot.export.csv import export_csv

        return export_csv(inputs, out_dir)
    from pressbot.export.jsonl import export_jsonl

    return export_jsonl(inputs, out_dir)
