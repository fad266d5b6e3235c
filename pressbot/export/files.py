"""Writing outputs so that nothing is ever half-written: files are made in a hidden folder, then renamed in.

Owns: the staging folder beside the destination (same file system, so each rename is atomic) and the sha256 of
what was written (for snapshot manifests).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Protocol

from pressbot.export.inputs import Line, index_latest, iter_latest


class Staging:
    """A hidden folder inside ``out_dir``; ``commit()`` moves its files into ``out_dir``, an error removes it.

    Each file replaces one of the same name in ``out_dir``; other files there are left alone.
    """

    def __init__(self, out_dir: Path):
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.path = Path(tempfile.mkdtemp(prefix=".pressbot-export-", dir=self.out_dir))

    def __enter__(self) -> Staging:
        return self

    def commit(self) -> list[Path]:
        moved = []
        for source in sorted(self.path.iterdir()):
            target = self.out_dir / source.name
            os.replace(source, target)
            moved.append(target)
        self.path.rmdir()
        return moved

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self.path.exists():
            shutil.rmtree(self.path, ignore_errors=True)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


class Sink(Protocol):
    """A writer of one output format: takes each record line, then reports the rows of each table."""

    def add(self, line: Line) -> None: ...
    def close(self) -> dict[str, int]: ...


def write_latest(jsonl_paths: Sequence[Path], out_dir: Path, sink: Callable[[Path], Sink]) -> dict[str, int]:
    """The latest revision of every release, written by ``sink`` into a staging folder that becomes ``out_dir``
    whole (an InputError, file:line, leaves ``out_dir`` as it was); the rows of each table."""
    latest = index_latest(jsonl_paths)
    with Staging(out_dir) as staging:
        writer = sink(staging.path)
        try:
            for line in iter_latest(latest):
                writer.add(line)
        finally:
            counts = writer.close()
        staging.commit()
    return counts
