"""Dated, immutable snapshots: ``ROOT/YYYY-MM-DD/`` holding the latest revision of every release.

Owns: the layout of a snapshot, which snapshot is "the previous one", the manifest, and immutability.

A snapshot folder holds ``releases.jsonl`` (the latest revision of each id, lines as read, in id order),
``releases.parquet``, ``participants.parquet``, ``agenda.parquet``, ``changelog.jsonl`` and ``changelog.md``
(against the previous snapshot: see ``changelog.py``) and ``manifest.json``. Its date is the ``today`` the caller
passes (this module never reads the clock). It is built in a hidden folder in ROOT and renamed into place once
complete, so a snapshot either exists whole or not at all; its files are made read-only. An existing snapshot of
the same date is never replaced unless ``overwrite=True``.

The previous snapshot is the latest complete one (a dated folder with a ``manifest.json``) dated before
``today``. Making a snapshot older than an existing one is refused: the chain of changelogs runs forward.

Carry-forward (the default): the previous snapshot's releases are read as the first input, so a release that
is not in the new input keeps its last revision. That is what makes a snapshot complete when the input is an
incremental crawl's output (only new, changed and withdrawn releases). With ``carry_forward=False`` the
snapshot holds exactly the input's releases, and ids missing from it are listed as ``dropped``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pressbot.export import arrow, changelog
from pressbot.export.files import sha256_file
from pressbot.export.inputs import index_latest, iter_latest
from pressbot.export.jsonl import JsonlSink
from pressbot.export.parquet import ParquetSink
from pressbot.jsonfmt import json_document
from pressbot.models import SCHEMA_VERSION

DATED = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MANIFEST = "manifest.json"
RELEASES = "releases.jsonl"


class SnapshotError(Exception):
    """A snapshot that cannot be written as asked (it exists, or a newer one does)."""


@dataclass(frozen=True)
class Snapshot:
    path: Path
    manifest: dict[str, Any]


def snapshots(root: Path) -> list[Path]:
    """The complete snapshots in ``root``, oldest first."""
    if not root.is_dir():
        return []
    found = [path for path in root.iterdir() if DATED.match(path.name) and (path / MANIFEST).is_file()]
    return sorted(found, key=lambda path: path.name)


def previous_snapshot(root: Path, today: dt.date) -> Path | None:
    earlier = [path for path in snapshots(root) if path.name < today.isoformat()]
    return earlier[-1] if earlier else None


def write_snapshot(
    jsonl_paths: Sequence[Path],
    root: Path,
    today: dt.date,
    *,
    overwrite: bool = False,
    carry_forward: bool = True,
) -> Snapshot:
    """Write ``root/<today>/`` from the latest revision of every release in ``jsonl_paths``.

    Raises InputError (file:line) for a bad input line and SnapshotError when the snapshot exists (and not
    ``overwrite``) or a newer one does; in either case nothing is written.
    """
    root = Path(root)
    name = today.isoformat()
    target = root / name
    if target.exists() and not overwrite:
        raise SnapshotError(f"snapshot {target} exists; snapshots are immutable (--overwrite replaces it)")
    newer = [path.name for path in snapshots(root) if path.name > name]
    if newer:
        raise SnapshotError(f"snapshot {root / newer[-1]} is newer than {name}; snapshots are made in date order")
    previous = previous_snapshot(root, today)
    base = [previous / RELEASES] if previous is not None and carry_forward else []
    inputs = [Path(path) for path in jsonl_paths]
    latest = index_latest([*base, *inputs])  # validates every line before anything is written
    old_latest = index_latest([previous / RELEASES]) if previous is not None else None

    root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{name}.", dir=root))
    try:
        manifest = _build(staging, latest, old_latest, name, previous, inputs, carry_forward)
        for path in staging.iterdir():
            path.chmod(0o444)
        staging.chmod(0o755)  # mkdtemp made it private
        _move_into_place(staging, target)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return Snapshot(target, manifest)


def _build(
    folder: Path,
    latest: Any,
    old_latest: Any,
    name: str,
    previous: Path | None,
    inputs: list[Path],
    carry_forward: bool,
) -> dict[str, Any]:
    jsonl, parquet = JsonlSink(folder), ParquetSink(folder)
    kinds: Counter[str] = Counter()
    parsers: Counter[str] = Counter()
    changes: list[changelog.Change] = []
    unchanged = 0

    def new_records() -> Any:
        for line in iter_latest(latest):
            jsonl.add(line)
            parquet.add(line)
            record = line.record
            kinds[record["kind"]] += 1
            parsers[(record.get("provenance") or {}).get("parser_version") or "unknown"] += 1
            yield record

    old_records = (line.record for line in iter_latest(old_latest)) if old_latest is not None else iter(())
    try:
        for old, new in changelog.merge(old_records, new_records()):
            change = changelog.compare(old, new)
            if change is None:
                unchanged += 1
            else:
                changes.append(change)
    finally:
        jsonl.close()
        table_counts = parquet.close()

    (folder / "changelog.jsonl").write_text(changelog.jsonl_text(changes), encoding="utf-8")
    previous_name = previous.name if previous is not None else None
    (folder / "changelog.md").write_text(changelog.markdown_text(changes, name, previous_name), encoding="utf-8")

    files = {
        path.name: {"bytes": path.stat().st_size, "sha256": sha256_file(path)} for path in sorted(folder.iterdir())
    }
    manifest = {
        "snapshot": name,
        "schema_version": SCHEMA_VERSION,
        "arrow_schema_sha256": hashlib.sha256(arrow.schema_text().encode("utf-8")).hexdigest(),
        "parser_version": next(iter(parsers)) if len(parsers) == 1 and "unknown" not in parsers else None,
        "parser_versions": dict(sorted(parsers.items())),
        "previous": None
        if previous is None
        else {"snapshot": previous.name, "manifest_sha256": sha256_file(previous / MANIFEST)},
        "carried_forward": carry_forward and previous is not None,
        "inputs": [{"path": str(path), "sha256": sha256_file(path)} for path in inputs],
        "counts": {
            "input_lines": latest.lines - (old_latest.lines if carry_forward and old_latest is not None else 0),
            "superseded_lines": latest.superseded,
            **table_counts,
            "by_kind": dict(sorted(kinds.items())),
            "changes": {**changelog.counts(changes), "unchanged": unchanged},
        },
        "files": files,
    }
    (folder / MANIFEST).write_text(json_document(manifest), encoding="utf-8")
    return manifest


def _move_into_place(staging: Path, target: Path) -> None:
    """Rename the finished folder to its date; an existing one (overwrite) is moved aside first, then removed."""
    if not target.exists():
        os.rename(staging, target)
        return
    aside = Path(tempfile.mkdtemp(prefix=f".{target.name}.replaced.", dir=target.parent))
    os.rename(target, aside / target.name)
    os.rename(staging, target)
    shutil.rmtree(aside, ignore_errors=True)
