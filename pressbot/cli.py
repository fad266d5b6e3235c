"""The ``pressbot`` command. Scrapy is imported only by ``pressbot crawl``."""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
from pathlib import Path

import click

from pressbot.crawl.exit_codes import EXIT_CODES, LOCK_HELD
from pressbot.errors import ExtractError
from pressbot.jsonfmt import json_line


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="pressbot")
def main() -> None:
    """Crawl government releases about diplomatic meetings into validated JSON Lines."""


def _emit(data: object) -> None:
    sys.stdout.write(json_line(data))
    sys.stdout.flush()


# ---------------------------------------------------------------------------------------- parse


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--url", help="The page's URL (gives the site and the id).")
@click.option("--site", help="Site name (see `pressbot sites`); inferred from --url when absent.")
def parse(files: tuple[Path, ...], url: str | None, site: str | None) -> None:
    """Read saved pages (HTML or text) and print one JSON record per file."""
    from pressbot.extract import extract
    from pressbot.extract.page import MAX_BYTES

    failed = 0
    for path in files:
        try:
            size = path.stat().st_size
            if size > MAX_BYTES:
                raise ExtractError("too_large", f"{size} bytes is over the {MAX_BYTES} byte limit")
            release = extract(path.read_bytes(), url=url, site=site)
        except (OSError, ExtractError, ValueError) as exc:
            failed += 1
            click.echo(f"pressbot parse: {path}: {exc}", err=True)
            continue
        _emit(release.model_dump(mode="json"))
    sys.exit(1 if failed else 0)


# ---------------------------------------------------------------------------------------- crawl


@main.command()
@click.argument("sites", nargs=-1)
@click.option(
    "--replay",
    type=click.Path(file_okay=False, exists=True),
    help="Answer every request from this fixtures folder (no network).",
)
@click.option(
    "--upstream",
    metavar="URL",
    help="Fetch every page from this local server as URL/<host>/<path> (for tests and benchmarks).",
)
@click.option("-o", "--output", help="Append records to this JSONL file (one flushed line per record).")
@click.option("-O", "--overwrite-output", help="Like -o, but truncate the file first.")
@click.option("--rejects", help="Write rejected pages (with reasons) to this JSONL file.")
@click.option("--state", help="SQLite crawl state (default: per-user data dir). Only new/changed releases are emitted.")
@click.option("--no-state", is_flag=True, help="No incremental state: emit every release seen.")
@click.option("--manifest", help="Where to write the run manifest (default: beside the output).")
@click.option(
    "--since", type=click.DateTime(["%Y-%m-%d"]), help="Skip releases listed before this date; stop paging past it."
)
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="Skip releases listed after this date.")
@click.option("--max-reject-share", type=float, help="Gate: rejects / pages (setting PRESSBOT_MAX_REJECT_SHARE, 0.2).")
@click.option("--min-coverage", type=float, help="Gate: share of records with a date (PRESSBOT_MIN_COVERAGE, 0.5).")
@click.option(
    "--max-coverage-drop", type=float, help="Gate: drop below the recent median (PRESSBOT_MAX_COVERAGE_DROP, 0.3)."
)
@click.option("-s", "--set", "overrides", multiple=True, help="Scrapy setting NAME=VALUE (repeatable).")
@click.option("--quiet", is_flag=True, help="Only warnings and the summary.")
@click.option("--redis", metavar="URL", help="Be one worker of a shared run: frontier, politeness, state in Redis.")
@click.option("--run-id", help="With --redis: the run's id, the same for all its workers (default: run-<UTC hour>).")
@click.option("--worker", help="With --redis: this worker's name, unique in the run (default: <host>-<pid>).")
@click.option("--run-dir", help="With --redis: write this worker's part to <dir>/<run id>/releases-<worker>.jsonl.")
def crawl(
    sites: tuple[str, ...],
    replay: str | None,
    upstream: str | None,
    output: str | None,
    overwrite_output: str | None,
    rejects: str | None,
    state: str | None,
    no_state: bool,
    manifest: str | None,
    since: dt.datetime | None,
    until: dt.datetime | None,
    max_reject_share: float | None,
    min_coverage: float | None,
    max_coverage_drop: float | None,
    overrides: tuple[str, ...],
    quiet: bool,
    redis: str | None,
    run_id: str | None,
    worker: str | None,
    run_dir: str | None,
) -> None:
    """Run the spiders (all sites by default) and write records, rejects and a run manifest."""
    settings = dict(o.split("=", 1) for o in overrides)
    _warm_up_readers(settings, replay)
    from pressbot.crawl.runner import CrawlOptions, run_crawl
    from pressbot.crawl.state import LockHeld, default_state_path

    options = CrawlOptions(
        sites=list(sites),
        replay=replay,
        upstream=upstream,
        output=overwrite_output or output,
        truncate=bool(overwrite_output),
        rejects=rejects,
        state=None if no_state else (state or redis or str(default_state_path())),
        manifest=manifest,
        since=since.date() if since else None,
        until=until.date() if until else None,
        max_reject_share=max_reject_share,
        min_coverage=min_coverage,
        max_coverage_drop=max_coverage_drop,
        overrides=settings,
        quiet=quiet,
        redis=redis,
        run_id=run_id,
        worker=worker,
        run_dir=run_dir,
    )
    try:
        code = run_crawl(options)
    except LockHeld as exc:
        click.echo(f"pressbot crawl: {exc}; exiting ({LOCK_HELD})", err=True)
        sys.exit(LOCK_HELD)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    sys.exit(code)


def _warm_up_readers(overrides: dict[str, str], replay: str | None) -> None:
    """Start the page readers' forkserver before Scrapy is imported, if the crawl will have readers: it loads the
    reading code on another core meanwhile (workers.warm_up). A bad setting is left for the crawl to report."""
    from pressbot import settings as defaults
    from pressbot.crawl import workers

    setting = overrides.get("PRESSBOT_EXTRACT_WORKERS", defaults.PRESSBOT_EXTRACT_WORKERS)
    with contextlib.suppress(ValueError):
        if workers.default_workers(setting, replay=bool(replay or defaults.PRESSBOT_REPLAY)) > 0:
            workers.warm_up()


def _add_run_commands() -> None:
    from pressbot.crawl.runs import run_status_command

    main.add_command(run_status_command)


_add_run_commands()


# ---------------------------------------------------------------------------------------- fixtures


@main.group()
def fixtures() -> None:
    """Saved pages that CI replays: check, update, save."""


@fixtures.command("check")
@click.argument("root", default="fixtures", type=click.Path(exists=True, path_type=Path))
def fixtures_check(root: Path) -> None:
    """Replay every case and show a per-field diff against expected.json; exit 1 on any difference."""
    from pressbot.fixtures.cases import find_cases
    from pressbot.fixtures.check import diff, render_case

    cases = find_cases(root)
    bad = 0
    for case in cases:
        expected = case.expected()
        if expected is None:
            bad += 1
            click.echo(f"MISSING {case.name}: no expected.json (run `pressbot fixtures update`)")
            continue
        lines = diff(expected, render_case(case))
        if lines:
            bad += 1
            click.echo(f"FAIL {case.name} ({case.url})")
            for line in lines:
                click.echo(f"    {line}")
    click.echo(f"{len(cases) - bad} passed, {bad} failed")
    sys.exit(1 if bad or not cases else 0)


@fixtures.command("update")
@click.argument("root", default="fixtures", type=click.Path(exists=True, path_type=Path))
def fixtures_update(root: Path) -> None:
    """Rewrite expected.json from current output (after you have reviewed the diff)."""
    from pressbot.fixtures.cases import find_cases
    from pressbot.fixtures.check import render_case
    from pressbot.jsonfmt import json_document

    changed = 0
    for case in find_cases(root):
        text = json_document(render_case(case))
        old = case.expected_path.read_text(encoding="utf-8") if case.expected_path.exists() else None
        if text != old:
            case.expected_path.write_text(text, encoding="utf-8")
            changed += 1
            click.echo(f"updated {case.name}")
    click.echo(f"{changed} expected.json file(s) rewritten")


@fixtures.command("save")
@click.argument("url")
@click.option("--site", help="Site folder (inferred from the URL).")
@click.option("--case", "case_name", help="Case folder name (default: from the URL).")
@click.option("--root", default="fixtures", type=click.Path(path_type=Path), show_default=True)
def fixtures_save(url: str, site: str | None, case_name: str | None, root: Path) -> None:
    """Record a new case from the live site (the page as served, its status and headers)."""
    from pressbot.fixtures.save import save_case

    try:
        case = save_case(url, root=root, site=site, case_name=case_name)
    except (OSError, ValueError) as exc:
        click.echo(f"pressbot fixtures save: {url}: {exc}", err=True)
        sys.exit(1)
    click.echo(f"saved {case.path} (status {case.status}); review it, then `pressbot fixtures update {case.path}`")


# ---------------------------------------------------------------------------------------- info


@main.command()
def sites() -> None:
    """List the sites pressbot knows."""
    from pressbot.sites import SITES

    rows = [("name", "language", "country", "domains", "label")]
    rows += [(s.name, s.language, s.country, " ".join(s.domains), s.label) for s in SITES.values()]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for row in rows:
        click.echo("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:4])) + "  " + row[4])


@main.command()
def schema() -> None:
    """Print the record's JSON Schema (the same as schema/release.schema.json)."""
    from pressbot.schema import schema_text

    sys.stdout.write(schema_text())


@main.command("exit-codes")
def exit_codes() -> None:
    """Explain the exit codes of `pressbot crawl`."""
    for code, meaning in sorted(EXIT_CODES.items()):
        click.echo(f"{code:>3}  {meaning}")


if __name__ == "__main__":
    main()
