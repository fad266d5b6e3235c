"""The ``pressbot`` command. Scrapy is imported only by ``pressbot crawl``."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
from pathlib import Path

import click

from pressbot.crawl.exit_codes import EXIT_CODES, LOCK_HELD
from pressbot.crawl.logs import LEVELS
from pressbot.crawl.logs import log_level as crawl_log_level
from pressbot.errors import ExtractError
from pressbot.jsonfmt import json_line


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="pressbot")
def main() -> None:
    """Crawl government releases about diplomatic meetings into validated JSON Lines."""


def _emit(data: object) -> None:
    sys.stdout.write(json_line(data))
    sys.stdout.flush()


def _add_sites_dir(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    """``--sites-dir DIR``: a user's own site files join the bundled ones before the command runs."""
    if value is not None:
        from pressbot.sites import SiteFileError, add_sites_dir

        try:
            add_sites_dir(value)
        except SiteFileError as exc:
            raise click.BadParameter(str(exc), ctx=ctx, param=param) from None
    return value


sites_dir_option = click.option(
    "--sites-dir",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    callback=_add_sites_dir,
    expose_value=False,
    is_eager=True,
    help="Also load the site files (*.toml) in DIR (or set PRESSBOT_SITES_DIR).",
)


# ---------------------------------------------------------------------------------------- parse


@main.command()
@sites_dir_option
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--url", help="The page's URL (gives the site and the id).")
@click.option("--site", help="Site name (see `pressbot sites`); inferred from --url when absent.")
def parse(files: tuple[Path, ...], url: str | None, site: str | None) -> None:
    """Read saved pages (HTML or text) and print one JSON record per file."""
    from pressbot.extract import extract
    from pressbot.extract.page import MAX_BYTES

    failed = 0
    for path in files:
        try:
            release = extract(_read_page(path, MAX_BYTES), url=url, site=site)
        except (OSError, ExtractError, ValueError) as exc:
            failed += 1
            click.echo(f"pressbot parse: {path}: {exc}", err=True)
            continue
        _emit(release.model_dump(mode="json"))
    sys.exit(1 if failed else 0)


def _read_page(path: Path, limit: int) -> bytes:
    """A regular file's bytes, at most ``limit``: a device (/dev/zero), a FIFO or a folder is refused, never read
    without bound or waited on."""
    import stat

    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a FIFO with no writer would block a plain open()
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = "a folder" if stat.S_ISDIR(mode) else "not a regular file (device, FIFO or socket)"
            raise OSError(f"{kind}; give a saved page")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    finally:
        os.close(fd)
    if len(data) > limit:
        raise ExtractError("too_large", f"over the {limit} byte limit")
    return data


# ---------------------------------------------------------------------------------------- crawl


@main.command()
@sites_dir_option
@click.argument("sites", nargs=-1)
@click.option(
    "--replay",
    type=click.Path(exists=True),
    help="Answer every request from this fixtures folder, or from WARC files (a file or a folder of them); no network.",
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
@click.option("--rebuild-state", is_flag=True, help="Move an empty or corrupt state file aside and start a new state.")
@click.option(
    "--archive",
    metavar="DIR",
    help="Keep every response in WARC files here (default with the state: warc/ beside it). See docs/archive.md.",
)
@click.option("--no-archive", is_flag=True, help="Do not keep the responses.")
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
@click.option("-q", "--quiet", is_flag=True, help="Only warnings and the summary (no progress lines).")
@click.option("-v", "--verbose", count=True, help="Scrapy's INFO log too (-vv: DEBUG).")
@click.option("--log-level", type=click.Choice(LEVELS, case_sensitive=False), help="Log level (default WARNING).")
@click.option("--log-file", help="Write the log to this file instead of stderr (the summary stays on stderr).")
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
    rebuild_state: bool,
    archive: str | None,
    no_archive: bool,
    manifest: str | None,
    since: dt.datetime | None,
    until: dt.datetime | None,
    max_reject_share: float | None,
    min_coverage: float | None,
    max_coverage_drop: float | None,
    overrides: tuple[str, ...],
    quiet: bool,
    verbose: int,
    log_level: str | None,
    log_file: str | None,
    redis: str | None,
    run_id: str | None,
    worker: str | None,
    run_dir: str | None,
) -> None:
    """Run the spiders (all sites by default) and write records, rejects and a run manifest."""
    bad = [o for o in overrides if "=" not in o or not o.split("=", 1)[0].strip()]
    if bad:
        raise click.UsageError(f"-s takes NAME=VALUE, got {bad[0]!r}")
    settings = dict(o.split("=", 1) for o in overrides)
    from pressbot.crawl.paths import check_paths
    from pressbot.crawl.pathvars import expand
    from pressbot.crawl.state import default_state_path

    if no_state:
        state_path = None
    elif state:
        state_path = state
    elif redis:
        state_path = redis  # many workers share one state: the run's Redis (docs/workers.md)
    elif replay:
        state_path = None  # fixtures are not news: a replay never writes into the user's real state
    else:
        state_path = str(default_state_path())
    started = dt.datetime.now(dt.UTC).replace(microsecond=0)  # %(time)s and the manifest's start: one instant
    try:
        overwrite_output, output, rejects, manifest = (
            expand(path, started, sites[0] if len(sites) == 1 else "all")
            for path in (overwrite_output, output, rejects, manifest)
        )
        if overwrite_output or output or not redis:  # a Redis worker's default output is its part file
            check_paths(overwrite_output or output, rejects, manifest, state_path)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    if overwrite_output and state_path:
        click.echo(
            f"pressbot crawl: -O empties {overwrite_output} first, and with state ({state_path}) only new, changed "
            "and withdrawn releases are written: the file will hold this run's news only (use -o to append)",
            err=True,
        )
    _warm_up_readers(settings, replay)
    from pressbot.crawl.runner import CrawlOptions, run_crawl
    from pressbot.crawl.state import LockHeld

    if not no_archive and not archive and state_path and "://" not in state_path:
        archive = str(Path(state_path).parent / "warc")
    options = CrawlOptions(
        sites=list(sites),
        replay=replay,
        upstream=upstream,
        output=overwrite_output or output,
        truncate=bool(overwrite_output),
        rejects=rejects,
        state=state_path,
        archive=None if no_archive else archive,
        manifest=manifest,
        since=since.date() if since else None,
        until=until.date() if until else None,
        max_reject_share=max_reject_share,
        min_coverage=min_coverage,
        max_coverage_drop=max_coverage_drop,
        overrides=settings,
        quiet=quiet,
        log_level=crawl_log_level(quiet, verbose, log_level),
        log_file=log_file,
        started=started,
        redis=redis,
        run_id=run_id,
        worker=worker,
        run_dir=run_dir,
    )
    from pressbot.crawl import exit_codes
    from pressbot.crawl.statefile import StateUnusable, move_aside

    if rebuild_state and state_path:
        moved = move_aside(state_path)
        if moved:
            click.echo(
                f"pressbot crawl: --rebuild-state: moved {state_path} to {moved}; starting a new state", err=True
            )
    try:
        code = run_crawl(options)
    except LockHeld as exc:
        click.echo(f"pressbot crawl: {exc}; exiting ({LOCK_HELD})", err=True)
        sys.exit(LOCK_HELD)
    except StateUnusable as exc:
        click.echo(f"pressbot crawl: {exc}", err=True)
        sys.exit(exit_codes.STATE_UNUSABLE)
    except OSError as exc:  # an output, rejects or state path that cannot be opened
        click.echo(f"pressbot crawl: cannot write {exc.filename or ''}: {exc.strerror or exc}", err=True)
        sys.exit(exit_codes.DISK_FULL)
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
@sites_dir_option
@click.argument("root", default="fixtures", type=click.Path(exists=True, path_type=Path))
def fixtures_check(root: Path) -> None:
    """Replay every case and show a per-field diff against expected.json; exit 1 on any difference."""
    from pressbot.fixtures.cases import case_is_safe, find_cases
    from pressbot.fixtures.check import diff, render_case

    cases = find_cases(root)
    bad = 0
    for case in cases:
        try:
            case_is_safe(case)
            expected = case.expected()
            if expected is None:
                bad += 1
                click.echo(f"MISSING {case.name}: no expected.json (run `pressbot fixtures update`)")
                continue
            rendered = render_case(case)
        except (OSError, ValueError, KeyError, TypeError) as exc:  # a malformed case: one line, the others checked
            bad += 1
            click.echo(f"BAD {case.name}: {type(exc).__name__}: {exc}")
            continue
        lines = diff(expected, rendered)
        if lines:
            bad += 1
            click.echo(f"FAIL {case.name} ({case.url})")
            for line in lines:
                click.echo(f"    {line}")
    click.echo(f"{len(cases) - bad} passed, {bad} failed")
    sys.exit(1 if bad or not cases else 0)


@fixtures.command("update")
@sites_dir_option
@click.argument("root", default="fixtures", type=click.Path(exists=True, path_type=Path))
def fixtures_update(root: Path) -> None:
    """Rewrite expected.json from current output (after you have reviewed the diff)."""
    from pressbot.fixtures.cases import case_is_safe, find_cases
    from pressbot.fixtures.check import render_case
    from pressbot.jsonfmt import json_document

    changed = bad = 0
    for case in find_cases(root):
        try:
            case_is_safe(case)
            text = json_document(render_case(case))
            old = case.expected_path.read_text(encoding="utf-8") if case.expected_path.exists() else None
            if text != old:
                case.expected_path.write_text(text, encoding="utf-8")
                changed += 1
                click.echo(f"updated {case.name}")
        except (OSError, ValueError, KeyError, TypeError) as exc:  # a malformed case: one line, the others updated
            bad += 1
            click.echo(f"BAD {case.name}: {type(exc).__name__}: {exc}", err=True)
    click.echo(f"{changed} expected.json file(s) rewritten" + (f", {bad} bad case(s) left alone" if bad else ""))
    sys.exit(1 if bad else 0)


@fixtures.command("save")
@sites_dir_option
@click.argument("url", required=False)
@click.option("--url", "url_option", metavar="URL", help="The page's URL (the same as the argument).")
@click.option(
    "--from-warc",
    "warc",
    type=click.Path(exists=True, path_type=Path),
    help="Take the page from this WARC file (or folder of them) instead of the live site.",
)
@click.option("--site", help="Site folder (inferred from the URL).")
@click.option("--case", "case_name", help="Case folder name (default: from the URL).")
@click.option("--root", default="fixtures", type=click.Path(path_type=Path), show_default=True)
def fixtures_save(
    url: str | None, url_option: str | None, warc: Path | None, site: str | None, case_name: str | None, root: Path
) -> None:
    """Record a new case from the live site, or from an archived crawl (the page as served, its status and headers)."""
    from pressbot.fixtures.save import BadCase, save_case

    url = url or url_option
    if not url:
        raise click.UsageError("give the page's URL (argument or --url)")
    try:
        if warc is not None:
            from pressbot.fixtures.warc import save_case_from_warc

            case = save_case_from_warc(warc, url, root=root, site=site, case_name=case_name)
        else:
            case = save_case(url, root=root, site=site, case_name=case_name)
    except BadCase as exc:
        raise click.UsageError(str(exc)) from None
    except (OSError, ValueError) as exc:
        click.echo(f"pressbot fixtures save: {url}: {exc}", err=True)
        sys.exit(1)
    click.echo(f"saved {case.path} (status {case.status}); review it, then `pressbot fixtures update {case.path}`")


# ---------------------------------------------------------------------------------------- info


@main.group(invoke_without_command=True)
@sites_dir_option
@click.pass_context
def sites(ctx: click.Context) -> None:
    """List the sites pressbot knows (bundled, and yours from --sites-dir)."""
    if ctx.invoked_subcommand is not None:
        return
    from pressbot.sites import SITES, USER_SITES

    rows = [("name", "language", "country", "domains", "label")]
    rows += [
        (s.name, s.language, s.country, " ".join(s.domains), s.label + (" [user]" if s.name in USER_SITES else ""))
        for s in SITES.values()
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for row in rows:
        click.echo("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:4])) + "  " + row[4])


@sites.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
def sites_check(files: tuple[Path, ...]) -> None:
    """Validate site files: one line per file, or one line per problem (FILE: field: what); exit 1 on any."""
    from pressbot.sites import SiteFileError, load_site_file

    failed = 0
    for path in files:
        try:
            site = load_site_file(path)
        except SiteFileError as exc:
            failed += 1
            click.echo(str(exc), err=True)
            continue
        walk = "listing rules" if site.listing else "no listing (releases only)"
        click.echo(f"{path}: ok: site {site.name!r}, {len(site.start_urls)} start URL(s), {walk}")
    sys.exit(1 if failed else 0)


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


def _register_record_commands() -> None:
    """Commands that work on records, not pages; each lives with its part and imports its libraries lazily."""
    from pressbot.crawl.reparse_command import reparse
    from pressbot.export.cli import export
    from pressbot.link.cli import link_command

    main.add_command(export)
    main.add_command(reparse)
    main.add_command(link_command)


_register_record_commands()

if __name__ == "__main__":
    main()
