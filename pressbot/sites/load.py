"""Reading site files (TOML) into validated Sites, with errors that name the file and the field."""

from __future__ import annotations

import tomllib
from importlib.resources.abc import Traversable
from pathlib import Path

from pydantic import ValidationError

from pressbot.sites.base import Site


class SiteFileError(ValueError):
    """A site file that cannot be used; the message is one line per problem: ``FILE: field: what``."""


def load_site_file(path: Path | Traversable) -> Site:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SiteFileError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SiteFileError(f"{path}: not valid TOML: {exc}") from None
    try:
        return Site.model_validate(data)
    except ValidationError as exc:
        raise SiteFileError("\n".join(f"{path}: {_where(e['loc'])}: {e['msg']}" for e in exc.errors())) from None


def load_sites_dir(directory: Path | Traversable) -> dict[str, Site]:
    """Every ``*.toml`` in ``directory``, by site name; two files naming one site is an error.

    ``directory`` may be a package resource (inside a zipped egg, as scrapyd deploys it), not only a folder.
    """
    if not directory.is_dir():
        raise SiteFileError(f"{directory}: not a directory of site files")
    sites: dict[str, Site] = {}
    problems: list[str] = []
    for path in sorted((p for p in directory.iterdir() if p.name.endswith(".toml")), key=lambda p: p.name):
        try:
            site = load_site_file(path)
        except SiteFileError as exc:
            problems.append(str(exc))
            continue
        if site.name in sites:
            problems.append(f"{path}: name: site {site.name!r} is described twice in {directory}")
        sites[site.name] = site
    if problems:
        raise SiteFileError("\n".join(problems))
    return sites


def _where(location: tuple[int | str, ...]) -> str:
    """``('listing', 'entry')`` → ``listing.entry``: the field as the file spells it."""
    return ".".join(str(part) for part in location) or "(file)"
