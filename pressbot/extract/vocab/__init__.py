"""The words the extraction rules read, as data: one TOML file per subject, read once at import.

``offices.toml`` (ja / en offices, offices that imply a country), ``honorifics.toml`` (honorifics, post-nominals),
``countries.toml`` (ja / en country words -> ISO alpha-2, English country adjectives), ``names.toml`` ("not a name"
words, English meeting verbs), ``dates.toml`` (eras, month and weekday names, year words), ``chrome.toml`` (back
links, chrome headings, link and photo residue). docs/extraction.md says which module reads which table.

``PRESSBOT_VOCAB_DIR`` (read once, at import) points the rules at an edited copy of this directory. The rules build
their regexes from these words (``alternation`` escapes them), so adding a word is a one-line data change.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

VOCAB_DIR = Path(os.environ.get("PRESSBOT_VOCAB_DIR") or Path(__file__).resolve().parent)

_loaded: dict[str, dict[str, Any]] = {}


def load(name: str) -> dict[str, Any]:
    """The table of ``<VOCAB_DIR>/<name>.toml`` (parsed once)."""
    table = _loaded.get(name)
    if table is None:
        path = VOCAB_DIR / f"{name}.toml"
        try:
            with path.open("rb") as handle:
                table = _loaded[name] = tomllib.load(handle)
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise RuntimeError(f"pressbot vocabulary {path}: {exc}") from exc
    return table


def words(name: str, *keys: str) -> list[str]:
    """A list of words: ``words("offices", "ja", "ends")`` is ``offices.toml`` ``[ja] ends``."""
    value: Any = load(name)
    for key in keys:
        value = value[key]
    return list(value)


def literal(word: str) -> str:
    """One word as a regex: escaped, and a space matching any run of whitespace."""
    return r"\s+".join(re.escape(part) for part in word.split(" "))


def alternation(items: Iterable[str]) -> str:
    """``a|b|c`` of the words, in their order, each escaped (spaces match whitespace)."""
    return "|".join(literal(word) for word in items)


def char_class(chars: Iterable[str]) -> str:
    """``[abc]`` of single characters."""
    return "[" + "".join(re.escape(c) for c in chars) + "]"


# Characters re.IGNORECASE matches to an ASCII letter besides its two cases (checked over all of Unicode once).
_FOLD_EXTRA = {"i": "İı", "k": "\u212a", "s": "ſ"}


def case_variants(char: str) -> str:
    """Every character re.IGNORECASE matches to ``char`` (``s`` -> ``sSſ``)."""
    lower = char.lower()
    return "".join(dict.fromkeys(char + lower + char.upper() + _FOLD_EXTRA.get(lower, "")))
