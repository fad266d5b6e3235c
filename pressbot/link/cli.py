"""The ``link`` command: releases JSONL in, events JSONL (and optionally people JSONL) out.

The lead registers it in the main group with ``main.add_command(link_command, "link")``; until then it runs
as ``python -m pressbot.link RELEASES.jsonl... -O events.jsonl``.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import click

from pressbot.link.state import LinkState


def read_jsonl(paths: Iterable[Path]) -> Iterator[dict[str, Any]]:
    """Release dicts from JSONL files (blank lines skipped; a line that is not JSON is an error naming it)."""
    for path in paths:
        with open(path, encoding="utf-8") as lines:
            for number, line in enumerate(lines, 1):
                if line.strip():
                    try:
                        yield json.loads(line)
                    except json.JSONDecodeError as exc:
                        raise click.ClickException(f"{path}:{number}: not JSON ({exc.msg})") from None


def write_jsonl(path: Path, rows: Iterable[Any]) -> int:
    """Write pydantic models as JSONL, atomically (UTF-8, no ASCII escapes); the number of rows."""
    return write_lines(path, (json.dumps(r.model_dump(mode="json"), ensure_ascii=False, sort_keys=True) for r in rows))


def write_lines(path: Path, lines: Iterable[str]) -> int:
    """Write JSON lines atomically; the number of lines."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=path.name + ".", dir=path.parent)
    count = 0
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        for line in lines:
            out.write(line + "\n")
            count += 1
    os.replace(tmp, path)
    return count


@click.command("link")
@click.argument("releases", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-O", "--output", "output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="events JSONL to write")  # fmt: skip
@click.option("--state", "state_path", type=click.Path(dir_okay=False, path_type=Path),
              help="link state file: read if it exists, then updated (new releases join its events)")  # fmt: skip
@click.option("--people", "people_path", type=click.Path(dir_okay=False, path_type=Path),
              help="also write the people JSONL")  # fmt: skip
def link_command(releases: tuple[Path, ...], output: Path, state_path: Path | None, people_path: Path | None) -> None:
    """Group releases that report the same meeting into events, with one id per person."""
    try:
        state = LinkState.load(state_path)
    except (ValueError, json.JSONDecodeError) as exc:
        raise click.ClickException(f"{state_path}: {exc}") from None
    before = len(state.linker.events)
    touched = state.add(read_jsonl(releases))
    events = write_lines(output, state.event_lines().values())
    if state_path is not None:
        state.save(state_path)
    people = write_jsonl(people_path, state.persons()) if people_path is not None else None
    click.echo(
        f"link: {events} events ({events - before:+d}), {len(touched)} touched, "
        f"{len(state.pending)} about-releases waiting for an event"
        + (f", {people} people" if people is not None else ""),
        err=True,
    )
