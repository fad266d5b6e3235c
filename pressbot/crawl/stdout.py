"""``-o -`` / ``-O -``: records go to standard output (the summary, progress and logs stay on stderr).

Stdout is a pipe or a terminal: it cannot be fsynced, truncated or read back, so a run with state (which commits a
release only once its line is durable) refuses it; ``--no-state`` streams every record seen.
"""

from __future__ import annotations

import os
import sys
from typing import IO

STDOUT = "-"


def is_stdout(path: str | None) -> bool:
    return path == STDOUT


def check_stdout(output: str | None, state: str | None) -> None:
    """ValueError (a usage error) for ``-`` with state."""
    if is_stdout(output) and state:
        raise ValueError(
            "-o -/-O - (stdout) is not durable: the state commits a release only once its line is fsynced, "
            "which a pipe cannot be; use --no-state (every release seen) or -o FILE"
        )


def open_stdout() -> IO[bytes]:
    """A binary handle of its own on stdout (closing it leaves sys.stdout open)."""
    sys.stdout.flush()
    return os.fdopen(os.dup(sys.stdout.fileno()), "wb")
