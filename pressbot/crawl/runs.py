"""One run across workers: where each worker writes its part, and the coordinator that merges and judges them.

A run is a run id and a folder, ``<run dir>/<run id>/``. Each worker writes its own files there:
``releases-<worker>.jsonl``, ``rejects-<worker>.jsonl`` and, when it finishes, ``manifest-<worker>.json`` (the
one-worker manifest, same schema as a single run's). The coordinator, ``pressbot run-status RUN_DIR``:

- merges the parts into ``releases.jsonl`` (atomically): every whole line once, by (id, record_sha256); a torn
  last line of a killed worker (never acknowledged, so its page was fetched again) is left out;
- merges the manifests (per site: counts summed, coverage weighted by records; per worker: each manifest as is)
  into ``manifest.json``, applies the run gates of a single run to it, and exits with the same exit codes;
- with ``--redis``, refuses to judge a run whose frontier is not drained (exit 75, like a held lock: try again
  later), and records the merged manifest in the shared state (the coverage gate's history).

Chosen over "the last worker to finish decides": with workers on several machines no worker knows it is the last
(a replacement may still start), and a coordinator can be run again at any time with the same answer.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import click

from pressbot.crawl import exit_codes
from pressbot.jsonfmt import json_document

NOT_FINISHED = exit_codes.LOCK_HELD


def part_paths(run_dir: Path | str, worker: str) -> dict[str, Path]:
    root = Path(run_dir)
    return {
        "output": root / f"releases-{worker}.jsonl",
        "rejects": root / f"rejects-{worker}.jsonl",
        "manifest": root / f"manifest-{worker}.json",
    }


def configure_outputs(settings: Any) -> None:
    """``scrapy crawl -s PRESSBOT_RUN_DIR=…``: this worker's part files in ``<dir>/<run id>/``."""
    run_dir = settings.get("PRESSBOT_RUN_DIR")
    if not run_dir:
        return
    paths = part_paths(Path(run_dir) / settings.get("PRESSBOT_RUN_ID"), settings.get("PRESSBOT_WORKER"))
    for key in ("output", "rejects", "manifest"):
        setting = f"PRESSBOT_{key.upper()}"
        if not settings.get(setting):
            settings.set(setting, str(paths[key]), priority="cmdline")


def prepare_worker(options: Any, settings: Any) -> None:
    """``pressbot crawl --redis URL``: the settings of one worker, and its part files as the run's outputs."""
    from pressbot.crawl.frontier import _PROCESS_RUN_ID, default_worker

    options.run_id = options.run_id or _PROCESS_RUN_ID
    options.worker = options.worker or default_worker()
    settings.set("REDIS_URL", options.redis, priority="cmdline")
    settings.set("PRESSBOT_RUN_ID", options.run_id, priority="cmdline")
    settings.set("PRESSBOT_WORKER", options.worker, priority="cmdline")
    if options.run_dir:
        paths = part_paths(Path(options.run_dir) / options.run_id, options.worker)
        options.output = options.output or str(paths["output"])
        options.rejects = options.rejects or str(paths["rejects"])
        options.manifest = options.manifest or str(paths["manifest"])


# ---------------------------------------------------------------------------------------------- merging


def merge_parts(run_dir: Path, dest: Path) -> dict[str, int]:
    """Every record line of the parts once, in part order; written to ``dest`` atomically."""
    seen: set[tuple[str, str]] = set()
    counts: Counter[str] = Counter()
    tmp = dest.with_name(dest.name + ".tmp")
    with open(tmp, "wb") as out:
        for part in sorted(run_dir.glob("releases-*.jsonl")):
            counts["parts"] += 1
            for line in part.read_bytes().splitlines(keepends=True):
                if not line.endswith(b"\n"):
                    counts["torn"] += 1
                    continue
                try:
                    record = json.loads(line)
                except ValueError:
                    counts["unreadable"] += 1
                    continue
                key = (record.get("id"), (record.get("provenance") or {}).get("record_sha256"))
                if key in seen:
                    counts["duplicates"] += 1
                    continue
                seen.add(key)
                out.write(line)
                counts["records"] += 1
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, dest)
    return dict(counts)


def _sum_dicts(values: list[dict[str, int]]) -> dict[str, int]:
    total: Counter[str] = Counter()
    for value in values:
        total.update(value)
    return dict(sorted(total.items()))


def merge_manifests(manifests: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Sites summed over the workers' manifests; coverage weighted by each worker's records with content."""
    names = sorted({name for m in manifests.values() for name in m.get("sites", {})})
    sites: dict[str, Any] = {}
    for name in names:
        parts = [m["sites"][name] for m in manifests.values() if name in m.get("sites", {})]
        weights = [p["releases"].get("new", 0) + p["releases"].get("changed", 0) for p in parts]
        coverage: dict[str, float | None] = {}
        for field in sorted({f for p in parts for f in p["coverage"]}):
            pairs = [(p["coverage"].get(field), w) for p, w in zip(parts, weights, strict=True)]
            pairs = [(c, w) for c, w in pairs if c is not None and w]
            total = sum(w for _, w in pairs)
            coverage[field] = round(sum(c * w for c, w in pairs) / total, 4) if total else None
        sites[name] = {
            "requests": sum(p["requests"] for p in parts),
            "responses_by_status": _sum_dicts([p["responses_by_status"] for p in parts]),
            "releases": _sum_dicts([p["releases"] for p in parts]),
            "rejects": _sum_dicts([p["rejects"] for p in parts]),
            "blocked": sum(p["blocked"] for p in parts),
            "coverage": coverage,
            "errors": [e for p in parts for e in p["errors"]][:50],
            "listing_pages": sum(p.get("listing_pages", 0) for p in parts),
            "replay_missing": sum(p["replay_missing"] for p in parts),
            "robots_refused": sum(p["robots_refused"] for p in parts),
            "spider_exceptions": sum(p.get("spider_exceptions", 0) for p in parts),
        }
    return {
        "started": min((m["started"] for m in manifests.values()), default=""),
        "finished": max((m["finished"] for m in manifests.values()), default=""),
        "sites": sites,
    }


def frontier_status(redis_url: str, run_id: str) -> dict[str, Any]:
    """What is left of a run's frontier: queued requests, live workers, leases held."""
    import redis

    from pressbot.crawl.frontier import RunKeys

    client = redis.Redis.from_url(redis_url)
    keys = RunKeys(run_id)
    spiders = [s.decode() for s in client.smembers(keys.spiders)]
    workers = [w.decode() for w in client.smembers(keys.workers)]
    return {
        "queued": sum(client.zcard(keys.queue(s)) for s in spiders),
        "workers": workers,
        "alive": [w for w in workers if client.exists(keys.alive(w))],
        "leases": sum(client.hlen(keys.leases(s, w)) // 2 for s in spiders for w in workers),
    }


def run_status(run_dir: Path, redis_url: str | None = None, output: Path | None = None) -> tuple[int, dict[str, Any]]:
    from pressbot.crawl.runner import CrawlOptions, judge, project_settings

    run_id = run_dir.name
    report: dict[str, Any] = {"run": run_id}
    if redis_url:
        status = frontier_status(redis_url, run_id)
        report["frontier"] = status
        if status["queued"] or status["workers"]:
            return NOT_FINISHED, report
    manifests = {
        path.name[len("manifest-") : -len(".json")]: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(run_dir.glob("manifest-*.json"))
    }
    part_workers = {p.name[len("releases-") : -len(".jsonl")] for p in run_dir.glob("releases-*.jsonl")}
    merged = merge_manifests(manifests)
    merged["run"] = run_id
    merged["output"] = str(output or run_dir / "releases.jsonl")
    merged["merge"] = merge_parts(run_dir, Path(merged["output"]))
    merged["workers"] = manifests
    merged["workers_without_manifest"] = sorted(part_workers - set(manifests))  # killed, replaced by others
    settings = project_settings()
    options = CrawlOptions(
        max_reject_share=settings.getfloat("PRESSBOT_MAX_REJECT_SHARE"),
        min_coverage=settings.getfloat("PRESSBOT_MIN_COVERAGE"),
        max_coverage_drop=settings.getfloat("PRESSBOT_MAX_COVERAGE_DROP"),
    )
    state = None
    if redis_url:
        from pressbot.crawl.redis_state import RedisState

        state = RedisState(redis_url, worker=f"coordinator-{run_id}")
    history = state.recent_manifests(settings.getint("PRESSBOT_COVERAGE_HISTORY")) if state else []
    history = [h for h in history if h.get("run") != run_id]
    gates, code = judge(merged, history, options)
    merged["gates"], merged["exit_code"] = gates, code
    (run_dir / "manifest.json").write_text(json_document(merged), encoding="utf-8")
    if state is not None:
        state.record_merged_run({k: v for k, v in merged.items() if k != "workers"} | {"run": run_id})
        state.close()
    report.update(merged)
    return code, report


@click.command("run-status")
@click.argument("run_dir", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option("--redis", "redis_url", metavar="URL", help="Check the run's frontier is drained; keep run history.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Merged dataset path.")
def run_status_command(run_dir: Path, redis_url: str | None, output: Path | None) -> None:
    """Merge a run's worker parts (RUN_DIR = <run dir>/<run id>) into one dataset and one manifest; exit with
    the run gates' code (75 while workers are still at it)."""
    code, report = run_status(run_dir, redis_url, output)
    err = sys.stderr
    if code == NOT_FINISHED:
        f = report["frontier"]
        err.write(f"run {report['run']} not finished: {f['queued']} queued, workers {', '.join(f['workers'])}\n")
        sys.exit(code)
    m = report["merge"]
    err.write(
        f"run {report['run']}: {len(report['workers'])} worker manifest(s), {m.get('parts', 0)} part(s), "
        f"{m.get('records', 0)} record(s), {m.get('duplicates', 0)} duplicate line(s) dropped\n"
    )
    for name, site in report["sites"].items():
        r = site["releases"]
        err.write(f"{name:10} new {r.get('new', 0)} changed {r.get('changed', 0)} same {r.get('unchanged', 0)}\n")
    for gate, result in report["gates"].items():
        if not result["ok"]:
            err.write(f"gate {gate} FAILED: {'; '.join(result['why'])}\n")
    err.write(f"exit {code}; merged: {report['output']}; manifest: {run_dir / 'manifest.json'}\n")
    sys.exit(code)


# ---------------------------------------------------------------------------------------------- scrapy crawl


class WorkerManifest:
    """Extension: under ``scrapy crawl`` (scrapyd), write the run manifest to ``PRESSBOT_MANIFEST`` at the end,
    as ``pressbot crawl`` does (the CLI writes its own and this stays quiet)."""

    def __init__(self, crawler: Any):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> WorkerManifest:
        from scrapy import signals
        from scrapy.exceptions import NotConfigured

        if not crawler.settings.get("PRESSBOT_MANIFEST"):
            raise NotConfigured
        extension = cls(crawler)
        crawler.signals.connect(extension.spider_closed, signals.spider_closed)
        return extension

    def spider_closed(self, spider: Any, reason: str) -> None:
        from pressbot.crawl import run as run_module
        from pressbot.crawl.manifest import Manifest
        from pressbot.crawl.runner import CrawlOptions, judge

        if run_module._shared is not None:
            return
        settings = self.crawler.settings
        run = run_module.run_for(self.crawler)
        run.crawler_stats[spider.name] = self.crawler.stats.get_stats()
        run.site(spider.name)
        manifest = run.manifest()
        options = CrawlOptions(
            max_reject_share=settings.getfloat("PRESSBOT_MAX_REJECT_SHARE"),
            min_coverage=settings.getfloat("PRESSBOT_MIN_COVERAGE"),
            max_coverage_drop=settings.getfloat("PRESSBOT_MAX_COVERAGE_DROP"),
        )
        history = run.state.recent_manifests(settings.getint("PRESSBOT_COVERAGE_HISTORY")) if run.state else []
        manifest["gates"], manifest["exit_code"] = judge(manifest, history, options)
        manifest = Manifest.model_validate(manifest).model_dump(mode="json")
        path = Path(settings.get("PRESSBOT_MANIFEST"))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json_document(manifest), encoding="utf-8")
        if run.state:
            run.state.record_run(manifest["started"], manifest["finished"], manifest["exit_code"], manifest)
        run.close()
