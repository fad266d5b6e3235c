"""`pressbot crawl`: run the spiders in one process, then judge the run by its gates."""

from __future__ import annotations

import datetime as dt
import gc
import statistics
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from pressbot.crawl import exit_codes
from pressbot.crawl.bounds import bounds_report
from pressbot.crawl.manifest import Manifest
from pressbot.crawl.run import Run, share
from pressbot.crawl.state import run_lock
from pressbot.crawl.stdout import is_stdout
from pressbot.jsonfmt import json_document
from pressbot.sites import SITES
from pressbot.spiders.base import ReleaseSpider


@dataclass
class CrawlOptions:
    sites: list[str] = field(default_factory=list)
    replay: str | None = None
    upstream: str | None = None
    output: str | None = None
    truncate: bool = False
    rejects: str | None = None
    state: str | None = None
    archive: str | None = None  # a WARC folder (crawl/archive.py); the CLI defaults it beside the state
    manifest: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    max_reject_share: float | None = None  # None: from the settings (PRESSBOT_MAX_REJECT_SHARE …)
    min_coverage: float | None = None
    max_coverage_drop: float | None = None
    overrides: dict[str, str] = field(default_factory=dict)
    quiet: bool = False
    log_level: str = "WARNING"  # pressbot crawl's default: progress, problems and the summary (logs.py)
    log_file: str | None = None
    started: dt.datetime | None = None  # the run's start (the CLI's, which %(time)s in the paths names)
    redis: str | None = None  # one worker of a shared run (pressbot/crawl/frontier.py)
    run_id: str | None = None
    worker: str | None = None
    run_dir: str | None = None


def spider_classes() -> dict[str, type[ReleaseSpider]]:
    """A spider per site in the registry, including sites added by ``--sites-dir`` after start-up."""
    from pressbot.spiders.sites import spider_for

    return {name: spider_for(site) for name, site in SITES.items()}


def project_settings() -> Settings:
    settings = Settings()
    settings.setmodule("pressbot.settings", priority="project")
    return settings


def run_crawl(options: CrawlOptions) -> int:
    names = options.sites or list(SITES)
    unknown = [n for n in names if n not in SITES]
    if unknown:
        raise ValueError(f"unknown site(s): {', '.join(unknown)}; known: {', '.join(SITES)}")
    if options.state and not options.redis:  # many workers share a Redis state: no file lock
        with run_lock(options.state):
            return _crawl(options, names)
    return _crawl(options, names)


def _crawl(options: CrawlOptions, names: list[str]) -> int:
    settings = project_settings()
    if options.redis:
        from pressbot.crawl.runs import prepare_worker

        prepare_worker(options, settings)
    run = Run(options.output, options.rejects, options.state, truncate=options.truncate, worker=options.worker)
    if options.started is not None:
        run.started = options.started.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    share(run)
    if options.replay:
        settings.set("PRESSBOT_REPLAY", options.replay, priority="cmdline")
        # Replay is offline and instant: no politeness delays needed.
        settings.set("DOWNLOAD_DELAY", 0, priority="cmdline")
        settings.set("AUTOTHROTTLE_ENABLED", False, priority="cmdline")
    if options.archive:
        settings.set("PRESSBOT_ARCHIVE", options.archive, priority="cmdline")
    if options.upstream:
        handler = "pressbot.crawl.upstream.UpstreamDownloadHandler"
        settings.set("PRESSBOT_UPSTREAM", options.upstream, priority="cmdline")
        settings.set("DOWNLOAD_HANDLERS", {"http": handler, "https": handler}, priority="cmdline")
    if options.since:
        settings.set("PRESSBOT_SINCE", options.since.isoformat(), priority="cmdline")
    if options.until:
        settings.set("PRESSBOT_UNTIL", options.until.isoformat(), priority="cmdline")
    settings.set("PRESSBOT_JOBDIR_PER_SITE", True, priority="cmdline")  # -s JOBDIR=DIR: DIR/<site> (crawl/jobdir.py)
    settings.set("LOG_LEVEL", options.log_level, priority="cmdline")
    if options.log_file:
        settings.set("LOG_FILE", options.log_file, priority="cmdline")
    if options.quiet:
        settings.set("PRESSBOT_PROGRESS_INTERVAL", 0, priority="cmdline")
    for name, value in options.overrides.items():
        settings.set(name, value, priority="cmdline")
    for option, setting in (
        ("max_reject_share", "PRESSBOT_MAX_REJECT_SHARE"),
        ("min_coverage", "PRESSBOT_MIN_COVERAGE"),
        ("max_coverage_drop", "PRESSBOT_MAX_COVERAGE_DROP"),
    ):
        if getattr(options, option) is None:
            setattr(options, option, settings.getfloat(setting))
    classes = spider_classes()
    process = CrawlerProcess(settings)
    crawlers = []
    not_started: dict[str, str] = {}  # site → why its crawler failed to start (a bad setting, broken fixtures)
    for name in names:
        crawler = process.create_crawler(classes[name])
        crawlers.append((name, crawler))
        process.crawl(crawler).addErrback(_not_started, name, crawler, not_started)
    # Everything loaded so far (Scrapy, lxml, pydantic schemas, the rule tables) lives as long as the run:
    # keep it out of the cyclic collector's full passes, which would otherwise walk it again and again.
    gc.freeze()
    try:
        process.start()
    finally:
        gc.unfreeze()  # a caller that runs several crawls in one process gets its collector back
        share(None)
        for name, crawler in crawlers:
            run.crawler_stats[name] = crawler.stats.get_stats() if crawler.stats else {}
            run.site(name)  # every crawled site is in the manifest, even with nothing to report
        manifest = run.manifest()
        for name, site in manifest["sites"].items():
            site["bounds"] = bounds_report(name, run.crawler_stats.get(name, {}), settings)
        history = run.state.recent_manifests(settings.getint("PRESSBOT_COVERAGE_HISTORY")) if run.state else []
        gates, code = judge(manifest, history, options)
        if not_started:
            gates["started"] = {"ok": False, "why": [f"{n}: {why}" for n, why in sorted(not_started.items())]}
            code = exit_codes.ERROR
        interrupted = any(stats.get("finish_reason") == "shutdown" for stats in run.crawler_stats.values())
        manifest["interrupted"] = interrupted
        if interrupted and not not_started:
            code = exit_codes.INTERRUPTED  # gates judged on part of a run say little: the stop is the news
        run.sync()  # the last lines made durable before the run is judged: a write error is part of the verdict
        if run.write_error is not None:
            gates["output"] = {
                "ok": False,
                "why": [f"{run.output_path}: {run.write_error.strerror or run.write_error}"],
            }
            code = exit_codes.DISK_FULL
        manifest["gates"] = gates
        manifest["exit_code"] = code
        manifest = Manifest.model_validate(manifest).model_dump(mode="json")
        manifest_path = _manifest_path(options, run)
        try:
            manifest_path.parent.mkdir(parents=True, exist_ok=True)
            manifest_path.write_text(json_document(manifest), encoding="utf-8")
        except OSError as exc:
            sys.stderr.write(f"pressbot crawl: cannot write the manifest {manifest_path}: {exc.strerror or exc}\n")
            code = manifest["exit_code"] = exit_codes.DISK_FULL
        if run.state:
            run.state.record_run(manifest["started"], manifest["finished"], code, manifest)
        run.close()
    print_summary(manifest, manifest_path)
    return code


def _not_started(failure: Any, name: str, crawler: Any, not_started: dict[str, str]) -> None:
    """A crawler that failed to start (its deferred failed): one line now, exit 1 at the end."""
    why = f"{type(failure.value).__name__}: {failure.value}".splitlines()[0]
    not_started[name] = why
    sys.stderr.write(f"pressbot crawl: {name} did not start: {why}\n")


def _manifest_path(options: CrawlOptions, run: Run) -> Path:
    if options.manifest:
        return Path(options.manifest)
    if options.output and not is_stdout(options.output):
        return Path(f"{options.output}.manifest.json")
    base = Path(options.state).parent if options.state else Path.cwd()
    return base / "runs" / f"{run.started.replace(':', '')}.json"


def judge(manifest: dict[str, Any], history: list[dict[str, Any]], options: CrawlOptions) -> tuple[dict[str, Any], int]:
    """Each gate: did it hold, and why not. The exit code is the first failing gate's."""
    failures: dict[str, list[str]] = {"blocked": [], "rejects": [], "coverage": [], "errors": []}
    total_pages = total_rejects = 0
    for name, site in manifest["sites"].items():
        releases = site["releases"]
        good = sum(releases.values())
        # a fetch error is a reject line too, but it is judged by the errors gate (exit 6), not as a bad page
        rejects = sum(n for reason, n in site["rejects"].items() if reason != "fetch_error")
        total_pages += good + rejects
        total_rejects += rejects
        if (site["blocked"] and not good) or site["robots_refused"]:
            failures["blocked"].append(
                f"{name}: {site['blocked']} blocked page(s), {good} release(s)"
                + (f", robots.txt unavailable for {site['robots_refused']} host(s)" if site["robots_refused"] else "")
            )
        elif site.get("robots_forbidden") and not good:
            failures["blocked"].append(
                f"{name}: robots.txt disallows what pressbot crawls ({site['robots_forbidden']} request(s) refused)"
            )
        if site["errors"] or site["replay_missing"] or site["spider_exceptions"]:
            failures["errors"].append(
                f"{name}: {len(site['errors'])} fetch error(s), "
                f"{site['replay_missing']} request(s) with no fixture, "
                f"{site['spider_exceptions']} spider exception(s)"
            )
        coverage = site["coverage"].get("published")
        if coverage is not None and coverage < options.min_coverage:
            failures["coverage"].append(f"{name}: published date on {coverage:.0%} of records")
        past = [
            h["sites"][name]["coverage"].get("meeting.date")
            for h in history
            if name in h.get("sites", {}) and h["sites"][name]["coverage"].get("meeting.date") is not None
        ]
        now = site["coverage"].get("meeting.date")
        if now is not None and len(past) >= 3 and now < statistics.median(past) - options.max_coverage_drop:
            failures["coverage"].append(
                f"{name}: meeting date coverage {now:.0%}, recent median {statistics.median(past):.0%}"
            )
    if total_pages and total_rejects / total_pages > options.max_reject_share:
        failures["rejects"].append(f"{total_rejects} of {total_pages} pages rejected")
    order = [
        ("blocked", exit_codes.BLOCKED),
        ("rejects", exit_codes.REJECTS),
        ("coverage", exit_codes.COVERAGE),
        ("errors", exit_codes.SPIDER_ERRORS),
    ]
    code = next((c for gate, c in order if failures[gate]), exit_codes.OK)
    gates = {gate: {"ok": not failures[gate], "why": failures[gate]} for gate, _ in order}
    return gates, code


def print_summary(manifest: dict[str, Any], path: Path) -> None:
    out = sys.stderr
    out.write("\npressbot crawl summary\n")
    out.write(f"{'site':10} {'new':>5} {'chg':>5} {'same':>5} {'gone':>5} {'rej':>5} {'blocked':>7}  requests\n")
    for name, site in manifest["sites"].items():
        r = site["releases"]
        out.write(
            f"{name:10} {r['new']:>5} {r['changed']:>5} {r['unchanged']:>5} {r['withdrawn']:>5} "
            f"{sum(site['rejects'].values()):>5} {site['blocked']:>7}  {site['requests']}\n"
        )
    for name, site in manifest["sites"].items():
        for what, bound in site.get("bounds", {}).items():
            out.write(f"{name}: {what} bound ({bound['limit']}) hit: {bound['dropped']} request(s) not followed\n")
    for gate, result in manifest["gates"].items():
        if not result["ok"]:
            out.write(f"gate {gate} FAILED: {'; '.join(result['why'])}\n")
    out.write(f"exit {manifest['exit_code']}; manifest: {path}\n")
